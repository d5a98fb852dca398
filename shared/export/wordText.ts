import { strFromU8, unzipSync } from 'fflate';
import { type OutgoingPiece, readableAddress } from '../privacy/outgoing.js';

/**
 * The words a Word file holds, read back from the file itself so the privacy check sees exactly
 * what leaves: the body's paragraphs (each placed under the headings above it), the footers, the
 * addresses of links and the document's properties. Only for files this app wrote: the XML is read with patterns, not a
 * general parser.
 */

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return entities[name.toLowerCase()] ?? whole;
  });

/** One paragraph's text: its runs' text, tabs as spaces and breaks as new lines. */
function paragraphText(xml: string): string {
  let text = '';
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) {
    if (match[1] !== undefined) text += unescapeXml(match[1]);
    else text += match[2] === 'tab' ? '\t' : '\n';
  }
  return text;
}

const headingLevel = (xml: string): number | null => {
  const style = /<w:pStyle w:val="(Title|Heading(\d))"/.exec(xml);
  if (!style) return null;
  return style[1] === 'Title' ? 0 : Number(style[2]);
};

/** The paragraphs of one part of the package (the body, a footer), grouped under their headings. */
function piecesOf(xml: string, fallbackPlace: string): OutgoingPiece[] {
  const pieces: OutgoingPiece[] = [];
  const headings: string[] = [];
  let current: { place: string; paragraphs: string[] } = { place: fallbackPlace, paragraphs: [] };
  for (const match of xml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
    const inner = match[1] ?? '';
    const text = paragraphText(inner);
    const level = headingLevel(inner);
    if (level !== null && level >= 1 && text.trim() !== '') {
      headings.length = level - 1;
      headings[level - 1] = text.trim();
      if (current.paragraphs.length > 0) pieces.push(current);
      current = { place: headings.filter(Boolean).join(' › '), paragraphs: [] };
    }
    if (text.trim() !== '') current.paragraphs.push(text);
  }
  if (current.paragraphs.length > 0) pieces.push(current);
  return pieces;
}

export function wordFileText(bytes: Uint8Array): OutgoingPiece[] {
  const files = unzipSync(bytes, {
    filter: (file) => file.name === 'word/document.xml' || /^word\/(footer|header)\d*\.xml$/.test(file.name) || /^word\/_rels\/[^/]+\.rels$/.test(file.name) || file.name === 'docProps/core.xml',
  });
  const pieces: OutgoingPiece[] = [];
  const document = files['word/document.xml'];
  if (document) pieces.push(...piecesOf(strFromU8(document), 'Start of the document'));
  for (const [name, content] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    if (/^word\/(footer|header)/.test(name)) pieces.push(...piecesOf(strFromU8(content), name.includes('footer') ? 'Page footer' : 'Page header'));
  }
  // Links keep their addresses in the parts' relationships, out of sight but in the file.
  const addresses = new Set<string>();
  for (const [name, content] of Object.entries(files)) {
    if (!name.startsWith('word/_rels/')) continue;
    for (const match of strFromU8(content).matchAll(/<Relationship\b[^>]*>/g)) {
      if (!/TargetMode="External"/.test(match[0])) continue;
      const target = /Target="([^"]*)"/.exec(match[0])?.[1];
      if (target) addresses.add(readableAddress(unescapeXml(target)));
    }
  }
  if (addresses.size > 0) pieces.push({ place: 'Link addresses', paragraphs: [...addresses] });
  const core = files['docProps/core.xml'];
  if (core) {
    const properties = [...strFromU8(core).matchAll(/<(dc:title|dc:subject|dc:creator|dc:description|cp:keywords|cp:lastModifiedBy)>([^<]*)</g)].map((match) => unescapeXml(match[2] ?? ''));
    const unique = [...new Set(properties.filter((value) => value.trim() !== ''))];
    if (unique.length > 0) pieces.push({ place: 'Document properties', paragraphs: unique });
  }
  return pieces;
}
