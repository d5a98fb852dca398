import { z } from 'zod';
import type { BuiltInSource, Criterion, EvidenceTag, Framework, Outcome } from './framework.js';
import type { Same } from '../types/same.js';

/** Ids are letters, digits, "_" and "-" only, so a tag key can join them with "/". */
export const frameworkIdSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/);

const code = z.string().trim().min(1, 'a code is needed').max(40);
const text = (what: string) => z.string().trim().min(1, `${what} is needed`).max(2_000);

export const criterionSchema = z.object({ id: frameworkIdSchema, code, text: text('the criterion text'), archived: z.boolean() });

export const outcomeSchema = z.object({ id: frameworkIdSchema, code, title: text('a title'), archived: z.boolean(), criteria: z.array(criterionSchema).max(200) });

export const builtInSourceSchema = z.object({ id: frameworkIdSchema, version: z.number().int().min(1) });

export const frameworkSchema = z
  .object({
    id: frameworkIdSchema,
    title: text('a title'),
    number: z.string().trim().max(40),
    archived: z.boolean(),
    builtIn: builtInSourceSchema.nullable(),
    outcomes: z.array(outcomeSchema).max(500),
  })
  .superRefine((framework, context) => {
    const seen = new Set<string>();
    framework.outcomes.forEach((outcome, o) => {
      if (seen.has(outcome.id)) context.addIssue({ code: 'custom', path: ['outcomes', o, 'id'], message: 'this id is used twice' });
      seen.add(outcome.id);
      const criteria = new Set<string>();
      outcome.criteria.forEach((criterion, c) => {
        if (criteria.has(criterion.id)) context.addIssue({ code: 'custom', path: ['outcomes', o, 'criteria', c, 'id'], message: 'this id is used twice' });
        criteria.add(criterion.id);
      });
    });
  });

export const evidenceTagSchema = z.object({ framework: frameworkIdSchema, outcome: frameworkIdSchema, criterion: frameworkIdSchema.nullable() });

const schemasMatchTypes: [
  Same<z.infer<typeof criterionSchema>, Criterion>,
  Same<z.infer<typeof outcomeSchema>, Outcome>,
  Same<z.infer<typeof builtInSourceSchema>, BuiltInSource>,
  Same<z.infer<typeof frameworkSchema>, Framework>,
  Same<z.infer<typeof evidenceTagSchema>, EvidenceTag>,
] = [true, true, true, true, true];
void schemasMatchTypes;
