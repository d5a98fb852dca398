import type { ApiClient, PrivacyOverview } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import type { ScanOptions } from '../../../shared/privacy/findings.js';
import { type DismissedFinding, type Occurrence, dismissedKeys } from '../../../shared/privacy/privacySettings.js';

/** What the editors need to flag possible identifiers: the user's lists and the occurrences dismissed. */
export interface PrivacyConfig {
  lists: ScanOptions;
  /** `occurrenceKey`s of every dismissed occurrence (in any entry, as the check before export counts them). */
  dismissed: ReadonlySet<string>;
}

export interface PrivacySnapshot {
  /** Null until the lists have been read (or could not be): the editors flag nothing until then. */
  config: PrivacyConfig | null;
  dismissals: readonly DismissedFinding[];
  error: string | null;
}

/** Where a section editor takes its privacy settings from; it follows every change. */
export interface PrivacySource {
  subscribe(listener: () => void): () => void;
  current(): PrivacyConfig | null;
}

const configOf = (overview: PrivacyOverview): PrivacyConfig => ({
  lists: { alwaysFlag: overview.alwaysFlag, neverFlag: overview.neverFlag },
  dismissed: dismissedKeys(overview.dismissed),
});

/**
 * The portfolio's privacy settings as the page knows them: read once per session when the first
 * editor asks, then replaced by what each privacy operation answers, so every open editor
 * re-flags at once when a list changes or an occurrence is dismissed.
 */
export class PrivacyStore implements PrivacySource {
  private state: PrivacySnapshot = { config: null, dismissals: [], error: null };
  private readonly listeners = new Set<() => void>();
  private loading: Promise<void> | null = null;
  private loaded = false;

  constructor(private readonly client: ApiClient) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    void this.load();
    return () => this.listeners.delete(listener);
  };

  snapshot = (): PrivacySnapshot => this.state;

  current = (): PrivacyConfig | null => this.state.config;

  /** Reads the settings unless they have been read; `force` reads them again (another page changed them). */
  load(force = false): Promise<void> {
    if (this.loading) return force ? this.loading.then(() => this.load(true)) : this.loading;
    if (this.loaded && !force) return Promise.resolve();
    this.loading = this.client.call('privacy.get', {}).then((result) => {
      this.loading = null;
      this.loaded = result.ok;
      if (result.ok) this.accept(result.value);
      // Better to flag with no lists than to flag nothing: the lists only add and remove names.
      else this.publish({ config: this.state.config ?? { lists: { alwaysFlag: [], neverFlag: [] }, dismissed: new Set() }, dismissals: this.state.dismissals, error: result.error.message });
    });
    return this.loading;
  }

  /** Reads the settings again if they have been read (an entry page opening after another page may have changed them). */
  revalidate(): Promise<void> {
    return this.load(this.loaded);
  }

  /** Takes the settings as the back end now holds them (the answer to `privacy.setLists` or `privacy.undismiss`). */
  accept(overview: PrivacyOverview): void {
    this.loaded = true;
    this.publish({ config: configOf(overview), dismissals: overview.dismissed, error: null });
  }

  /** Dismisses one occurrence in an entry; every editor stops flagging it. */
  async dismiss(entryId: string, occurrence: Occurrence): Promise<Result<DismissedFinding>> {
    const result = await this.client.call('privacy.dismiss', { entryId, ...occurrence });
    if (result.ok && !this.state.dismissals.some((dismissal) => dismissal.id === result.value.id)) {
      const dismissals = [...this.state.dismissals, result.value];
      this.publishDismissals(dismissals);
    }
    return result;
  }

  /** Flags a dismissed occurrence again. */
  async undismiss(dismissalId: string): Promise<Result<PrivacyOverview>> {
    const result = await this.client.call('privacy.undismiss', { dismissalId });
    if (result.ok) this.accept(result.value);
    return result;
  }

  private publishDismissals(dismissals: readonly DismissedFinding[]): void {
    const lists = this.state.config?.lists ?? { alwaysFlag: [], neverFlag: [] };
    this.publish({ config: { lists, dismissed: dismissedKeys(dismissals) }, dismissals, error: this.state.error });
  }

  private publish(next: PrivacySnapshot): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

const stores = new WeakMap<object, PrivacyStore>();

/** The one privacy store of a portfolio session (made the first time it is asked for). */
export function privacyStoreOf(session: { readonly client: ApiClient }): PrivacyStore {
  let store = stores.get(session);
  if (!store) {
    store = new PrivacyStore(session.client);
    stores.set(session, store);
  }
  return store;
}

/**
 * Reads the privacy settings again, so the open editors flag with the new lists. Pages that change
 * the lists call this after saving (or pass the answer of `privacy.setLists` to `privacyStoreOf(session).accept`).
 */
export function refreshPrivacy(session: { readonly client: ApiClient }): Promise<void> {
  return privacyStoreOf(session).load(true);
}
