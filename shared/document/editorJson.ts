/**
 * Rich text is stored as the editor's own JSON (ProseMirror's document shape). Anything read from
 * a file or sent by the page is checked against the structural schema in editorDocSchema.ts first;
 * the editor schema then decides which node and mark types it accepts. Text is never treated as HTML.
 */
export interface EditorMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface EditorNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: EditorNode[];
  marks?: EditorMark[];
  text?: string;
}

export interface EditorDoc extends EditorNode {
  type: 'doc';
}

export function emptyDoc(): EditorDoc {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

/** Visits every node depth-first in document order; return false to skip a node's children. */
export function walkNodes(node: EditorNode, visit: (node: EditorNode, parent: EditorNode | null) => boolean | void, parent: EditorNode | null = null): void {
  if (visit(node, parent) === false) return;
  for (const child of node.content ?? []) walkNodes(child, visit, node);
}

const blockSeparatedTypes = new Set(['paragraph', 'heading', 'listItem', 'taskItem', 'blockquote', 'ideaBlock', 'codeBlock']);

/** The words a reader sees, blocks separated by newlines. */
export function plainText(node: EditorNode): string {
  const parts: string[] = [];
  const collect = (current: EditorNode): void => {
    if (current.type === 'text') {
      parts.push(current.text ?? '');
      return;
    }
    if (current.type === 'hardBreak') {
      parts.push('\n');
      return;
    }
    for (const child of current.content ?? []) collect(child);
    if (blockSeparatedTypes.has(current.type)) parts.push('\n');
  };
  collect(node);
  return parts.join('').replace(/\n{2,}/g, '\n').trim();
}

export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return words ? words.length : 0;
}
