import { addIdeaShortcut } from '../format/keyboardShortcutText.js';

interface AddIdeaButtonProps {
  onAddIdea(): void;
  disabled: boolean;
}

/** Inserts an idea block in "This week" at the cursor (or at the end) and puts the cursor in it. */
export function AddIdeaButton({ onAddIdea, disabled }: AddIdeaButtonProps) {
  const shortcut = addIdeaShortcut();
  return (
    <button
      type="button"
      className="button button--quiet add-idea"
      onClick={onAddIdea}
      // Keeps the editor's cursor where it is when the button is clicked with a mouse.
      onMouseDown={(event) => event.preventDefault()}
      disabled={disabled}
      aria-keyshortcuts={shortcut.aria}
      title={`Add idea (${shortcut.shown})`}
      data-testid="add-idea"
    >
      <span aria-hidden="true">+ </span>Add idea
    </button>
  );
}
