/**
 * The names of the contract's operations and the desktop channels, with no schema code: the
 * sandboxed preload needs only these, so it stays small. contract.ts checks that this list and its
 * schemas name the same operations.
 */
export const operationNames = [
  'app.info',
  'portfolio.status',
  'backups.list',
  'backups.restore',
  'timeline.get',
  'week.get',
  'week.save',
  'week.setPlanReview',
  'ideas.list',
  'ideas.setStatus',
  'settings.get',
  'settings.update',
  'week.setTags',
  'frameworks.list',
  'frameworks.addBuiltIn',
  'frameworks.save',
  'frameworks.import',
  'frameworks.exportFile',
  'evidence.coverage',
  'evidence.list',
  'week.setCpd',
  'entry.create',
  'entry.get',
  'entry.save',
  'entry.setDetails',
  'entry.setTags',
  'entry.setCpd',
  'entry.switchTemplate',
  'entry.delete',
  'entry.restore',
  'templates.list',
  'templates.create',
  'templates.save',
  'templates.delete',
  'templates.import',
  'templates.exportFile',
  'cpd.summary',
  'export.preview',
  'export.start',
  'export.progress',
  'export.cancel',
  'export.take',
  'share.preview',
  'share.create',
  'feedback.import',
  'feedback.overview',
  'feedback.forEntry',
  'feedback.reply',
  'feedback.setResolved',
  'review.open',
  'review.list',
  'review.get',
  'review.entry',
  'review.coverage',
  'review.evidence',
  'review.setReviewer',
  'review.saveComment',
  'review.deleteComment',
  'review.saveSignOff',
  'review.deleteSignOff',
  'review.feedbackFile',
  'review.remove',
  'privacy.get',
  'privacy.setLists',
  'privacy.dismiss',
  'privacy.undismiss',
  'portfolio.unlock',
  'security.get',
  'security.setPassphrase',
  'security.changePassphrase',
  'security.removePassphrase',
  'security.setRemembered',
  'security.plainCopy',
] as const;

export type OperationName = (typeof operationNames)[number];

const known: ReadonlySet<string> = new Set(operationNames);

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && known.has(name);
}

export const desktopBridgeKey = 'reflectivePortfolio';
export const ipcChannels = { call: 'api:call', beforeClose: 'app:before-close', closeReady: 'app:close-ready', openFile: 'app:open-file' } as const;
