import type { Editor } from '@tiptap/core';
import { useEditor } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import type { EditorDoc } from '../../../shared/document/editorJson.js';
import { emptyDoc } from '../../../shared/document/editorJson.js';
import type { EvidenceTag, Framework } from '../../../shared/frameworks/framework.js';
import type { TemplateSection } from '../../../shared/templates/template.js';
import { sectionEditorOptions } from '../editor/sectionEditorOptions.js';
import { sectionExtensions } from '../editor/sectionExtensions.js';
import { toEditorDoc } from '../editor/toEditorDoc.js';
import { EvidenceAtCaret } from '../evidence/EvidenceAtCaret.js';
import { SectionEditor } from '../week/SectionEditor.js';
import type { EntryPrivacy } from '../privacy/EntryPrivacy.js';
import { PrivacyAtCaret } from '../privacy/PrivacyAtCaret.js';

interface ReflectionSectionProps {
  section: TemplateSection;
  initial: EditorDoc | undefined;
  frameworks: readonly Framework[];
  codeOf(tag: EvidenceTag): string;
  /** Called with the section's editor once its text is in (null when it goes); throws nothing. */
  onReady(sectionId: string, editor: Editor | null): void;
  /** The stored text does not fit the editor: the whole reflection must stay untouched. */
  onUnreadable(): void;
  onChange(sectionId: string, doc: EditorDoc): void;
  onFocus(sectionId: string): void;
  /** The reflection's privacy check: possible identifiers under the section. */
  privacy: EntryPrivacy;
}

/** A stored section with no blocks would not fit the editor's schema: start it afresh. */
function startingDoc(doc: EditorDoc | undefined): EditorDoc {
  return doc && doc.content && doc.content.length > 0 ? doc : emptyDoc();
}

/**
 * One section of a reflection: its title, the template's prompt shown as a hint (never as text to
 * delete) and its own editor. The editor lives as long as the section is on the page.
 */
export function ReflectionSection({ section, initial, frameworks, codeOf, onReady, onUnreadable, onChange, onFocus, privacy }: ReflectionSectionProps) {
  const latest = useRef({ codeOf, onChange, onFocus });
  latest.current = { codeOf, onChange, onFocus };
  const editor = useEditor(
    sectionEditorOptions(
      section.id,
      sectionExtensions(section.id, () => false, (tag) => latest.current.codeOf(tag), false, privacy.store),
    ),
    [],
  );

  useEffect(() => {
    try {
      editor.chain().setContent(startingDoc(initial), { emitUpdate: false, errorOnInvalidContent: true }).setMeta('addToHistory', false).run();
    } catch {
      onUnreadable();
      return;
    }
    editor.setEditable(true, false);
    onReady(section.id, editor);
    const update = () => latest.current.onChange(section.id, toEditorDoc(editor.getJSON()));
    const focus = () => latest.current.onFocus(section.id);
    editor.on('update', update);
    editor.on('focus', focus);
    return () => {
      editor.off('update', update);
      editor.off('focus', focus);
      onReady(section.id, null);
    };
    // The initial text is read once: later text comes from typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);

  return (
    <SectionEditor
      sectionId={section.id}
      title={section.title}
      editor={editor}
      hint={section.prompt}
      footer={
        <>
          <EvidenceAtCaret editor={editor} frameworks={frameworks} sectionTitle={section.title} />
          <PrivacyAtCaret editor={editor} privacy={privacy} sectionTitle={section.title} />
        </>
      }
    />
  );
}
