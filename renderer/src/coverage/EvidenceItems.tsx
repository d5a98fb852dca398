import { formatWeekCommencingInSentence, formatWeekCommencingLong, formatWeekCommencingShort } from '../../../shared/dates/weeks.js';
import type { EvidenceItem } from '../../../shared/evidence/evidenceList.js';
import { type Framework, tagKey } from '../../../shared/frameworks/framework.js';
import { tagLabel } from '../evidence/tagLabels.js';
import { routeHash } from '../routing/route.js';
import { plural, shortDate } from './coverageCells.js';


function reflectionName(item: EvidenceItem): string {
  return `“${item.title || 'Untitled reflection'}” (${shortDate(item.date)})`;
}

/** Quoted passages and whole-week tags, each with where it came from and a link that opens it. */
export function EvidenceItems({ items, frameworks, showWeek }: { items: readonly EvidenceItem[]; frameworks: readonly Framework[]; showWeek: boolean }) {
  return (
    <ol className="evidence-items" data-testid="evidence-items">
      {items.map((item) => {
        const code = tagLabel(frameworks, item.tag).code;
        const week = formatWeekCommencingShort(item.weekStart);
        const reflection = item.entryKind === 'reflection';
        if (item.kind === 'whole-entry') {
          return (
            <li key={`${item.entryId}:whole:${tagKey(item.tag)}`} className="evidence-item evidence-item--whole">
              <p className="evidence-item__source">
                <span className="tag-chip tag-chip--static">{code}</span>{' '}
                {reflection ? `The whole reflection ${reflectionName(item)}` : `The whole week${showWeek ? ` of ${week}` : ''}`} ({plural(item.words, 'word')})
              </p>
              {reflection ? (
                <a href={routeHash({ view: 'reflection', entryId: item.entryId })}>Open the reflection {reflectionName(item)}</a>
              ) : (
                <a href={routeHash({ view: 'week', weekStart: item.weekStart })}>Open the {formatWeekCommencingInSentence(item.weekStart)}</a>
              )}
            </li>
          );
        }
        const passage = { section: item.section, tag: tagKey(item.tag), occurrence: item.occurrence };
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
            {reflection ? (
              <a href={routeHash({ view: 'reflection', entryId: item.entryId, passage })}>Open this passage in the reflection {reflectionName(item)}</a>
            ) : (
              <a href={routeHash({ view: 'week', weekStart: item.weekStart, passage })}>Open this passage in {week}</a>
            )}
          </li>
        );
      })}
    </ol>
  );
}
