import { AlignmentType, LineRuleType, Paragraph, TextRun } from 'docx';
import type { FontFace } from './official-layout';
import {
  BODY_CHAR,
  FONT_BODY,
  FONT_HEADING_1,
  FONT_HEADING_2,
  FONT_TITLE,
  LANGUAGE,
  LATIN_FONT,
  LINE_PITCH,
  SIZE_BODY,
  SIZE_TITLE,
} from './official-layout';
import type { HeadingLevel, OfficialBlock, OfficialDocument } from './official-document';
import { formatOfficialDate } from './validate-official-document';

// Characters XML 1.0 forbids; user text may carry them from pasted sources.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function clean(text: string): string {
  return text.replace(XML_INVALID, '').replace(/\r\n?/g, '\n');
}

function fontOf(face: FontFace): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  return { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, eastAsia: face.eastAsia };
}

/** Text runs for one string; `\n` becomes a line break inside the paragraph. */
function runs(text: string, face: FontFace, size: number): TextRun[] {
  return clean(text)
    .split('\n')
    .map(
      (line, i) =>
        new TextRun({
          text: line,
          font: fontOf(face),
          size,
          language: LANGUAGE,
          break: i > 0 ? 1 : 0,
        }),
    );
}

function headingFace(level: HeadingLevel): FontFace {
  switch (level) {
    case 1:
      return FONT_HEADING_1;
    case 2:
      return FONT_HEADING_2;
    case 3:
    case 4:
      return FONT_BODY;
    default: {
      const unknown: never = level;
      throw new Error(`unknown heading level ${String(unknown)}`);
    }
  }
}

const BODY_INDENT = { firstLine: 2 * BODY_CHAR };
/** Every paragraph carries the exact spacing itself, not only through the default style. */
const EXACT = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function blockParagraph(block: OfficialBlock): Paragraph {
  switch (block.kind) {
    case 'heading': {
      const face = headingFace(block.level);
      const children = runs(`${block.number}${block.text}`, face, SIZE_BODY);
      if (block.body) children.push(...runs(block.body, FONT_BODY, SIZE_BODY));
      return new Paragraph({
        spacing: EXACT,
        alignment: AlignmentType.JUSTIFIED,
        indent: BODY_INDENT,
        keepNext: block.level === 1 && !block.body,
        children,
      });
    }
    case 'paragraph':
      return new Paragraph({
        spacing: EXACT,
        alignment: AlignmentType.JUSTIFIED,
        indent: BODY_INDENT,
        children: runs(block.text, FONT_BODY, SIZE_BODY),
      });
    default: {
      const unknown: never = block;
      throw new Error(`unknown block ${String(unknown)}`);
    }
  }
}

function blank(): Paragraph {
  return new Paragraph({ spacing: EXACT, children: [] });
}

/** Display width in body characters: CJK and full-width count 1, ASCII ½. */
function widthInChars(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return width;
}

/**
 * Signature and date: the date sits four characters from the right margin and the signature is
 * centred over it (GB/T 9704 §7.3.5); a signature longer than the date moves both to two.
 */
function closingParagraphs(doc: OfficialDocument): Paragraph[] {
  const signature = doc.signature ? clean(doc.signature).trim() : '';
  const date = doc.date ? formatOfficialDate(doc.date) : '';
  if (!signature && !date) return [];
  const ws = widthInChars(signature);
  const wd = widthInChars(date);
  const base = ws > wd ? 2 * BODY_CHAR : 4 * BODY_CHAR;
  const widest = Math.max(ws, wd);
  const indentFor = (w: number): number => Math.round(base + ((widest - w) / 2) * BODY_CHAR);
  const out: Paragraph[] = [blank(), blank()];
  for (const [text, width] of [
    [signature, ws],
    [date, wd],
  ] as const) {
    if (!text) continue;
    out.push(
      new Paragraph({
        spacing: EXACT,
        alignment: AlignmentType.RIGHT,
        indent: { right: indentFor(width) },
        children: runs(text, FONT_BODY, SIZE_BODY),
      }),
    );
  }
  return out;
}

/** Builds every paragraph of the document body in reading order. */
export function buildParagraphs(doc: OfficialDocument): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({
      spacing: EXACT,
      alignment: AlignmentType.CENTER,
      children: runs(doc.title.trim(), FONT_TITLE, SIZE_TITLE),
    }),
    blank(),
  ];
  if (doc.recipient) {
    out.push(
      new Paragraph({ spacing: EXACT, children: runs(doc.recipient.trim(), FONT_BODY, SIZE_BODY) }),
    );
  }
  for (const block of doc.blocks) out.push(blockParagraph(block));
  out.push(...closingParagraphs(doc));
  return out;
}
