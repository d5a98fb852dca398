import type { ShareSelection } from '../../../shared/share/sharing.js';
import { downloadBase64File } from '../frameworks/downloadTextFile.js';
import type { PortfolioSession } from '../session/PortfolioSession.js';

export interface ShareRequest {
  selection: ShareSelection;
  authorName: string;
  passphrase: string | null;
}

export type ShareSaveOutcome = { saved: true; fileName: string; bytes: number } | { saved: false; message: string };

const notSavedYet = 'The share file was not saved: your latest words are not saved yet (see the save state at the top), so the file would miss them. Try again once they are saved.';

/**
 * The one way a share file is saved: the latest typing is saved first, the back end seals the file,
 * and the browser downloads it (the desktop app asks where). Anything that must happen before a
 * file leaves the portfolio goes here.
 */
export async function saveShareFile(session: PortfolioSession, request: ShareRequest): Promise<ShareSaveOutcome> {
  if (!(await session.flushWithin(15_000))) return { saved: false, message: notSavedYet };
  const result = await session.client.call('share.create', request);
  if (!result.ok) return { saved: false, message: result.error.message };
  downloadBase64File(result.value, 'application/json');
  return { saved: true, fileName: result.value.fileName, bytes: result.value.bytes };
}
