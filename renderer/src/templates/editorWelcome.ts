/**
 * What the list tells the editor it is about to open: a template just made, duplicated or
 * imported. The editor says so once, and puts focus on the name of one just made.
 */
export interface EditorWelcome {
  text: string;
  focusName: boolean;
}

const waiting = new Map<string, EditorWelcome>();

export const editorWelcome = {
  leave: (templateId: string, welcome: EditorWelcome): void => {
    waiting.set(templateId, welcome);
  },
  take: (templateId: string): EditorWelcome | null => {
    const welcome = waiting.get(templateId) ?? null;
    waiting.delete(templateId);
    return welcome;
  },
};
