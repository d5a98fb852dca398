import { formatWeekCommencingInSentence, formatWeekCommencingShort } from '../../../shared/dates/weeks.js';
import type { EvidenceItem } from '../../../shared/evidence/evidenceList.js';
import { type Framework, tagKey } from '../../../shared/frameworks/framework.js';
import { tagLabel } from '../evidence/tagLabels.js';
import { routeHash } from '../routing/route.js';
import { plural, shortDate } from './coverageCells.js';

export function reflectionName(item: EvidenceItem): string {
  return `“${item.title || 'Untitled reflection'}” (${shortDate(item.date)})`;
}

/** Where an item's link goes and what it says. */
export interface EvidenceLink {
  href: string;
  text: string;
  /** Runs as the link is followed (before the address changes). */
  onFollow?: () => void;
}

/** The links of a list: to the entry for a whole-entry tag, to the passage for a quoted one. */
export interface EvidenceLinks {
  toEntry(item: EvidenceItem): EvidenceLink;
  toPassage(item: Extract<EvidenceItem, { kind: 'passage' }>): EvidenceLink;
}

/** The author's own portfolio: each item opens its week or reflection, a passage highlighted. */
export const portfolioEvidenceLinks: EvidenceLinks = {
  toEntry: (item) =>
    item.entryKind === 'reflection'
      ? { href: routeHash({ view: 'reflection', entryId: item.entryId }), text: `Open the reflection ${reflectionName(item)}` }
      : { href: routeHash({ view: 'week', weekStart: item.weekStart }), text: `Open the ${formatWeekCommencingInSentence(item.weekStart)}` },
  toPassage: (item) => {
    const passage = { section: item.section, tag: tagKey(item.tag), occurrence: item.occurrence };
    return item.entryKind === 'reflection'
      ? { href: routeHash({ view: 'reflection', entryId: item.entryId, passage }), text: `Open this passage in the reflection ${reflectionName(item)}` }
      : { href: routeHash({ view: 'week', weekStart: item.weekStart, passage }), text: `Open this passage in ${formatWeekCommencingShort(item.weekStart)}` };
  },
};

interface EvidenceItemsProps {
  items: readonly EvidenceItem[];
  frameworks: readonly Framework[];
  /** Name each item's week (a list across weeks); a cell's list is all one entry. */
  showWeek: boolean;
  links?: EvidenceLinks;
  testId?: string;
}

const LinkTo = ({ link }: { link: EvidenceLink }) => (
  <a href={link.href} onClick={link.onFollow}>
    {link.text}
  </a>
);

/** Quoted passages and whole-entry tags, each with where it came from and a link that opens it. */
export function EvidenceItems({ items, frameworks, showWeek, links = portfolioEvidenceLinks, testId = 'evidence-items' }: EvidenceItemsProps) {
  return (
    <ol className="evidence-items" data-testid={testId}>
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
              <LinkTo link={links.toEntry(item)} />
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
            <LinkTo link={links.toPassage(item)} />
          </li>
        );
      })}
    </ol>
  );
}
