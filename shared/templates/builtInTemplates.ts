import { type WeeklyLogSectionId, weeklyLogSections } from '../portfolio/weeklyLog.js';
import type { SectionRole, Template, TemplateSection } from './template.js';

/**
 * Reflection templates shipped with the app, as versioned data. The models' names and stage names
 * are theirs (see ../shared/reference/FRAMEWORKS.md); every prompt and summary is our own wording.
 * Section ids are stable forever: entries store their text under them, so never change or reuse one
 * — add a new id and bump the template's version instead. Models built on the same stems (Borton,
 * Driscoll, Rolfe) share section ids so text moves straight across when switching between them.
 */

function section(id: string, title: string, role: SectionRole, prompt: string): TemplateSection {
  return { id, title, prompt, role };
}

function model(id: string, name: string, summary: string, sections: TemplateSection[]): Template {
  return { id, version: 1, name, summary, sections, notice: null, linkedFramework: null, asksForCpd: false };
}

const gibbs = model('gibbs', 'Gibbs reflective cycle', 'Six stages that take you from what happened, through how you felt and why, to a plan for next time.', [
  section('description', 'Description', 'event', 'What happened? Set the scene: where you were, who was involved and what you did.'),
  section('feelings', 'Feelings', 'feelings', 'What was going through your mind at the time, and how do you feel about it now?'),
  section('evaluation', 'Evaluation', 'evaluation', 'What went well and what went less well? Try to be fair to yourself and to others.'),
  section('analysis', 'Analysis', 'analysis', 'Why did things turn out as they did? Bring in guidance, theory or past experience that helps explain it.'),
  section('conclusion', 'Conclusion', 'conclusion', 'What else could you have done? What do you take away from this?'),
  section('action-plan', 'Action plan', 'action', 'If something similar happened again, what would you do? What will you do now to be ready for it?'),
]);

const borton = model('borton', 'Borton: What? So what? Now what?', 'Three plain questions: say what happened, work out why it matters, then decide what to do about it.', [
  section('what', 'What?', 'event', 'Describe what happened and the part you played in it.'),
  section('so-what', 'So what?', 'analysis', 'Why does it matter? What does it tell you about your practice or the people you support?'),
  section('now-what', 'Now what?', 'action', 'What will you do differently, and what do you need in order to do it?'),
]);

const driscoll = model('driscoll', 'Driscoll: What? So what? Now what?', 'The same three questions as Borton, with prompting questions under each to help you go deeper.', [
  section('what', 'What?', 'event', 'What did you see and do, and how did others react? What made this worth reflecting on?'),
  section('so-what', 'So what?', 'analysis', 'How did you feel then, and how do you feel now? What has changed in your thinking, and what was hard about it?'),
  section('now-what', 'Now what?', 'action', 'What could you try next time, and what help or learning would you need first? Which change will you start with?'),
]);

const rolfe = model('rolfe', 'Rolfe, Freshwater and Jasper', 'Built on Borton’s three questions: move from describing the situation, to building understanding, to action.', [
  section('what', 'What? (descriptive)', 'event', 'Describe the situation: what happened, your part in it and what you were aiming for.'),
  section('so-what', 'So what? (theory and knowledge building)', 'analysis', 'What does this show you about yourself, the person you cared for or the team? Which knowledge or theory helps make sense of it?'),
  section('now-what', 'Now what? (action-orientated)', 'action', 'What do you need to do now to make things better? What might the wider effects of that be?'),
]);

const kolb = model('kolb', 'Kolb learning cycle', 'A learning cycle: have an experience, look back on it, draw out general lessons and try them out.', [
  section('concrete-experience', 'Concrete experience', 'event', 'What did you do or take part in? Describe it as it happened.'),
  section('reflective-observation', 'Reflective observation', 'evaluation', 'Looking back, what stood out? How might it have looked to the others involved?'),
  section('abstract-conceptualisation', 'Abstract conceptualisation', 'analysis', 'What general ideas or lessons can you draw from it? How do they fit with what you already know?'),
  section('active-experimentation', 'Active experimentation', 'action', 'How will you put these ideas to the test the next time a similar situation comes up?'),
]);

const johns = model('johns', 'Johns model for structured reflection', 'First write a description (looking in), then examine it through five cue areas (looking out).', [
  section('looking-in', 'Looking in: description', 'event', 'Take a quiet moment and write down what happened, including anything that felt important to you.'),
  section('aesthetics', 'Looking out: Aesthetics', 'analysis', 'What were you trying to achieve, and why did you respond as you did? What came of it for you and for others?'),
  section('personal', 'Looking out: Personal', 'feelings', 'What was going on inside you at the time, and why do you think you felt that way?'),
  section('ethics', 'Looking out: Ethics', 'evaluation', 'Did you act in line with your values and in the person’s best interests? What made that easy or hard?'),
  section('empirics', 'Looking out: Empirics', 'analysis', 'What knowledge, evidence or guidance shaped what you did, or could have?'),
  section('reflexivity', 'Looking out: Reflexivity', 'learning', 'How does this connect with earlier experiences? What would you do differently, and what have you learned?'),
]);

const atkinsMurphy = model('atkins-murphy', 'Atkins and Murphy', 'Starts from an uncomfortable feeling or thought and works through description, analysis and evaluation to what you have learned.', [
  section('awareness', 'Awareness of uncomfortable feelings or thoughts', 'feelings', 'What feeling or thought made you stop and think about this?'),
  section('description', 'Description', 'event', 'Describe the situation, including what you noticed, thought and felt at the time.'),
  section('critical-analysis', 'Critical analysis', 'analysis', 'Question your assumptions: what knowledge was relevant, and what other ways of seeing it are there?'),
  section('evaluation', 'Evaluation', 'evaluation', 'How useful was the knowledge you drew on? Where did it help explain things, and where did it fall short?'),
  section('identifying-learning', 'Identifying learning', 'learning', 'What have you learned, and how will it shape what you do from now on?'),
]);

const schon = model('schon', 'Schön: reflection in and on action', 'Set the thinking you did on your feet during an event beside the thinking you did about it afterwards.', [
  section('in-action', 'Reflection-in-action', 'event', 'While it was happening, what did you notice, and how did you adjust what you were doing?'),
  section('on-action', 'Reflection-on-action', 'analysis', 'Looking back afterwards, why did you act as you did? What would you keep, and what would you change?'),
]);

const personCentredOutcomes = model(
  'person-centred-outcomes',
  'Person-centred outcomes plan (8 steps)',
  'Eight steps for planning support around what matters to the person, from their priorities to a plan that gets reviewed.',
  [
    section('what-matters', 'What matters to the person', 'context', 'What is important to the person, in their own words? What would a good day look like for them?'),
    section('where-now', 'Where are we now?', 'event', 'Describe the person’s situation today: what is working for them and what is not.'),
    section('prioritising', 'Prioritising', 'analysis', 'Which of the things that matter should come first, and who agreed that order?'),
    section('success', 'What would success look like?', 'conclusion', 'Picture things going well. How would the person, and you, be able to tell?'),
    section('test-it', 'Test it', 'evaluation', 'How could you try this out on a small scale first? What happened when you did?'),
    section('barriers', 'What is getting in the way?', 'analysis', 'What stands in the way: practical things, people’s worries, or how the service works?'),
    section('smart-goals', 'Clear SMART goals, steps and actions', 'action', 'Set goals that are specific, measurable, achievable, relevant and time-bound, saying who will do what by when.'),
    section('record-and-review', 'Record in the plan', 'action', 'Where will this go in the person’s plan, and when and how will it be reviewed?'),
  ],
);

const nmcReflectiveAccount: Template = {
  ...model('nmc-reflective-account', 'NMC written reflective account', 'The form for the written reflective accounts nurses, midwives and nursing associates need for revalidation, linked to the Code’s themes.', [
    section('nature', 'The activity, feedback or experience', 'event', 'What was the learning activity, the feedback on your practice, or the event you are reflecting on?'),
    section('learning', 'What I learned', 'learning', 'What did you take away from it?'),
    section('practice-change', 'How I changed or improved my practice', 'practice-change', 'What have you done differently since, or what will you change because of it?'),
    section('code-relevance', 'How this relates to the Code', 'relevance', 'Which of the Code’s four themes does this touch on, and how? Tick those themes at the top of the form too.'),
  ]),
  notice: 'Leave out anything that could identify a patient, service user or colleague, such as names, dates of birth or places.',
  linkedFramework: 'nmc-code-themes',
};

const hcpcCpdActivity: Template = {
  ...model('hcpc-cpd-activity', 'HCPC CPD activity', 'A record of one CPD activity for HCPC-registered professionals, showing how it meets the standards for CPD.', [
    section('activity', 'The activity', 'event', 'What did you do? Describe the learning activity and why you chose it.'),
    section('learning', 'What I learned', 'learning', 'What new knowledge or skills did you gain?'),
    section('benefit-practice', 'How it benefits my practice', 'benefit-practice', 'How has it improved the quality of your work or of the service you are part of?'),
    section('benefit-service-users', 'How it benefits service users', 'benefit-service-users', 'What difference does it make to the people who use your service? Give an example if you can.'),
  ]),
  linkedFramework: 'hcpc-cpd-standards',
  asksForCpd: true,
};

const weeklyLogRolesAndPrompts: Record<WeeklyLogSectionId, { role: SectionRole; prompt: string }> = {
  thisWeek: { role: 'event', prompt: 'What happened this week? Note the main things you did and took part in.' },
  keyThoughts: { role: 'analysis', prompt: 'What stayed with you? Jot down ideas, questions or things to come back to.' },
  achievements: { role: 'evaluation', prompt: 'What went well this week, big or small?' },
  nextWeekPlans: { role: 'action', prompt: 'What will you do next week? Add each plan as a task so you can look back on it.' },
};

/** The weekly log as a template, so that later it can be one template among many. Titles and ids are the weekly log's own. */
const weeklyLog = model(
  'weekly-log',
  'Weekly log',
  'A week at a time: what happened, what you thought, what went well and what comes next.',
  weeklyLogSections.map(({ id, title }) => section(id, title, weeklyLogRolesAndPrompts[id].role, weeklyLogRolesAndPrompts[id].prompt)),
);

export const builtInTemplates: readonly Template[] = [
  weeklyLog,
  gibbs,
  borton,
  driscoll,
  rolfe,
  kolb,
  johns,
  atkinsMurphy,
  schon,
  personCentredOutcomes,
  nmcReflectiveAccount,
  hcpcCpdActivity,
];

export function findTemplate(id: string): Template | undefined {
  return builtInTemplates.find((template) => template.id === id);
}
