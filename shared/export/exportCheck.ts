import type { PortfolioData } from '../portfolio/portfolioData.js';
import { checkOutgoing, type OutgoingCheck } from '../privacy/outgoing.js';
import { withOwnName } from '../privacy/outgoingPieces.js';
import { wordFileText } from './wordText.js';

/**
 * The privacy check of a finished Word file, over the words in the file itself. The writer's own
 * name and the mentors who commented or signed off are meant to be in it, so they are not flagged.
 */
export function checkWordFile(bytes: Uint8Array, data: PortfolioData, writerName: string): OutgoingCheck {
  const mentors = new Set<string>();
  for (const comment of data.feedback.comments) mentors.add(comment.reviewer.name);
  for (const signOff of data.feedback.signOffs) mentors.add(signOff.signer.name);
  return checkOutgoing(wordFileText(bytes), withOwnName(data.privacy, writerName, ...mentors));
}
