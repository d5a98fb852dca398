/**
 * Reads the XML parts of a .docx the way Word would find them, without a word processor: the zip
 * is read with node:zlib and each part parsed into a small element tree. For unit tests that check
 * what a Word file says (styles, numbering, run formatting, links), not how docx built it.
 */
import { inflateRawSync } from 'node:zlib';

/** The files in a zip archive (stored or deflated), by path. */
export function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const data = Buffer.from(bytes);
  const files = new Map<string, Buffer>();
  // The end of central directory record: its signature, searched from the end.
  let end = data.length - 22;
  while (end >= 0 && data.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const count = data.readUInt16LE(end + 10);
  let entry = data.readUInt32LE(end + 16);
  for (let index = 0; index < count; index += 1) {
    if (data.readUInt32LE(entry) !== 0x02014b50) throw new Error(`zip central directory entry ${index} is damaged`);
    const method = data.readUInt16LE(entry + 10);
    const compressedSize = data.readUInt32LE(entry + 20);
    const nameLength = data.readUInt16LE(entry + 28);
    const extraLength = data.readUInt16LE(entry + 30);
    const commentLength = data.readUInt16LE(entry + 32);
    const localHeader = data.readUInt32LE(entry + 42);
    const name = data.toString('utf8', entry + 46, entry + 46 + nameLength);
    const localStart = localHeader + 30 + data.readUInt16LE(localHeader + 26) + data.readUInt16LE(localHeader + 28);
    const raw = data.subarray(localStart, localStart + compressedSize);
    files.set(name, method === 0 ? Buffer.from(raw) : inflateRawSync(raw));
    entry += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
    name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (entities[name] ?? whole),
  );

/** Parses XML as Office writes it (no DTD, no CDATA) into an element tree. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  const tokens = /<\?[^>]*\?>|<!--[\s\S]*?-->|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (let match = tokens.exec(xml); match; match = tokens.exec(xml)) {
    const [whole, closing, name, attributeText, selfClosing, text] = match;
    const parent = stack[stack.length - 1]!;
    if (text !== undefined) {
      parent.children.push(decode(text));
    } else if (name === undefined) {
      continue; // declaration or comment
    } else if (closing) {
      if (parent.name !== name) throw new Error(`XML: </${name}> closes <${parent.name}> (${whole})`);
      stack.pop();
    } else {
      const attributes: Record<string, string> = {};
      for (const attribute of (attributeText ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes[attribute[1]!] = decode(attribute[2] ?? attribute[3] ?? '');
      const element: XmlElement = { name, attributes, children: [] };
      parent.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length !== 1) throw new Error(`XML: <${stack[stack.length - 1]!.name}> is never closed`);
  return root;
}

export const elements = (node: XmlElement): XmlElement[] => node.children.filter((child): child is XmlElement => typeof child !== 'string');
export const child = (node: XmlElement | undefined, name: string): XmlElement | undefined => (node ? elements(node).find((candidate) => candidate.name === name) : undefined);

/** Every element with this name below `node`, in document order. */
export function descendants(node: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (current: XmlElement) => {
    for (const next of elements(current)) {
      if (next.name === name) found.push(next);
      visit(next);
    }
  };
  visit(node);
  return found;
}

/** The text of an element's w:t descendants, with w:br as a line break and w:tab as a tab. */
export function wordText(node: XmlElement): string {
  let text = '';
  const visit = (current: XmlElement) => {
    for (const next of current.children) {
      if (typeof next === 'string') {
        if (current.name === 'w:t') text += next;
      } else if (next.name === 'w:br' && (next.attributes['w:type'] ?? 'textWrapping') === 'textWrapping') text += '\n';
      else if (next.name === 'w:tab' && current.name === 'w:r') text += '\t';
      else if (next.name !== 'w:instrText') visit(next);
    }
  };
  visit(node);
  return text;
}

/** One run of a paragraph as Word formats it. */
export interface WordRun {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: string | null;
  strike: boolean;
  font: string | null;
  /** The fill of its shading, e.g. "FFF4CC". */
  shading: string | null;
  /** Its character style id, e.g. "Hyperlink", "EvidenceCode". */
  style: string | null;
  /** The web address of the hyperlink it is in, if any. */
  link: string | null;
}

/** One body paragraph as Word reads it. */
export interface WordParagraph {
  style: string | null;
  text: string;
  /** Its list: the numbering instance and level, or null. */
  numbering: { numId: string; level: number } | null;
  indentLeft: number | null;
  alignment: string | null;
  keepNext: boolean;
  pageBreakBefore: boolean;
  runs: WordRun[];
}

const on = (element: XmlElement | undefined) => element !== undefined && !['0', 'false', 'off'].includes(element.attributes['w:val'] ?? 'true');

function runOf(run: XmlElement, link: string | null): WordRun {
  const properties = child(run, 'w:rPr');
  const underline = child(properties, 'w:u');
  return {
    text: wordText(run),
    bold: on(child(properties, 'w:b')),
    italic: on(child(properties, 'w:i')),
    underline: underline ? (underline.attributes['w:val'] ?? 'single') : null,
    strike: on(child(properties, 'w:strike')),
    font: child(properties, 'w:rFonts')?.attributes['w:ascii'] ?? null,
    shading: child(properties, 'w:shd')?.attributes['w:fill'] ?? null,
    style: child(properties, 'w:rStyle')?.attributes['w:val'] ?? null,
    link,
  };
}

/** A paragraph element as Word reads it; `relationships` resolves hyperlinks' r:id to their targets. */
export function paragraphOf(paragraph: XmlElement, relationships: ReadonlyMap<string, string>): WordParagraph {
  const properties = child(paragraph, 'w:pPr');
  const numberingProperties = child(properties, 'w:numPr');
  const runs: WordRun[] = [];
  for (const part of elements(paragraph)) {
    if (part.name === 'w:r') runs.push(runOf(part, null));
    else if (part.name === 'w:hyperlink') {
      const id = part.attributes['r:id'];
      const target = id ? (relationships.get(id) ?? null) : `#${part.attributes['w:anchor'] ?? ''}`;
      for (const run of descendants(part, 'w:r')) runs.push(runOf(run, target));
    }
  }
  const indent = child(properties, 'w:ind')?.attributes['w:left'] ?? child(properties, 'w:ind')?.attributes['w:start'];
  return {
    style: child(properties, 'w:pStyle')?.attributes['w:val'] ?? null,
    text: runs.map((run) => run.text).join(''),
    numbering: numberingProperties
      ? { numId: child(numberingProperties, 'w:numId')?.attributes['w:val'] ?? '', level: Number(child(numberingProperties, 'w:ilvl')?.attributes['w:val'] ?? 0) }
      : null,
    indentLeft: indent === undefined ? null : Number(indent),
    alignment: child(properties, 'w:jc')?.attributes['w:val'] ?? null,
    keepNext: on(child(properties, 'w:keepNext')),
    pageBreakBefore: on(child(properties, 'w:pageBreakBefore')),
    runs,
  };
}

/** One level of a list as numbering.xml defines it. */
export interface WordListLevel {
  format: string;
  text: string;
  start: number;
}

/** A .docx's body paragraphs, lists and links, read from its XML. */
export interface WordXml {
  parts: Map<string, Buffer>;
  body: XmlElement;
  /** Top-level body paragraphs (not those in tables). */
  paragraphs: WordParagraph[];
  relationships: Map<string, string>;
  /** The level of the list a numbering instance (numId) shows at `level`. */
  listLevel(numId: string, level: number): WordListLevel;
}

export function readWordXml(bytes: Uint8Array): WordXml {
  const parts = unzip(bytes);
  const part = (path: string) => {
    const found = parts.get(path);
    if (!found) throw new Error(`the .docx has no ${path}`);
    return parseXml(found.toString('utf8'));
  };
  const relationships = new Map(
    descendants(part('word/_rels/document.xml.rels'), 'Relationship').map((relationship) => [relationship.attributes['Id'] ?? '', relationship.attributes['Target'] ?? '']),
  );
  const body = child(child(part('word/document.xml'), 'w:document'), 'w:body');
  if (!body) throw new Error('word/document.xml has no body');
  const numbering = parts.has('word/numbering.xml') ? child(part('word/numbering.xml'), 'w:numbering') : undefined;
  const abstracts = new Map(numbering ? elements(numbering).filter((node) => node.name === 'w:abstractNum').map((node) => [node.attributes['w:abstractNumId'] ?? '', node]) : []);
  const instances = new Map(numbering ? elements(numbering).filter((node) => node.name === 'w:num').map((node) => [node.attributes['w:numId'] ?? '', node]) : []);
  return {
    parts,
    body,
    paragraphs: elements(body)
      .filter((node) => node.name === 'w:p')
      .map((paragraph) => paragraphOf(paragraph, relationships)),
    relationships,
    listLevel(numId, level) {
      const instance = instances.get(numId);
      if (!instance) throw new Error(`numbering.xml has no w:num ${numId}`);
      const abstract = abstracts.get(child(instance, 'w:abstractNumId')?.attributes['w:val'] ?? '');
      const definition = abstract && elements(abstract).find((node) => node.name === 'w:lvl' && node.attributes['w:ilvl'] === String(level));
      if (!definition) throw new Error(`numbering ${numId} has no level ${level}`);
      const override = elements(instance).find((node) => node.name === 'w:lvlOverride' && node.attributes['w:ilvl'] === String(level));
      const startOverride = child(override, 'w:startOverride')?.attributes['w:val'];
      return {
        format: child(definition, 'w:numFmt')?.attributes['w:val'] ?? '',
        text: child(definition, 'w:lvlText')?.attributes['w:val'] ?? '',
        start: Number(startOverride ?? child(definition, 'w:start')?.attributes['w:val'] ?? 1),
      };
    },
  };
}
