import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EditorMark, EditorNode } from '../../shared/document/editorJson.js';
import { countWords, plainText } from '../../shared/document/editorJson.js';
import { shiftWeeks } from '../../shared/dates/weeks.js';
import { evidenceMarkType } from '../../shared/frameworks/framework.js';
import { type PlanReviewMark, type PlanReviewStatus, type WeeklyLogSections, ideaNodeType, planNodeType } from '../../shared/portfolio/weeklyLog.js';
import type { WeekSketch } from '../fixtures/weeklyLogBuilder.js';
import { benchFramework } from './generatePortfolio.js';

/**
 * Weekly logs of realistic length for the Word export benchmark, written from the secondment's
 * weekly log in tests/fixtures/samples/: its sentences reshuffled into 2–4 paragraphs with places,
 * services and days varied, 2–4 ideas, key thoughts, achievements and a checklist of next week's
 * plans (each week reviewing the last one's), some bold, italic and links, and a few passages
 * tagged against the benchmark unit. 400–700 words a week. Seeded, so every run writes the same weeks.
 */

const samplePath = fileURLToPath(new URL('../fixtures/samples/weekly-log-secondment.txt', import.meta.url));

interface SampleParts {
  sentences: string[];
  ideas: string[];
  keyThoughts: string[];
  achievements: string[];
  plans: string[];
}

/** The sample split the way its writer laid it out: narrative, "Idea N:" lines and three bullet lists. */
export function readSample(text = readFileSync(samplePath, 'utf8')): SampleParts {
  const parts: SampleParts = { sentences: [], ideas: [], keyThoughts: [], achievements: [], plans: [] };
  let list: 'keyThoughts' | 'achievements' | 'plans' | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (/^Key thoughts/i.test(line)) list = 'keyThoughts';
    else if (/^Achievements/i.test(line)) list = 'achievements';
    else if (/^Next week I plan/i.test(line)) list = 'plans';
    else if (/^Idea \d+:/.test(line)) parts.ideas.push(line.replace(/^Idea \d+:\s*/, ''));
    else if (line.startsWith('- ') && list) parts[list].push(line.slice(2).trim());
    else parts.sentences.push(...line.split(/(?<=[.!?])\s+(?=[A-Z‘'])/).map((sentence) => sentence.trim()).filter((sentence) => sentence.length > 0));
  }
  return parts;
}

/** Sentences the same writer might add in another week, to keep 500 weeks from reading as one. */
const moreSentences = [
  'Supervision this week gave me the space to step back and look at how far the programme has come since the spring.',
  'I spent Tuesday afternoon with the discharge team, listening to how they decide who needs a package of care and who could be supported by the community instead.',
  'It struck me again how much of what matters to people happens outside the clinic room.',
  'A conversation with a carer at the drop-in stayed with me all week; she described the system as a maze with the lights off.',
  'I have started to keep a short note after each meeting of what I learned and who I need to follow up with, which is already saving me time.',
  'The steering group agreed the outline of the training, although there is still a lot of detail to work through before anything is delivered.',
  'I found myself slipping back into a clinical way of thinking, wanting to fix the problem rather than understand it first.',
  'Feedback from the questionnaire was more positive than I expected, but the free-text comments showed that time remains the biggest barrier for staff.',
  'On reflection, I could have prepared better for the presentation; I tried to cover too much and lost the room towards the end.',
  'Working from home on Friday gave me a chance to read around shared decision making and the evidence behind health coaching.',
  'I am learning that influencing people takes patience and that a well-timed coffee can achieve more than a formal paper.',
  'The team meeting reminded me how stretched colleagues are, and that any change we ask of them has to make their day easier, not harder.',
  'I shadowed a community navigator on two home visits and saw how much difference an unhurried conversation can make.',
  'There is a risk that we design the programme around the services we already have rather than around what people tell us they need.',
  'My mentor challenged me to think about how I will know whether the training has changed practice, not just whether people enjoyed it.',
  'I am proud of the progress this week, but also aware that the next stage will need me to let go of some control.',
];

const moreIdeas = [
  'Ask two of the community therapists to co-design the case studies for the training with me.',
  'Set up a short monthly huddle with the navigators so referrals and feedback flow both ways.',
  'Write a one-page summary of the programme in plain English for staff who cannot attend the briefings.',
  'Use the questionnaire themes to choose the three scenarios for the first workshop.',
  'Invite someone with lived experience to open each training session with their own story.',
  'Map every meeting I attend against the programme milestones so I can see where my time is going.',
  'Build a simple evaluation into the pilot from the start: before and after confidence scores for staff.',
  'Offer to present the early findings at the regional network so other areas can learn from our mistakes.',
];

const moreKeyThoughts = [
  'Listening first and planning second is harder than it sounds, but it is the only way the work will stick.',
  'Staff want practical examples, not another framework.',
  'Co-production takes longer, and that time is an investment rather than a delay.',
  'I need to be clearer about what is in my gift to change and what I can only influence.',
  'The voluntary sector already holds much of the knowledge we are trying to build.',
];

const moreAchievements = [
  'Presenting the programme to the senior leadership team and getting agreement to pilot the training.',
  'Finishing the first draft of the training outline.',
  'Shadowing the community navigator service for a full day.',
  'Submitting my Mary Seacole assignment on time.',
  'Setting up a shared folder so the working group can see every draft in one place.',
  'Receiving thirty responses to the staff questionnaire.',
];

const morePlans = [
  'Meet the communications team to agree how we promote the programme during the design phase.',
  'Draft three case studies from my physiotherapy practice for the training pack.',
  'Book a shadowing day with the community navigator service.',
  'Send the questionnaire summary to the working group before Thursday.',
  'Read the NHS England guidance on shared decision making and note what applies to therapists.',
  'Arrange a catch-up with my mentor to review my objectives for the secondment.',
  'Confirm the venue and date for the first pilot workshop.',
];

/** Words the writer's circumstances change from week to week: the same sentences read as another week. */
const variations: Array<[RegExp, string[]]> = [
  [/\bWednesday\b/g, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']],
  [/\bOctober\b/g, ['January', 'March', 'May', 'June', 'September', 'October', 'November']],
  [/\bSTP\b/g, ['STP', 'ICS', 'primary care network', 'locality']],
  [/\bphysiotherapy\b/g, ['physiotherapy', 'occupational therapy', 'district nursing', 'speech and language therapy']],
  [/\bsocial prescribing\b/g, ['social prescribing', 'care navigation', 'health coaching', 'shared decision making']],
  [/\bco-production group\b/g, ['co-production group', 'patient panel', 'lived experience forum', 'service user reference group']],
  [/\bLondon\b/g, ['London', 'Leeds', 'Birmingham', 'Manchester', 'Bristol']],
  [/\bcounty\b/g, ['county', 'city', 'borough', 'region']],
  [/\bMary Seacole\b/g, ['Mary Seacole', 'leadership', 'mentoring']],
];

const links: Array<[RegExp, string]> = [
  [/personalised care/, 'https://www.england.nhs.uk/personalisedcare/'],
  [/social prescribing/, 'https://www.england.nhs.uk/personalisedcare/social-prescribing/'],
  [/co-production/, 'https://www.scie.org.uk/co-production/'],
  [/100 day challenge/, 'https://www.nesta.org.uk/project/100-day-challenge/'],
  [/Mary Seacole/, 'https://www.leadershipacademy.nhs.uk/programmes/mary-seacole-programme/'],
  [/shared decision making/, 'https://www.nice.org.uk/guidance/ng197'],
];

/** A small deterministic generator (the same one generatePortfolio uses), so runs are comparable. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

function vary(random: Random, text: string): string {
  let out = text;
  for (const [pattern, choices] of variations) out = out.replace(pattern, () => pick(random, choices));
  return out;
}

const text = (value: string, marks?: EditorMark[]): EditorNode => (marks && marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value });

/** One sentence as text nodes: now and then a phrase in bold or italic, or linked where it names something with a web page. */
function sentenceNodes(random: Random, sentence: string, tag: EditorMark[] | null): EditorNode[] {
  if (tag) return [text(sentence, tag)];
  const roll = random();
  const link = links.find(([pattern]) => pattern.test(sentence));
  if (link && roll < 0.5) {
    const match = link[0].exec(sentence);
    if (match) {
      const start = match.index;
      const end = start + match[0].length;
      return [text(sentence.slice(0, start)), text(sentence.slice(start, end), [{ type: 'link', attrs: { href: link[1], target: '_blank', rel: 'noopener noreferrer nofollow', class: null } }]), text(sentence.slice(end))].filter(
        (node) => node.text !== '',
      );
    }
  }
  if (roll < 0.82) return [text(sentence)];
  // A few words in the middle of the sentence, emphasised.
  const words = sentence.split(' ');
  if (words.length < 8) return [text(sentence)];
  const from = between(random, 1, words.length - 5);
  const length = between(random, 2, 4);
  const mark: EditorMark = { type: roll < 0.91 ? 'bold' : 'italic' };
  return [text(`${words.slice(0, from).join(' ')} `), text(words.slice(from, from + length).join(' '), [mark]), text(` ${words.slice(from + length).join(' ')}`)];
}

function paragraphNode(random: Random, sentences: string[], tagged: ReadonlySet<number>): EditorNode {
  const content: EditorNode[] = [];
  sentences.forEach((sentence, index) => {
    const spaced = index < sentences.length - 1 ? `${sentence} ` : sentence;
    let tag: EditorMark[] | null = null;
    if (tagged.has(index)) {
      const outcomes = new Set([between(random, 1, 30), ...(random() < 0.3 ? [between(random, 1, 30)] : [])]);
      tag = [...outcomes].map((outcome) => ({ type: evidenceMarkType, attrs: { framework: benchFramework.id, outcome: `lo${outcome}`, criterion: null } }));
    }
    for (const node of sentenceNodes(random, spaced, tag)) {
      // Keep the space between sentences outside a tagged passage, as a writer selecting a sentence does.
      if (tag && node.text?.endsWith(' ')) content.push({ ...node, text: node.text.slice(0, -1) }, text(' '));
      else content.push(node);
    }
  });
  // The editor keeps one text node per run of identical marks: join the plain ones that meet.
  const merged: EditorNode[] = [];
  for (const node of content) {
    const last = merged.at(-1);
    if (last && !last.marks && !node.marks) merged[merged.length - 1] = text(`${last.text ?? ''}${node.text ?? ''}`);
    else merged.push(node);
  }
  return { type: 'paragraph', content: merged };
}

const bulletList = (items: string[]): EditorNode => ({ type: 'bulletList', content: items.map((item) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [text(item)] }] })) });

function pickDistinct(random: Random, pool: readonly string[], count: number): string[] {
  const left = [...pool];
  const out: string[] = [];
  while (out.length < count && left.length > 0) out.push(left.splice(Math.floor(random() * left.length), 1)[0] as string);
  return out;
}

export interface CorpusWeek extends WeekSketch {
  sections: WeeklyLogSections;
}

/**
 * `weeks` consecutive weekly logs from `firstWeek`, as sketches saveWeeks writes through a real
 * store: full sections, plan reviews of the week before (carried plans come back until judged).
 */
export function weeklyLogCorpus(weeks: number, options: { seed?: number; firstWeek?: string } = {}): CorpusWeek[] {
  const random = seeded(options.seed ?? 2019);
  const sample = readSample();
  const sentencePool = [...sample.sentences, ...moreSentences];
  const ideaPool = [...sample.ideas, ...moreIdeas];
  const thoughtPool = [...sample.keyThoughts, ...moreKeyThoughts];
  const achievementPool = [...sample.achievements, ...moreAchievements];
  const planPool = [...sample.plans, ...morePlans];
  const firstWeek = options.firstWeek ?? '2016-01-04';

  const out: CorpusWeek[] = [];
  let pending: Array<{ id: string; text: string; fromWeek: string }> = [];
  for (let week = 0; week < weeks; week += 1) {
    const weekStart = shiftWeeks(firstWeek, week);
    const ideas = pickDistinct(random, ideaPool, between(random, 2, 4)).map((idea, index) => ({ id: `idea-${week}-${index}`, text: vary(random, idea) }));
    const keyThoughts = pickDistinct(random, thoughtPool, between(random, 2, 3)).map((thought) => vary(random, thought));
    const achievements = pickDistinct(random, achievementPool, between(random, 2, 4)).map((achievement) => vary(random, achievement));
    const plans = pickDistinct(random, planPool, between(random, 3, 4)).map((plan, index) => ({ id: `plan-${week}-${index}`, text: vary(random, plan), checked: random() < 0.3 }));
    const listWords = countWords([...ideas.map((idea) => idea.text), ...keyThoughts, ...achievements, ...plans.map((plan) => plan.text)].join(' '));

    // The narrative fills the rest of a 400–700 word week, in 2–4 paragraphs with the ideas between them.
    const narrativeWords = Math.max(150, between(random, 400, 660) - listWords);
    const paragraphCount = between(random, 2, 4);
    const taggedPassages = between(random, 1, 3);
    const paragraphs: string[][] = Array.from({ length: paragraphCount }, () => []);
    let words = 0;
    // No sentence twice in one week; the sample's opening line opens a week or not at all.
    let unused = [...sentencePool];
    for (let index = 0; words < narrativeWords; index += 1) {
      if (unused.length === 0) unused = [...sentencePool];
      const drawn = unused.splice(Math.floor(random() * unused.length), 1)[0] as string;
      if (index > 0 && drawn === sample.sentences[0]) continue;
      const sentence = vary(random, drawn);
      (paragraphs[index % paragraphCount] as string[]).push(sentence);
      words += countWords(sentence);
    }
    const tagIn = new Map<number, Set<number>>();
    for (let passage = 0; passage < taggedPassages; passage += 1) {
      const paragraph = between(random, 0, paragraphCount - 1);
      const sentences = tagIn.get(paragraph) ?? new Set<number>();
      sentences.add(between(random, 0, (paragraphs[paragraph] as string[]).length - 1));
      tagIn.set(paragraph, sentences);
    }
    const thisWeek: EditorNode[] = [];
    let ideaIndex = 0;
    paragraphs.forEach((sentences, index) => {
      thisWeek.push(paragraphNode(random, sentences, tagIn.get(index) ?? new Set()));
      const ideasAfter = index === paragraphs.length - 1 ? ideas.length - ideaIndex : Math.min(ideas.length - ideaIndex, between(random, 0, 2));
      for (let count = 0; count < ideasAfter; count += 1) {
        const idea = ideas[ideaIndex] as { id: string; text: string };
        thisWeek.push({ type: ideaNodeType, attrs: { id: idea.id }, content: [text(idea.text)] });
        ideaIndex += 1;
      }
    });

    const sections: WeeklyLogSections = {
      thisWeek: { type: 'doc', content: thisWeek },
      keyThoughts: { type: 'doc', content: [bulletList(keyThoughts)] },
      achievements: { type: 'doc', content: [bulletList(achievements)] },
      nextWeekPlans: {
        type: 'doc',
        content: [{ type: 'taskList', content: plans.map((plan) => ({ type: planNodeType, attrs: { id: plan.id, checked: plan.checked }, content: [{ type: 'paragraph', content: [text(plan.text)] }] })) }],
      },
    };

    // Most weeks judge every plan still pending; a carried plan comes back the week after.
    const review: Record<string, PlanReviewMark> = {};
    const carried: typeof pending = [];
    if (random() < 0.9) {
      for (const plan of pending) {
        const roll = random();
        const status: PlanReviewStatus = roll < 0.5 ? 'done' : roll < 0.72 ? 'partly' : roll < 0.86 ? 'carried' : 'not-done';
        review[plan.id] = { status, text: plan.text, fromWeek: plan.fromWeek };
        if (status === 'carried') carried.push(plan);
      }
    }
    pending = [...carried, ...plans.map((plan) => ({ id: plan.id, text: plan.text, fromWeek: weekStart }))];

    const tags = random() < 0.05 ? [{ framework: benchFramework.id, outcome: `lo${between(random, 1, 30)}`, criterion: null }] : [];
    out.push({ weekStart, sections, review, tags });
  }
  return out;
}

/** Words in a week as the export counts them (every section's text). */
export function weekWords(week: CorpusWeek): number {
  return Object.values(week.sections).reduce((sum, doc) => sum + countWords(plainText(doc)), 0);
}
