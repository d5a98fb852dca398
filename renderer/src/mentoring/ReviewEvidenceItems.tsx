import { formatWeekCommencingShort } from '../../../shared/dates/weeks.js';
import type { EvidenceItem } from '../../../shared/evidence/evidenceList.js';
import { type Framework, tagKey } from '../../../shared/frameworks/framework.js';
import { type EvidenceLinks, EvidenceItems, reflectionName } from '../coverage/EvidenceItems.js';
import { routeHash } from '../routing/route.js';
import { showPassageOnArrival } from './passageToShow.js';

/** Links into the review: each item opens its entry there; a passage is selected when it arrives. */
function reviewEvidenceLinks(reviewId: string): EvidenceLinks {
  const entryHref = (item: EvidenceItem) => routeHash({ view: 'review', reviewId, page: { kind: 'entry', entryId: item.entryId } });
  const entryWords = (item: EvidenceItem) => (item.entryKind === 'reflection' ? `the reflection ${reflectionName(item)}` : `the weekly log of ${formatWeekCommencingShort(item.weekStart)}`);
  return {
    toEntry: (item) => ({ href: entryHref(item), text: `Open ${entryWords(item)}` }),
    toPassage: (item) => ({
      href: entryHref(item),
      text: `Open this passage in ${entryWords(item)}`,
      onFollow: () => showPassageOnArrival({ reviewId, entryId: item.entryId, section: item.section, tag: tagKey(item.tag), occurrence: item.occurrence }),
    }),
  };
}

interface ReviewEvidenceItemsProps {
  reviewId: string;
  items: readonly EvidenceItem[];
  frameworks: readonly Framework[];
  showWeek: boolean;
}

/** Quoted passages and whole entries tagged as evidence in a share, each linking to its entry in the review. */
export function ReviewEvidenceItems({ reviewId, items, frameworks, showWeek }: ReviewEvidenceItemsProps) {
  return <EvidenceItems items={items} frameworks={frameworks} showWeek={showWeek} links={reviewEvidenceLinks(reviewId)} testId="review-evidence-items" />;
}
