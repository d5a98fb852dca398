import { z } from 'zod';
import type { EditorDoc, EditorNode } from './editorJson.js';

/** The structural check every stored or received rich-text field passes before anything reads it. */
const maxDepth = 40;
const attributeValue = z.union([z.string().max(100_000), z.number(), z.boolean(), z.null()]);
const attributes = z.record(z.string().max(100), attributeValue);
const markSchema = z.object({ type: z.string().min(1).max(100), attrs: attributes.optional() });

function nodeSchemaAt(depth: number): z.ZodType<EditorNode> {
  const content = depth >= maxDepth ? z.array(z.never()).max(0) : z.lazy(() => z.array(nodeSchemaAt(depth + 1)).max(100_000));
  return z.object({
    type: z.string().min(1).max(100),
    attrs: attributes.optional(),
    content: content.optional(),
    marks: z.array(markSchema).max(100).optional(),
    text: z.string().max(1_000_000).optional(),
  }) as z.ZodType<EditorNode>;
}

export const editorNodeSchema = nodeSchemaAt(0);

export const editorDocSchema = editorNodeSchema.refine((node) => node.type === 'doc', {
  message: 'A rich-text field must hold a document',
}) as z.ZodType<EditorDoc>;
