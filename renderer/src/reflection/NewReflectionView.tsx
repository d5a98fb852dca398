import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { TemplatesOverview } from '../../../shared/api/contract.js';
import { isCalendarDate, todayAsCalendarDate } from '../../../shared/dates/weeks.js';
import { routeHash } from '../routing/route.js';
import { navigate } from '../routing/useRoute.js';
import { useSession } from '../session/SessionContext.js';
import '../styles/reflection.css';
import { TemplateChoice } from './TemplateChoice.js';

/** Gibbs is the model most people meet first, so it is chosen until the user picks another. */
const firstChoice = 'gibbs';

/** `#/new-reflection`: choose a template, a date and (optionally) a title, then write. */
export function NewReflectionView() {
  const session = useSession();
  const [templates, setTemplates] = useState<TemplatesOverview | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string>(firstChoice);
  const [date, setDate] = useState(() => todayAsCalendarDate(new Date()));
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const dateField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'New reflection — Reflective Portfolio';
    let cancelled = false;
    void session.client.call('templates.list', {}).then((result) => {
      if (cancelled) return;
      if (result.ok) setTemplates(result.value);
      else setLoadProblem(result.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, [session]);

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isCalendarDate(date)) {
      setProblem('Enter the date the reflection is about, as day, month and year.');
      dateField.current?.focus();
      return;
    }
    setProblem(null);
    setCreating(true);
    const result = await session.client.call('entry.create', { date, templateId: chosen, title });
    setCreating(false);
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    const { entry, template } = result.value;
    session.timeline.recordReflection({ entryId: entry.id, date: entry.date, weekStart: entry.weekStart, title: entry.title, templateName: template.name, words: 0 });
    // Its linked framework (the NMC themes, the HCPC standards) may have just been added.
    void session.frameworks.load(true);
    navigate({ view: 'reflection', entryId: entry.id });
  };

  return (
    <main id="main-content" className="page reflection-new" tabIndex={-1}>
      <h1>New reflection</h1>
      <p className="lede">Write about one event, piece of learning or feedback, using a reflective model. Each model’s sections come with prompts to help you.</p>
      {loadProblem ? (
        <p role="alert" className="notice notice--error">
          The templates could not be read: {loadProblem}
        </p>
      ) : null}
      {templates ? (
        <form onSubmit={(event) => void create(event)} className="reflection-new__form">
          <TemplateChoice legend="Template" builtIns={templates.builtIns} custom={templates.custom} chosen={chosen} onChoose={setChosen} />
          <div className="field">
            <label htmlFor="new-reflection-date">Date</label>
            <p className="hint" id="new-reflection-date-hint">
              The day the event or learning happened. The reflection appears in that week on the timeline.
            </p>
            <input
              ref={dateField}
              id="new-reflection-date"
              className="input"
              type="date"
              value={date}
              required
              aria-describedby="new-reflection-date-hint"
              onChange={(event) => setDate(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="new-reflection-title">Title (optional)</label>
            <input id="new-reflection-title" className="input" type="text" value={title} maxLength={300} onChange={(event) => setTitle(event.target.value)} autoComplete="off" />
          </div>
          {problem ? (
            <p role="alert" className="notice notice--error">
              {problem}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={creating}>
              {creating ? 'Creating…' : 'Create reflection'}
            </button>
            <a href={routeHash({ view: 'templates', templateId: null })}>Make or import your own template</a>
          </div>
        </form>
      ) : !loadProblem ? (
        <p className="muted">Reading the templates…</p>
      ) : null}
    </main>
  );
}
