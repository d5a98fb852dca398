import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { closeHistory } from '@tiptap/pm/history';
import { type EditorState, Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { type FindingConfidence, type FindingKind, type PrivacyFinding, type ScanOptions, findingKindNames } from '../../../shared/privacy/findings.js';
import { type Occurrence, occurrenceIn, occurrenceKey } from '../../../shared/privacy/privacySettings.js';
import { BlockScanner } from '../../../shared/privacy/scanner.js';
import type { PrivacyConfig, PrivacySource } from '../privacy/PrivacyStore.js';

/** A possible identifier as it sits in a section's document now. */
export interface EditorFinding {
  from: number;
  to: number;
  kind: FindingKind;
  confidence: FindingConfidence;
  text: string;
  reason: string;
  /** The finding with the words either side of it in its paragraph: what a dismissal names. */
  occurrence: Occurrence;
}

/** A finding within one paragraph, `start`/`end` in the paragraph's text. */
interface BlockFinding extends PrivacyFinding {
  occurrence: Occurrence;
}

interface PrivacyHighlightsState {
  config: PrivacyConfig | null;
  findings: readonly EditorFinding[];
  decorations: DecorationSet;
  /**
   * The caret got where it is by typing (or an edit), not by moving: the explanation under the
   * section waits until the caret is moved, so it does not come and go under the writer's hands.
   */
  typing: boolean;
}

type PrivacyMeta = { kind: 'config'; config: PrivacyConfig | null } | { kind: 'replaced' };

export const privacyHighlightsKey = new PluginKey<PrivacyHighlightsState>('privacyHighlights');

export const privacyFindingClass = 'privacy-finding';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    privacyHighlights: {
      /** Flags with these lists and dismissals from now on (null flags nothing). */
      setPrivacyConfig: (config: PrivacyConfig | null) => ReturnType;
      /** Replaces a finding's words with a placeholder, as one step Undo takes back. */
      replacePrivacyFinding: (finding: Pick<EditorFinding, 'from' | 'to' | 'text'>, replacement: string) => ReturnType;
      /** Selects a finding's words and brings them into view. */
      selectPrivacyFinding: (finding: Pick<EditorFinding, 'from' | 'to'>) => ReturnType;
    };
  }
}

/** A paragraph's text as the privacy check reads it: a line break is "\n", so offset i is position start + 1 + i. */
export function textblockText(node: ProseMirrorNode): string {
  return node.textBetween(0, node.content.size, '\n', '\n');
}

/** What a finding's underline says on hover. */
export function findingTitle(finding: Pick<EditorFinding, 'kind' | 'reason'>): string {
  return `Possible identifier (${findingKindNames[finding.kind].toLocaleLowerCase('en-GB')}). ${finding.reason} Put the cursor here to replace it or mark it as not an identifier.`;
}

const sameLists = (a: ScanOptions, b: ScanOptions) => JSON.stringify([a.alwaysFlag, a.neverFlag]) === JSON.stringify([b.alwaysFlag, b.neverFlag]);

/**
 * Finds and keeps each paragraph's findings. A paragraph that did not change is the same node, so
 * it is not even read again; a paragraph whose text was seen before is not scanned again (the
 * BlockScanner remembers findings by text).
 */
class SectionScanner {
  private blocks = new WeakMap<ProseMirrorNode, readonly BlockFinding[]>();
  private scanner: BlockScanner;

  constructor(
    private config: PrivacyConfig,
    private readonly newScanner: (lists: ScanOptions) => BlockScanner,
  ) {
    this.scanner = newScanner(config.lists);
  }

  /** New lists mean scanning everything again; new dismissals only mean filtering again. */
  reconfigure(config: PrivacyConfig): void {
    if (!sameLists(config.lists, this.scanner.lists)) this.scanner = this.newScanner(config.lists);
    this.config = config;
    this.blocks = new WeakMap();
  }

  findingsIn(doc: ProseMirrorNode): EditorFinding[] {
    const found: EditorFinding[] = [];
    doc.descendants((node, position) => {
      if (!node.isTextblock) return true;
      let inBlock = this.blocks.get(node);
      if (!inBlock) {
        inBlock = this.scanBlock(textblockText(node));
        this.blocks.set(node, inBlock);
      }
      for (const finding of inBlock) {
        found.push({
          from: position + 1 + finding.start,
          to: position + 1 + finding.end,
          kind: finding.kind,
          confidence: finding.confidence,
          text: finding.text,
          reason: finding.reason,
          occurrence: finding.occurrence,
        });
      }
      return false;
    });
    return found;
  }

  private scanBlock(text: string): BlockFinding[] {
    if (text.trim() === '') return [];
    const kept: BlockFinding[] = [];
    for (const finding of this.scanner.scan(text)) {
      const occurrence = occurrenceIn(text, finding);
      if (!this.config.dismissed.has(occurrenceKey(occurrence))) kept.push({ ...finding, occurrence });
    }
    return kept;
  }
}

function draw(doc: ProseMirrorNode, findings: readonly EditorFinding[]): DecorationSet {
  return DecorationSet.create(
    doc,
    findings.map((finding) => Decoration.inline(finding.from, finding.to, { class: privacyFindingClass, title: findingTitle(finding), 'data-privacy-kind': finding.kind })),
  );
}

export interface PrivacyHighlightsOptions {
  /** The user's lists and dismissals; without one nothing is flagged (the mentor's read-only view). */
  source: PrivacySource | null;
  /** Makes the scanner for a set of lists (tests count its scans). */
  newScanner: (lists: ScanOptions) => BlockScanner;
}

/**
 * Each keystroke leaves a paragraph text that will not be seen again, so the scanner remembers
 * fewer texts than it could: enough for every paragraph of a long entry (unchanged paragraphs are
 * found by node first anyway).
 */
export const defaultNewScanner = (lists: ScanOptions): BlockScanner => new BlockScanner(lists, { mostBlocksKept: 1024 });

/** The plugin finding, holding and drawing possible identifiers in one section editor. */
export function privacyHighlightsPlugin(options: PrivacyHighlightsOptions = { source: null, newScanner: defaultNewScanner }): Plugin<PrivacyHighlightsState> {
  let scanner: SectionScanner | null = null;
  const findingsFor = (doc: ProseMirrorNode, config: PrivacyConfig | null): EditorFinding[] => {
    if (!config) return [];
    if (!scanner) scanner = new SectionScanner(config, options.newScanner);
    return scanner.findingsIn(doc);
  };
  return new Plugin<PrivacyHighlightsState>({
    key: privacyHighlightsKey,
    state: {
      init: (_config, state) => {
        const config = options.source?.current() ?? null;
        const findings = findingsFor(state.doc, config);
        return { config, findings, decorations: draw(state.doc, findings), typing: false };
      },
      apply: (tr, previous, _oldState, state) => {
        const meta = tr.getMeta(privacyHighlightsKey) as PrivacyMeta | undefined;
        const typing = tr.docChanged ? meta?.kind !== 'replaced' : tr.selectionSet ? false : previous.typing;
        let config = previous.config;
        if (meta?.kind === 'config' && meta.config !== previous.config) {
          config = meta.config;
          if (config && scanner) scanner.reconfigure(config);
        } else if (!tr.docChanged) {
          return typing === previous.typing ? previous : { ...previous, typing };
        }
        const findings = findingsFor(state.doc, config);
        return { config, findings, decorations: draw(state.doc, findings), typing };
      },
    },
    props: {
      decorations: (state) => privacyHighlightsKey.getState(state)?.decorations ?? null,
    },
    view: (view) => {
      const source = options.source;
      if (!source) return {};
      const follow = () => {
        if (view.isDestroyed) return;
        const config = source.current();
        if (privacyHighlightsKey.getState(view.state)?.config === config) return;
        view.dispatch(setPrivacyConfigMeta(view.state.tr, config));
      };
      const unsubscribe = source.subscribe(follow);
      follow();
      return { destroy: unsubscribe };
    },
  });
}

/** Asks the plugin to flag with these settings. */
export function setPrivacyConfigMeta(tr: Transaction, config: PrivacyConfig | null): Transaction {
  return tr.setMeta(privacyHighlightsKey, { kind: 'config', config } satisfies PrivacyMeta).setMeta('addToHistory', false);
}

/** Replaces the finding's words with `replacement` if they are still there; the caret goes after it. */
export function replaceFinding(tr: Transaction, finding: Pick<EditorFinding, 'from' | 'to' | 'text'>, replacement: string): boolean {
  if (finding.from < 0 || finding.to > tr.doc.content.size || tr.doc.textBetween(finding.from, finding.to, '\n', '\n') !== finding.text) return false;
  closeHistory(tr);
  tr.insertText(replacement, finding.from, finding.to);
  tr.setSelection(TextSelection.create(tr.doc, finding.from + replacement.length));
  tr.setMeta(privacyHighlightsKey, { kind: 'replaced' } satisfies PrivacyMeta);
  tr.scrollIntoView();
  return true;
}

/**
 * Possible identifiers underlined in a section editor: NHS numbers, dates of birth, names and the
 * like that the privacy scanner finds. Underlines are ProseMirror decorations, drawn over the text
 * and never part of it, so nothing about them is saved. Only paragraphs that changed are scanned
 * again as the user types.
 */
export const PrivacyHighlights = Extension.create<PrivacyHighlightsOptions>({
  name: 'privacyHighlights',

  addOptions() {
    return { source: null, newScanner: defaultNewScanner };
  },

  addCommands() {
    return {
      setPrivacyConfig:
        (config) =>
        ({ tr, dispatch }) => {
          if (dispatch) setPrivacyConfigMeta(tr, config);
          return true;
        },
      replacePrivacyFinding:
        (finding, replacement) =>
        ({ tr, dispatch }) => {
          if (!dispatch) return tr.doc.textBetween(finding.from, finding.to, '\n', '\n') === finding.text;
          return replaceFinding(tr, finding, replacement);
        },
      selectPrivacyFinding:
        (finding) =>
        ({ tr, dispatch }) => {
          if (finding.from < 0 || finding.to > tr.doc.content.size) return false;
          if (dispatch) tr.setSelection(TextSelection.create(tr.doc, finding.from, finding.to)).scrollIntoView();
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [privacyHighlightsPlugin({ source: this.options.source, newScanner: this.options.newScanner })];
  },
});

/** The possible identifiers in an editor now, in document order. */
export function privacyFindingsOf(state: EditorState): readonly EditorFinding[] {
  return privacyHighlightsKey.getState(state)?.findings ?? [];
}

/** The finding the selection is in (a caret at either edge counts), unless the caret got there by typing. */
export function privacyFindingAtSelection(state: EditorState): EditorFinding | null {
  const plugin = privacyHighlightsKey.getState(state);
  if (!plugin || plugin.typing) return null;
  const { from, to } = state.selection;
  return plugin.findings.find((finding) => finding.from <= from && to <= finding.to) ?? null;
}
