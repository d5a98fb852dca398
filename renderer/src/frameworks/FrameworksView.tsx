/**
 * Frameworks: the learning outcomes and standards evidence is tagged against. `#/frameworks` lists
 * the portfolio's frameworks (adding built-in ones, making new units, importing and exporting
 * files); `#/frameworks/<id>` edits one, saving as the user types like the rest of the app.
 */
import { useEffect, useRef } from 'react';
import { FrameworkEditorPage } from './FrameworkEditorPage.js';
import { FrameworkList } from './FrameworkList.js';

export function FrameworksView({ frameworkId }: { frameworkId: string | null }) {
  const previous = useRef(frameworkId);

  // Between the list and an editor, focus goes to the start of the new content unless the page put it somewhere.
  useEffect(() => {
    if (previous.current === frameworkId) return;
    previous.current = frameworkId;
    if (document.activeElement === null || document.activeElement === document.body) document.getElementById('main-content')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [frameworkId]);

  return frameworkId === null ? <FrameworkList /> : <FrameworkEditorPage key={frameworkId} frameworkId={frameworkId} />;
}
