import type { CalendarDate } from '../dates/weeks.js';

/** "portfolio-share-jo-bloggs-2019-10-27.rpshare": the author and the day, in letters safe in any file system. */
export function sharingFileName(kind: 'share' | 'feedback', person: string, day: CalendarDate): string {
  const slug = person
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const extension = kind === 'share' ? 'rpshare' : 'rpfeedback';
  return `${kind === 'share' ? 'portfolio-share' : 'mentor-feedback'}${slug ? `-${slug}` : ''}-${day}.${extension}`;
}
