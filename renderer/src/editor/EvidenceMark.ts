import { Mark } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { type EvidenceTag, type TagKey, evidenceMarkType, tagFromMarkAttrs } from '../../../shared/frameworks/framework.js';
import { evidenceMarksOf, evidenceRuns } from './evidenceRuns.js';

export interface EvidenceMarkOptions {
  /** The short code a tag is shown with ("LO3", "LO3 P5"), looked up when the labels are drawn. */
  codeOf: (tag: EvidenceTag) => string;
}

interface EvidenceDecorations {
  decorations: DecorationSet;
  /** The run a jump from the coverage view asked to show, kept highlighted until the text changes. */
  highlight: { from: number; to: number } | null;
}

export const evidenceDecorationsKey = new PluginKey<EvidenceDecorations>('evidenceDecorations');

/** Meta: redraw the labels (the frameworks changed), or set/clear the highlighted passage. */
type EvidenceMeta = { kind: 'labels' } | { kind: 'highlight'; range: { from: number; to: number } | null };

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    evidence: {
      /** Tags the selected text with each of `tags`, keeping any tags already on it. */
      addEvidenceTags: (tags: readonly EvidenceTag[]) => ReturnType;
      /** Removes one tag from the whole passage that holds `position`, leaving other tags alone. */
      removeEvidenceTag: (key: TagKey, position: number) => ReturnType;
      /** Redraws the codes shown on hover (after a framework was renamed). */
      refreshEvidenceLabels: () => ReturnType;
      /** Highlights a range (a passage opened from the coverage view), or clears the highlight. */
      highlightEvidence: (range: { from: number; to: number } | null) => ReturnType;
    };
  }
}

function drawLabels(doc: Parameters<typeof evidenceRuns>[0], codeOf: (tag: EvidenceTag) => string, highlight: { from: number; to: number } | null): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, position) => {
    if (!node.isText) return true;
    const found = evidenceMarksOf(node.marks);
    if (found.length > 0) {
      const codes = found.map(({ tag }) => codeOf(tag));
      decorations.push(
        Decoration.inline(position, position + node.nodeSize, {
          title: `Evidence: ${codes.join(', ')}`,
          ...(found.length > 1 ? { class: 'evidence-overlap' } : {}),
        }),
      );
    }
    return false;
  });
  if (highlight && highlight.to <= doc.content.size) decorations.push(Decoration.inline(highlight.from, highlight.to, { class: 'evidence-target' }));
  return DecorationSet.create(doc, decorations);
}

/**
 * A passage tagged as evidence for one outcome or criterion. One mark per tag (`excludes: ''` lets
 * marks of this type with different tags sit on the same text), so overlapping passages keep
 * every tag, and removing one leaves the others. Typing at a passage's edge does not extend it.
 */
export const EvidenceMark = Mark.create<EvidenceMarkOptions>({
  name: evidenceMarkType,
  excludes: '',
  inclusive: false,
  spanning: true,

  addOptions() {
    return { codeOf: (tag: EvidenceTag) => tag.outcome };
  },

  addAttributes() {
    return {
      framework: { default: null, parseHTML: (element) => element.getAttribute('data-framework'), renderHTML: (attributes) => ({ 'data-framework': attributes['framework'] }) },
      outcome: { default: null, parseHTML: (element) => element.getAttribute('data-outcome'), renderHTML: (attributes) => ({ 'data-outcome': attributes['outcome'] }) },
      criterion: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-criterion'),
        renderHTML: (attributes) => (typeof attributes['criterion'] === 'string' ? { 'data-criterion': attributes['criterion'] } : {}),
      },
    };
  },

  parseHTML() {
    // Pasted HTML is untrusted: a span whose tag is not made of valid ids is not evidence.
    return [
      {
        tag: 'span[data-evidence]',
        getAttrs: (element) =>
          tagFromMarkAttrs({
            framework: element.getAttribute('data-framework'),
            outcome: element.getAttribute('data-outcome'),
            criterion: element.getAttribute('data-criterion'),
          })
            ? null
            : false,
      },
    ];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', { ...HTMLAttributes, 'data-evidence': '', class: 'evidence' }, 0];
  },

  addCommands() {
    return {
      addEvidenceTags:
        (tags) =>
        ({ state, tr, dispatch }) => {
          const type = state.schema.marks[this.name];
          const { from, to, empty } = state.selection;
          if (!type || empty || tags.length === 0) return false;
          if (dispatch) for (const tag of tags) tr.addMark(from, to, type.create({ ...tag }));
          return true;
        },
      removeEvidenceTag:
        (key, position) =>
        ({ state, tr, dispatch }) => {
          const run = evidenceRuns(state.doc).find((candidate) => candidate.key === key && candidate.from <= position && position <= candidate.to);
          if (!run) return false;
          if (dispatch) tr.removeMark(run.from, run.to, run.mark);
          return true;
        },
      refreshEvidenceLabels:
        () =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(evidenceDecorationsKey, { kind: 'labels' } satisfies EvidenceMeta).setMeta('addToHistory', false);
          return true;
        },
      highlightEvidence:
        (range) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(evidenceDecorationsKey, { kind: 'highlight', range } satisfies EvidenceMeta).setMeta('addToHistory', false);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const codeOf = (tag: EvidenceTag) => this.options.codeOf(tag);
    return [
      new Plugin<EvidenceDecorations>({
        key: evidenceDecorationsKey,
        state: {
          init: (_, state) => ({ decorations: drawLabels(state.doc, codeOf, null), highlight: null }),
          apply: (tr, previous, _old, state) => {
            const meta = tr.getMeta(evidenceDecorationsKey) as EvidenceMeta | undefined;
            let highlight = previous.highlight;
            if (meta?.kind === 'highlight') highlight = meta.range;
            else if (tr.docChanged) highlight = null;
            if (!tr.docChanged && !meta) return previous;
            return { decorations: drawLabels(state.doc, codeOf, highlight), highlight };
          },
        },
        props: {
          decorations: (state) => evidenceDecorationsKey.getState(state)?.decorations ?? null,
        },
      }),
    ];
  },
});
