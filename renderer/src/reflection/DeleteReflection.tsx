import { useEffect, useRef, useState } from 'react';
import { useSession } from '../session/SessionContext.js';

interface DeleteReflectionProps {
  entryId: string;
  title: string;
  beforeDelete(): Promise<unknown>;
  onDeleted(): void;
}

/** "Delete this reflection", confirmed in a dialog that names it; Cancel is the default. */
export function DeleteReflection({ entryId, title, beforeDelete, onDeleted }: DeleteReflectionProps) {
  const session = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    dialog.current?.showModal();
    cancel.current?.focus();
  }, [open]);

  const close = () => {
    dialog.current?.close();
    setOpen(false);
    setProblem(null);
    opener.current?.focus();
  };

  const remove = async () => {
    await beforeDelete();
    const result = await session.client.call('entry.delete', { entryId });
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    dialog.current?.close();
    setOpen(false);
    onDeleted();
  };

  const name = title ? `“${title}”` : 'this untitled reflection';
  return (
    <div className="reflection-delete">
      <button ref={opener} type="button" className="button button--danger" onClick={() => setOpen(true)}>
        Delete this reflection
      </button>
      {open ? (
        <dialog ref={dialog} className="dialog" aria-labelledby="delete-reflection-title" onCancel={(event) => (event.preventDefault(), close())}>
          <h2 id="delete-reflection-title">Delete {name}?</h2>
          <p>The reflection and its evidence tags leave the portfolio. Undo delete brings it back until the app is closed; after that, the backups in the portfolio folder still hold earlier copies.</p>
          {problem ? (
            <p className="notice notice--error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="form-actions">
            <button ref={cancel} type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button type="button" className="button button--danger" onClick={() => void remove()}>
              Delete reflection
            </button>
          </div>
        </dialog>
      ) : null}
    </div>
  );
}
