import { useSyncExternalStore } from 'react';
import { useSession } from '../session/SessionContext.js';
import { saveStateLabels } from './saveStateLabels.js';

/** Whether everything the user wrote is safe, always in view. */
export function SaveStatus() {
  const { saves } = useSession();
  const { state, errorMessage } = useSyncExternalStore(saves.subscribe, saves.snapshot);
  return (
    <div role="status" className={`save-status save-status--${state}`} data-testid="save-status" data-state={state}>
      <span className="save-status__icon" aria-hidden="true" />
      <span className="save-status__label">{saveStateLabels[state]}</span>
      {errorMessage ? <span className="save-status__detail">{errorMessage}</span> : null}
    </div>
  );
}
