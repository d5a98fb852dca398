import type { JSONContent } from '@tiptap/core';
import type { EditorDoc } from '../../../shared/document/editorJson.js';

/** The editor's JSON as the stored document shape (ProseMirror's toJSON output already is). */
export function toEditorDoc(json: JSONContent): EditorDoc {
  if (json.type !== 'doc') throw new TypeError('The editor did not return a document.');
  return json as EditorDoc;
}
