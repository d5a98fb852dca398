import { formatWeekCommencingShort } from '../../../shared/dates/weeks.js';
import type { EvidenceItem } from '../../../shared/evidence/evidenceList.js';
import { type Framework, tagKey } from '../../../shared/frameworks/framework.js';
import { plural, shortDate } from '../coverage/coverageCells.js';
import { tagLabel } from '../evidence/tagLabels.js';
import { routeHash } from '../routing/route.js';
import { showPassageOnArrival } from './passageToShow.js';

function reflectionName(item: EvidenceItem): string {
  return `“${item.title || 'Untitled reflection'}” (${shortDate(item.date)})`;
}

interface ReviewEvidenceItemsProps {
  reviewId: string;
  items: readonly EvidenceItem[];
  frameworks: readonly Framework[];
  /** Name each item's week (a list across weeks); a cell's list is all one entry. */
  showWeek: boolean;
}

/** Quoted passages and whole entries tagged as evidence in a share, each linking to its entry in the review. */
export function ReviewEvidenceItems({ reviewId, items, frameworks, showWeek }: ReviewEvidenceItemsProps) {
  return (
    <ol className="evidence-items" data-testid="review-evidence-items">
      {items.map((item) => {
        const code = tagLabel(frameworks, item.tag).code;
        const week = formatWeekCommencingShort(item.weekStart);
        const reflection = item.entryKind === 'reflection';
        const href = routeHash({ view: 'review', reviewId, page: { kind: 'entry', entryId: item.entryId } });
        const entryWords = reflection ? `the reflection ${reflectionName(item)}` : `the weekly log of ${week}`;
        if (item.kind === 'whole-entry') {
          return (
            <li key={`${item.entryId}:whole:${tagKey(item.tag)}`} className="evidence-item evidence-item--whole">
              <p className="evidence-item__source">
                <span className="tag-chip tag-chip--static">{code}</span>{' '}
                {reflection ? `The whole reflection ${reflectionName(item)}` : `The whole week${showWeek ? ` of ${week}` : ''}`} ({plural(item.words, 'word')})
              </p>
              <a href={href}>Open {entryWords}</a>
            </li>
          );
        }
        return (
          <li key={`${item.entryId}:${item.section}:${tagKey(item.tag)}:${item.occurrence}`} className="evidence-item">
            <blockquote className="evidence-item__quote">
              {item.text.split('\n').map((line, index) => (
                <p key={index}>{line}</p>
              ))}
            </blockquote>
            <p className="evidence-item__source">
              <span className="tag-chip tag-chip--static">{code}</span> {item.sectionTitle}
              {reflection ? `, reflection ${reflectionName(item)}` : showWeek ? `, ${week}` : ''} · {plural(item.words, 'word')}
            </p>
            <a
              href={href}
              onClick={() =>
                showPassageOnArrival({ reviewId, entryId: item.entryId, section: item.section, tag: tagKey(item.tag), occurrence: item.occurrence })
              }
            >
              Open this passage in {entryWords}
            </a>
          </li>
        );
      })}
    </ol>
  );
}
