import { useSyncExternalStore } from 'react';
import type { ApiClient, BuiltInFrameworkListing, FrameworksOverview } from '../../../shared/api/contract.js';
import type { Framework } from '../../../shared/frameworks/framework.js';

export interface FrameworksSnapshot {
  /** The portfolio's frameworks, archived ones included, in the user's order. */
  frameworks: readonly Framework[];
  builtIns: readonly BuiltInFrameworkListing[];
  loaded: boolean;
  error: string | null;
}

/**
 * The portfolio's frameworks as the page knows them: loaded once, then replaced by whatever each
 * framework operation answers, so the tag picker, the coverage view and the framework editor agree.
 */
export class FrameworksStore {
  private current: FrameworksSnapshot = { frameworks: [], builtIns: [], loaded: false, error: null };
  private readonly listeners = new Set<() => void>();
  private loading: Promise<void> | null = null;

  constructor(private readonly client: ApiClient) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): FrameworksSnapshot => this.current;

  /** Loads the list if it has not been loaded (or failed last time); `force` asks again anyway. */
  load(force = false): Promise<void> {
    if (this.loading) return this.loading;
    if (this.current.loaded && !force) return Promise.resolve();
    this.loading = this.client.call('frameworks.list', {}).then((result) => {
      this.loading = null;
      if (result.ok) this.accept(result.value);
      else this.publish({ ...this.current, error: result.error.message });
    });
    return this.loading;
  }

  accept(overview: FrameworksOverview): void {
    this.publish({ frameworks: overview.frameworks, builtIns: overview.builtIns, loaded: true, error: null });
  }

  /** Puts one framework as the back end now holds it (after a save, an import or adding a built-in). */
  put(framework: Framework): void {
    const exists = this.current.frameworks.some((candidate) => candidate.id === framework.id);
    const frameworks = exists ? this.current.frameworks.map((candidate) => (candidate.id === framework.id ? framework : candidate)) : [...this.current.frameworks, framework];
    const builtIns = this.current.builtIns.map((builtIn) => (builtIn.id === framework.id ? { ...builtIn, added: true } : builtIn));
    this.publish({ ...this.current, frameworks, builtIns });
  }

  private publish(next: FrameworksSnapshot): void {
    this.current = next;
    for (const listener of this.listeners) listener();
  }
}

/** The frameworks snapshot, re-rendering when it changes. */
export function useFrameworksSnapshot(store: FrameworksStore): FrameworksSnapshot {
  return useSyncExternalStore(store.subscribe, store.snapshot);
}
