import type { OutgoingCheck } from '../../../shared/privacy/outgoing.js';
import type { ShareSelection } from '../../../shared/share/sharing.js';
import { downloadBase64File } from '../frameworks/downloadTextFile.js';
import type { PortfolioSession } from '../session/PortfolioSession.js';

export interface ShareRequest {
  selection: ShareSelection;
  authorName: string;
  passphrase: string | null;
  /** The fingerprint of the privacy findings the user saw and chose to let go; null the first time. */
  confirmedFindings: string | null;
}

export type ShareSaveOutcome =
  | { saved: true; fileName: string; bytes: number }
  | { saved: false; message: string }
  /** The privacy check found possible identifiers in what the file would hold: nothing was saved yet. */
  | { saved: false; check: OutgoingCheck };

const notSavedYet = 'The share file was not saved: your latest words are not saved yet (see the save state at the top), so the file would miss them. Try again once they are saved.';

/**
 * The one way a share file is saved: the latest typing is saved first, the back end seals the file,
 * and the browser downloads it (the desktop app asks where). The back end checks exactly what the
 * file would hold for possible identifiers first and holds the file back until they are confirmed.
 */
export async function saveShareFile(session: PortfolioSession, request: ShareRequest): Promise<ShareSaveOutcome> {
  if (!(await session.flushWithin(15_000))) return { saved: false, message: notSavedYet };
  const result = await session.client.call('share.create', request);
  if (!result.ok) return { saved: false, message: result.error.message };
  if (result.value.state === 'check') return { saved: false, check: result.value.check };
  downloadBase64File(result.value, 'application/json');
  return { saved: true, fileName: result.value.fileName, bytes: result.value.bytes };
}
