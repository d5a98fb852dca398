/** What importing a file said, shown once when the new framework's editor opens. */
export interface ImportNotice {
  fileName: string;
  warnings: readonly string[];
}

const notices = new Map<string, ImportNotice>();

export const importNotices = {
  leave: (frameworkId: string, notice: ImportNotice): void => {
    notices.set(frameworkId, notice);
  },
  /** The notice for this framework, given once. */
  take: (frameworkId: string): ImportNotice | null => {
    const notice = notices.get(frameworkId) ?? null;
    notices.delete(frameworkId);
    return notice;
  },
};
