import { Component, type ReactNode, Suspense, lazy, useEffect } from 'react';

/**
 * Views other than the week are loaded when first opened (and fetched quietly once the first week
 * is on screen), so the start-up script holds only what the weekly log needs.
 */
const loaders = {
  ideas: () => import('../ideas/IdeasView.js').then((module) => ({ default: module.IdeasView })),
  coverage: () => import('../coverage/CoverageView.js').then((module) => ({ default: module.CoverageView })),
  evidence: () => import('../coverage/EvidenceView.js').then((module) => ({ default: module.EvidenceView })),
  frameworks: () => import('../frameworks/FrameworksView.js').then((module) => ({ default: module.FrameworksView })),
  settings: () => import('../settings/SettingsView.js').then((module) => ({ default: module.SettingsView })),
  reflection: () => import('../reflection/ReflectionView.js').then((module) => ({ default: module.ReflectionView })),
  newReflection: () => import('../reflection/NewReflectionView.js').then((module) => ({ default: module.NewReflectionView })),
  templates: () => import('../templates/TemplatesView.js').then((module) => ({ default: module.TemplatesView })),
  cpd: () => import('../cpd/CpdView.js').then((module) => ({ default: module.CpdView })),
  export: () => import('../export/ExportView.js').then((module) => ({ default: module.ExportView })),
  sharing: () => import('../sharing/SharingView.js').then((module) => ({ default: module.SharingView })),
  mentoring: () => import('../mentoring/MentoringView.js').then((module) => ({ default: module.MentoringView })),
  review: () => import('../mentoring/ReviewView.js').then((module) => ({ default: module.ReviewView })),
};

export const IdeasView = lazy(loaders.ideas);
export const CoverageView = lazy(loaders.coverage);
export const EvidenceView = lazy(loaders.evidence);
export const FrameworksView = lazy(loaders.frameworks);
export const SettingsView = lazy(loaders.settings);
export const ReflectionView = lazy(loaders.reflection);
export const NewReflectionView = lazy(loaders.newReflection);
export const TemplatesView = lazy(loaders.templates);
export const CpdView = lazy(loaders.cpd);
export const ExportView = lazy(loaders.export);
export const SharingView = lazy(loaders.sharing);
export const MentoringView = lazy(loaders.mentoring);
export const ReviewView = lazy(loaders.review);

/** Starts fetching every lazily loaded view, for when the page has nothing more urgent to do. */
export function preloadViews(): void {
  for (const load of Object.values(loaders)) void load().catch(() => undefined);
}

/** Once a lazily loaded view is on the page, focus moves to its content if the loading notice had it. */
function FocusWhenLoaded() {
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) document.getElementById('main-content')?.focus({ preventScroll: true });
  }, []);
  return null;
}

/** If a view's code cannot be loaded (the app was updated or stopped meanwhile), say so instead of a blank page. */
class ViewLoadFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <main id="main-content" className="page" tabIndex={-1}>
        <div className="notice notice--error" role="alert">
          <p>This page could not be opened. Reflective Portfolio may have been updated or stopped since this window was opened; reloading fetches it again. Your saved work is not affected.</p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </main>
    );
  }
}

/** A lazily loaded view; give it a `key` per view so each one gets focus when it arrives. */
export function LazyView({ children }: { children: ReactNode }) {
  return (
    <ViewLoadFailure>
      <LazyViewContent>{children}</LazyViewContent>
    </ViewLoadFailure>
  );
}

function LazyViewContent({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <main id="main-content" className="page" tabIndex={-1} aria-busy="true">
          <p className="muted">Opening…</p>
        </main>
      }
    >
      {children}
      <FocusWhenLoaded />
    </Suspense>
  );
}
