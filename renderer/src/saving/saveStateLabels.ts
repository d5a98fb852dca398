import type { SaveState } from './SaveQueue.js';

export const saveStateLabels: Record<SaveState, string> = {
  saved: 'All changes saved',
  saving: 'Saving…',
  waiting: 'Not saved yet',
  retrying: 'Could not save — trying again',
  refused: 'Could not save',
  held: 'Not saved: needs fixing',
};
