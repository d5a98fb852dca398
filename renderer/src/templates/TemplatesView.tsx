/**
 * Templates: the shape of a reflection (Gibbs, Borton, the NMC form…) as a list of sections.
 * `#/templates` lists the built-in templates and the user's own (making, duplicating, importing,
 * exporting and deleting them); `#/templates/<id>` edits one of the user's own, saving as the user
 * types, or shows a built-in one to duplicate.
 */
import { useEffect, useRef } from 'react';
import '../styles/templates.css';
import { TemplateEditorPage } from './TemplateEditorPage.js';
import { TemplateList } from './TemplateList.js';

export function TemplatesView({ templateId }: { templateId: string | null }) {
  const previous = useRef(templateId);

  // Between the list and an editor, focus goes to the start of the new content unless the page put it somewhere.
  useEffect(() => {
    if (previous.current === templateId) return;
    previous.current = templateId;
    const active = document.activeElement;
    if (active === null || active === document.body || !active.isConnected) document.getElementById('main-content')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [templateId]);

  return templateId === null ? <TemplateList /> : <TemplateEditorPage key={templateId} templateId={templateId} />;
}
