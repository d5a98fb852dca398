import { useState } from 'react';
import type { TemplatesOverview } from '../../../shared/api/contract.js';
import type { Template } from '../../../shared/templates/template.js';
import { routeHash } from '../routing/route.js';
import { LoadFailure } from '../shell/LoadFailure.js';
import { editorWelcome } from './editorWelcome.js';
import { TemplateEditor } from './TemplateEditor.js';
import { TemplateReadOnly } from './TemplateReadOnly.js';
import { unsavedTemplates } from './unsavedTemplates.js';
import { useTemplatesOverview } from './useTemplatesOverview.js';

type Opened = { kind: 'custom'; initial: Template; saved: Template; usage: number } | { kind: 'built-in'; template: Template } | { kind: 'unknown' };

function openTemplate(templateId: string, overview: TemplatesOverview): Opened {
  const saved = overview.custom.find((template) => template.id === templateId);
  if (saved) return { kind: 'custom', initial: unsavedTemplates.get(templateId) ?? saved, saved, usage: overview.usage[templateId] ?? 0 };
  const builtIn = overview.builtIns.find((template) => template.id === templateId);
  if (builtIn) return { kind: 'built-in', template: builtIn };
  return { kind: 'unknown' };
}

/** Waits for the portfolio's templates, then opens one: the user's own in the editor, a built-in one to read. */
export function TemplateEditorPage({ templateId }: { templateId: string }) {
  const { state, reload } = useTemplatesOverview();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [welcome] = useState(() => editorWelcome.take(templateId));

  // Opened once: a later reload of the list must not put the editor back to what was saved.
  if (opened === null && state.kind === 'loaded') setOpened(openTemplate(templateId, state.overview));

  if (opened?.kind === 'custom') return <TemplateEditor initial={opened.initial} saved={opened.saved} usage={opened.usage} welcome={welcome} />;
  if (opened?.kind === 'built-in') return <TemplateReadOnly template={opened.template} />;

  return (
    <main id="main-content" className="page template-editor" tabIndex={-1} data-testid="template-editor" aria-busy={state.kind === 'loading'}>
      <p className="back-link">
        <a href={routeHash({ view: 'templates', templateId: null })}>
          <span aria-hidden="true">← </span>All templates
        </a>
      </p>
      {state.kind === 'failed' ? (
        <>
          <h1>Template</h1>
          <LoadFailure message={state.message} onRetry={reload} />
        </>
      ) : null}
      {state.kind === 'loading' ? (
        <>
          <h1>Template</h1>
          <p className="muted">Loading the template…</p>
        </>
      ) : null}
      {opened?.kind === 'unknown' ? (
        <div className="empty-state">
          <h1>This template is not in your portfolio</h1>
          <p>
            It may have been deleted, or the address is mistyped. Go back to <a href={routeHash({ view: 'templates', templateId: null })}>your templates</a> to
            choose another or make a new one.
          </p>
        </div>
      ) : null}
    </main>
  );
}
