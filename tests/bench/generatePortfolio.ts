import type { EditorNode } from '../../shared/document/editorJson.js';
import type { Framework } from '../../shared/frameworks/framework.js';
import { shiftWeeks } from '../../shared/dates/weeks.js';
import { type PortfolioData, newPortfolio } from '../../shared/portfolio/portfolioData.js';
import { summariseSections } from '../../shared/portfolio/entrySummary.js';
import type { EntryBody, EntryRecord, WeeklyLogSections } from '../../shared/portfolio/weeklyLog.js';

const vocabulary = `the a of and to in for with on was this week team patient care service meeting plan
practice reflection learning community workforce training discussion support health social staff
partnership outcome referral therapy physiotherapy co-production navigator prescribing programme
development supervision feedback workshop colleagues evidence safeguarding dignity person-centred
assessment families carers local regional strategic commissioning quality improvement leadership
appraisal revalidation competence confidence communication goals progress review felt realised
noticed valued learned would could should might next perhaps really`.split(/\s+/);

/** A small deterministic generator so every run measures the same portfolio. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(random: () => number): string {
  const length = 8 + Math.floor(random() * 18);
  const words = Array.from({ length }, () => vocabulary[Math.floor(random() * vocabulary.length)] as string);
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraphOf(random: () => number, words: number): EditorNode {
  const sentences: string[] = [];
  let count = 0;
  while (count < words) {
    const next = sentence(random);
    sentences.push(next);
    count += next.split(' ').length;
  }
  const marks = random() < 0.3 ? [{ type: 'bold' }] : undefined;
  const first = sentences.shift() ?? '';
  return { type: 'paragraph', content: [{ type: 'text', text: first, ...(marks ? { marks } : {}) }, { type: 'text', text: ` ${sentences.join(' ')}` }] };
}

const bullets = (random: () => number, count: number): EditorNode => ({
  type: 'bulletList',
  content: Array.from({ length: count }, () => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: sentence(random) }] }] })),
});

/** The unit every generated portfolio is tagged against: 30 outcomes, as the benchmark asks. */
export const benchFramework: Framework = {
  id: 'bench-unit',
  title: 'Benchmark unit with thirty outcomes',
  number: '99',
  archived: false,
  builtIn: null,
  outcomes: Array.from({ length: 30 }, (_, index) => ({ id: `lo${index + 1}`, code: `LO${index + 1}`, title: `Outcome number ${index + 1}`, archived: false, criteria: [] })),
};

/** About a quarter of paragraphs start with a passage tagged for one or two outcomes. */
function tagSome(random: () => number, paragraph: EditorNode): EditorNode {
  if (random() >= 0.25) return paragraph;
  const [first, ...rest] = paragraph.content ?? [];
  if (!first) return paragraph;
  const outcomes = new Set([1 + Math.floor(random() * 30), ...(random() < 0.3 ? [1 + Math.floor(random() * 30)] : [])]);
  const marks = [...(first.marks ?? []), ...[...outcomes].map((outcome) => ({ type: 'evidence', attrs: { framework: benchFramework.id, outcome: `lo${outcome}`, criterion: null } }))];
  return { ...paragraph, content: [{ ...first, marks }, ...rest] };
}

export interface GeneratedPortfolio {
  data: PortfolioData;
  bodies: Map<string, EntryBody>;
}

/** A realistic large portfolio: `entries` weekly logs of 300–2,000 words with ideas and plans. */
export function generatePortfolio(entries: number, seed = 42): GeneratedPortfolio {
  const random = seeded(seed);
  const data = newPortfolio('bench-portfolio', new Date('2020-01-01T00:00:00Z'));
  const firstWeek = shiftWeeks('2026-11-23', -entries);
  const records: EntryRecord[] = [];
  const bodies = new Map<string, EntryBody>();
  for (let i = 0; i < entries; i += 1) {
    const weekStart = shiftWeeks(firstWeek, i);
    const targetWords = 300 + Math.floor(random() * 1700);
    const thisWeek: EditorNode[] = [];
    let words = 0;
    let ideaIndex = 0;
    while (words < targetWords * 0.8) {
      const size = 60 + Math.floor(random() * 120);
      thisWeek.push(tagSome(random, paragraphOf(random, size)));
      words += size;
      if (random() < 0.35) {
        thisWeek.push({ type: 'ideaBlock', attrs: { id: `idea-${i}-${ideaIndex}` }, content: [{ type: 'text', text: sentence(random) }] });
        ideaIndex += 1;
      }
    }
    const plans = Array.from({ length: 2 + Math.floor(random() * 3) }, (_, p) => ({
      type: 'taskItem',
      attrs: { id: `plan-${i}-${p}`, checked: random() < 0.5 },
      content: [{ type: 'paragraph', content: [{ type: 'text', text: sentence(random) }] }],
    }));
    const stamp = `${weekStart}T18:00:00.000Z`;
    const sections: WeeklyLogSections = {
      thisWeek: { type: 'doc', content: thisWeek },
      keyThoughts: { type: 'doc', content: [bullets(random, 2 + Math.floor(random() * 3))] },
      achievements: { type: 'doc', content: [bullets(random, 2 + Math.floor(random() * 4))] },
      nextWeekPlans: { type: 'doc', content: [{ type: 'taskList', content: plans }] },
    };
    const id = `entry-${i}`;
    bodies.set(`body-${i}`, { entryId: id, sections });
    records.push({ id, kind: 'weekly-log', weekStart, date: weekStart, title: '', template: { id: 'weekly-log', version: 1 }, cpd: null, createdAt: stamp, updatedAt: stamp, planReview: {}, tags: random() < 0.05 ? [{ framework: benchFramework.id, outcome: `lo${1 + Math.floor(random() * 30)}`, criterion: null }] : [], body: `body-${i}`, summary: summariseSections(sections, 'weekly-log') });
  }
  return { data: { ...data, entries: records, frameworks: [benchFramework] }, bodies };
}
