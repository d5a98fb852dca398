import { type Template, otherNotesSection } from './template.js';

export interface SwitchedContent<T> {
  /** The entry's text under the new template's section ids (and Other notes). Sections that receive nothing are absent. */
  content: Record<string, T>;
  /** Section ids of `to` that received text from a section with a different id. */
  moved: string[];
  /** True when some text went to Other notes (text already in Other notes does not count). */
  usedOtherNotes: boolean;
}

/**
 * Moves every section's content to the closest section of the new template; nothing is lost.
 *
 * The rule, applied to each non-empty section of `content` (empty ones are ignored):
 * 1. Same id: text goes to the target section with the same id.
 * 2. Same role: otherwise it goes to the first target section with the same role that has not
 *    received text yet. When none is left (the source has more sections with that role than the
 *    target), it is joined onto the last target section with that role. Role 'other' never
 *    matches by role.
 * Text that arrives in one section from several sources is joined in source order.
 * 3. Other notes: anything still unplaced goes to Other notes (`otherNotesSection.id`). Text that
 *    was already in Other notes stays first; the rest follows in source order.
 * Source order is the order of `from`'s sections, then any other keys of `content` (including
 * Other notes) in their own order; keys that are not sections of `from` only move by id.
 *
 * Generic so it works for strings and for editor documents alike: `join` combines several values
 * into one (for documents, by concatenating their blocks) and is only called with two or more.
 */
export function switchTemplate<T>(
  from: Template,
  to: Template,
  content: Record<string, T>,
  isEmpty: (value: T) => boolean,
  join: (values: T[]) => T,
): SwitchedContent<T> {
  const otherId = otherNotesSection.id;
  const fromIds = from.sections.map((section) => section.id);
  const sourceIds = [...fromIds, ...Object.keys(content).filter((id) => !fromIds.includes(id))];
  const roleOf = new Map(from.sections.map((section) => [section.id, section.role]));
  const targetIds = new Set(to.sections.map((section) => section.id));

  /** Target id → the values it receives, each with the source section it came from and that section's place in source order. */
  const received = new Map<string, { from: string; order: number; value: T }[]>();
  const receive = (target: string, source: string, order: number, value: T) => {
    const list = received.get(target) ?? [];
    list.push({ from: source, order, value });
    received.set(target, list);
  };

  const pending: { id: string; order: number; value: T }[] = [];
  let keptOtherNotes: T | undefined;
  sourceIds.forEach((id, order) => {
    if (!Object.hasOwn(content, id)) return;
    const value = content[id] as T;
    if (isEmpty(value)) return;
    if (id === otherId) keptOtherNotes = value;
    else if (targetIds.has(id)) receive(id, id, order, value);
    else pending.push({ id, order, value });
  });

  const unplaced: T[] = [];
  for (const { id, order, value } of pending) {
    const role = roleOf.get(id);
    const candidates = role === undefined || role === 'other' ? [] : to.sections.filter((section) => section.role === role && section.id !== otherId);
    const target = candidates.find((section) => !received.has(section.id)) ?? candidates[candidates.length - 1];
    if (target === undefined) unplaced.push(value);
    else receive(target.id, id, order, value);
  }

  const result: [string, T][] = [];
  const moved: string[] = [];
  for (const section of to.sections) {
    if (section.id === otherId) continue;
    const items = received.get(section.id);
    if (items === undefined) continue;
    const values = [...items].sort((a, b) => a.order - b.order).map((item) => item.value);
    result.push([section.id, values.length === 1 ? (values[0] as T) : join(values)]);
    if (items.some((item) => item.from !== section.id)) moved.push(section.id);
  }
  const otherValues = keptOtherNotes === undefined ? unplaced : [keptOtherNotes, ...unplaced];
  if (otherValues.length > 0) result.push([otherId, otherValues.length === 1 ? (otherValues[0] as T) : join(otherValues)]);

  // fromEntries defines own properties, so an id such as "__proto__" is data, never a prototype.
  return { content: Object.fromEntries(result), moved, usedOtherNotes: unplaced.length > 0 };
}
