import type { HeadingLevel, OfficialBlock, OfficialDocument } from './official-document';
import { parseIsoDate } from './validate-official-document';

// Reads a plain-text official document — as typed, pasted or proofread — into the writer's
// input, so any draft can be laid out as a 公文 without retyping it.

const HAN_NUMBER = '[一二三四五六七八九十百零〇]+';

/** Heading ordinals by level, as they start a line. The number is kept exactly as written. */
const HEADING_PATTERNS: readonly { level: HeadingLevel; pattern: RegExp }[] = [
  { level: 1, pattern: new RegExp(`^(${HAN_NUMBER}[、．.])\\s*(.*)$`, 'u') },
  { level: 2, pattern: new RegExp(`^([（(]${HAN_NUMBER}[）)][、．.]?)\\s*(.*)$`, 'u') },
  // `1.` but not a decimal such as `1.5万人` (`1.2025年…`, `1.11月底前…` start with a date);
  // `1、` and `1．` are read the same way.
  { level: 3, pattern: /^(\d{1,2}(?:、|[.．](?!(?!\d{4}年|\d{1,2}[月日])\d)))\s*(.*)$/u },
  { level: 4, pattern: /^([（(]\d{1,2}[）)])\s*(.*)$/u },
];

/** The date line of a signature block: `2024年7月10日`. */
const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/u;

/** Sentence-ending or clause punctuation: a line carrying any is not a title or signature. */
const PROSE_PUNCTUATION = /[。；;，,！!？?]/u;

const MAX_TITLE_LINE = 60;
const MAX_TITLE_LINES = 3;
const MAX_RECIPIENT = 40;
const MAX_SIGNATURE = 40;

interface HeadingParts {
  level: HeadingLevel;
  number: string;
  rest: string;
}

function headingOf(line: string): HeadingParts | null {
  for (const { level, pattern } of HEADING_PATTERNS) {
    const match = pattern.exec(line);
    if (match && (match[2] ?? '') !== '') {
      return { level, number: match[1] as string, rest: match[2] as string };
    }
  }
  return null;
}

/** Strips indentation and trailing spaces, including the full-width spaces drafts indent with. */
function clean(line: string): string {
  return line.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
}

function isTitleLike(line: string): boolean {
  return (
    line.length <= MAX_TITLE_LINE &&
    !PROSE_PUNCTUATION.test(line) &&
    !/[：:]$/u.test(line) &&
    headingOf(line) === null
  );
}

/** `2024年7月10日` as `2024-07-10`, or null when it is not a real date. */
function isoDateOf(line: string): string | null {
  const match = DATE_LINE.exec(line);
  if (!match) return null;
  const iso = `${match[1]}-${(match[2] as string).padStart(2, '0')}-${(match[3] as string).padStart(2, '0')}`;
  return parseIsoDate(iso) ? iso : null;
}

/**
 * A heading line as a block. A heading followed by more text on the same line is the genre's
 * run-in style: the heading is its first sentence, the rest continues as body text.
 */
function headingBlock({ level, number, rest }: HeadingParts): OfficialBlock {
  const end = rest.search(/[。！？]/u);
  if (end === -1 || end === rest.length - 1) return { kind: 'heading', level, number, text: rest };
  const body = clean(rest.slice(end + 1));
  return body === ''
    ? { kind: 'heading', level, number, text: rest }
    : { kind: 'heading', level, number, text: rest.slice(0, end + 1), body };
}

/**
 * The document in a plain text: the title (its first lines, up to a blank line, when they read
 * as a title), a 主送机关 line right after it (`…：` alone on a line), headings by their
 * ordinals (`一、` / `（一）` / `1.` / `（1）`), and at the end a signature line and a
 * `2024年7月10日` date line. Every other non-empty line is a body paragraph. Without a title
 * line, `fallbackTitle` is the title.
 */
export function officialDocumentFromText(text: string, fallbackTitle = '公文'): OfficialDocument {
  const raw = text.replace(/\r\n?/g, '\n').split('\n').map(clean);
  let at = 0;
  while (at < raw.length && raw[at] === '') at++;

  const titleLines: string[] = [];
  while (
    at < raw.length &&
    raw[at] !== '' &&
    titleLines.length < MAX_TITLE_LINES &&
    isTitleLike(raw[at] as string)
  ) {
    titleLines.push(raw[at] as string);
    at++;
  }
  while (at < raw.length && raw[at] === '') at++;

  let recipient: string | undefined;
  const maybeRecipient = raw[at];
  if (
    titleLines.length > 0 &&
    maybeRecipient !== undefined &&
    maybeRecipient.length <= MAX_RECIPIENT &&
    /^[^。；，,：:]+[：:]$/u.test(maybeRecipient) &&
    !/如下[：:]$/u.test(maybeRecipient) &&
    headingOf(maybeRecipient) === null
  ) {
    recipient = maybeRecipient;
    at++;
  }

  const lines = raw.slice(at).filter((line) => line !== '');
  let date: string | undefined;
  let signature: string | undefined;
  const last = lines[lines.length - 1];
  const lastDate = last === undefined ? null : isoDateOf(last);
  if (lastDate !== null) {
    date = lastDate;
    lines.pop();
    const before = lines[lines.length - 1];
    if (
      before !== undefined &&
      before.length <= MAX_SIGNATURE &&
      !PROSE_PUNCTUATION.test(before) &&
      !/[：:]$/u.test(before) &&
      headingOf(before) === null
    ) {
      signature = before;
      lines.pop();
    }
  }

  const blocks = lines.map((line): OfficialBlock => {
    const heading = headingOf(line);
    return heading ? headingBlock(heading) : { kind: 'paragraph', text: line };
  });
  return {
    title: titleLines.length > 0 ? titleLines.join('\n') : fallbackTitle,
    ...(recipient !== undefined ? { recipient } : {}),
    blocks,
    ...(signature !== undefined ? { signature } : {}),
    ...(date !== undefined ? { date } : {}),
  };
}
