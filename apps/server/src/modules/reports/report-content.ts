import type {
  FigureSegment,
  ReportParagraph,
  ReportSection,
  Segment,
  StructuredReport,
} from '@taizhang/composer';
import { alignInOrder, bigrams, likeness } from './paragraph-alignment';
import { chineseNumeral, formatDate, paragraphText, segmentText } from '@taizhang/composer';

// Editing a StructuredReport as text: the user edits paragraphs; figures whose printed text
// survives the edit stay linked to their records, the rest become plain text.

export interface SubsectionEdit {
  /** An existing subsection's id, or a new one. */
  id: string;
  topic: string;
  paragraphs: string[];
}

export interface SectionEdit {
  id: string;
  heading?: string | undefined;
  paragraphs: string[];
  /** The section's complete list of subsections, in order. */
  subsections?: SubsectionEdit[] | undefined;
}

export interface ReportEdits {
  title?: string | undefined;
  recipient?: string | undefined;
  opening?: string | undefined;
  sections?: SectionEdit[] | undefined;
  signature?: string | undefined;
  /** 成文日期, YYYY-MM-DD. */
  date?: string | undefined;
}

function isDigitLike(ch: string | undefined): boolean {
  return ch !== undefined && /[0-9.,]/.test(ch);
}

/** Re-segments edited text, keeping each old figure whose printed text is still there, in order. */
export function resegment(oldSegments: readonly Segment[], text: string): Segment[] {
  const figures = oldSegments.filter((s): s is FigureSegment => s.kind === 'figure');
  const out: Segment[] = [];
  let cursor = 0;
  const pushText = (t: string) => {
    if (t === '') return;
    const prev = out.at(-1);
    if (prev?.kind === 'text') prev.text += t;
    else out.push({ kind: 'text', text: t });
  };
  for (const figure of figures) {
    const printed = segmentText(figure);
    let at = text.indexOf(printed, cursor);
    // "2次" must not match inside "12次".
    while (at !== -1 && isDigitLike(text[at - 1])) at = text.indexOf(printed, at + 1);
    if (at === -1) continue;
    pushText(text.slice(cursor, at));
    out.push(figure);
    cursor = at + printed.length;
  }
  pushText(text.slice(cursor));
  return out;
}

/** A paragraph as the editor sends it, without line breaks or surrounding blanks. */
function normalizeParagraph(text: string): string {
  return text.replace(/\s*\n\s*/g, '').trim();
}

const figuresOf = (segments: readonly Segment[]) =>
  segments.filter((s): s is FigureSegment => s.kind === 'figure');

/** Below this, an old and a new paragraph with no figure in common are different paragraphs. */
const MIN_LIKENESS = 0.3;
/** Past this many old × new paragraphs between two unchanged ones, pair them by position. */
const MAX_ALIGN_CELLS = 10_000;

/**
 * Which old paragraph each edited text continues, if any. Unchanged texts pair first; between
 * them, an old and a new paragraph pair when they share a figure or enough of their wording,
 * in the order that keeps the most — the others were inserted or removed.
 */
function sourcesOf(
  old: readonly ReportParagraph[],
  texts: readonly string[],
): (number | undefined)[] {
  const oldTexts = old.map(paragraphText);
  const source = new Array<number | undefined>(texts.length).fill(undefined);
  const anchors = alignInOrder(old.length, texts.length, (i, j) =>
    oldTexts[i] === texts[j] ? 1 : -1,
  );
  let o0 = 0;
  let n0 = 0;
  for (const [o1, n1] of [...anchors, [old.length, texts.length] as const]) {
    const oldGrams = oldTexts.slice(o0, o1).map(bigrams);
    const newGrams = texts.slice(n0, n1).map(bigrams);
    const score = (i: number, j: number) => {
      const segments = (old[o0 + i] as ReportParagraph).segments;
      const kept = figuresOf(resegment(segments, texts[n0 + j] as string)).length;
      const like = likeness(oldGrams[i] ?? new Map(), newGrams[j] ?? new Map());
      return kept > 0 || like >= MIN_LIKENESS ? kept + like : -1;
    };
    const pairs =
      oldGrams.length * newGrams.length <= MAX_ALIGN_CELLS
        ? alignInOrder(oldGrams.length, newGrams.length, score)
        : newGrams.slice(0, oldGrams.length).map((_, k) => [k, k] as const);
    for (const [i, j] of pairs) source[n0 + j] = o0 + i;
    if (o1 < old.length) source[n1] = o1;
    o0 = o1 + 1;
    n0 = n1 + 1;
  }
  return source;
}

/**
 * Applies edited paragraph texts to a list of paragraphs. Paragraphs may be edited, inserted,
 * removed or emptied (empty ones are dropped). An unchanged paragraph keeps its figures; an edited
 * one keeps those whose printed text survives; a new one (or one that lost all its own) may take
 * figures that left their paragraph, so a sentence moved within the list stays linked.
 */
function editParagraphs(
  old: readonly ReportParagraph[],
  edited: readonly string[],
): ReportParagraph[] {
  const texts = edited.map(normalizeParagraph).filter((t) => t !== '');
  const kept = sourcesOf(old, texts).map((from, j) => {
    const paragraph = from === undefined ? undefined : old[from];
    if (!paragraph || paragraphText(paragraph) === texts[j]) return paragraph;
    const segments = resegment(paragraph.segments, texts[j] as string);
    return segments.some((s) => s.kind === 'figure') ? { segments } : undefined;
  });
  const used = new Set(kept.flatMap((p) => (p ? figuresOf(p.segments) : [])));
  let released = old.flatMap((p) => figuresOf(p.segments)).filter((f) => !used.has(f));
  return texts.map((t, j) => {
    const paragraph = kept[j];
    if (paragraph) return paragraph;
    const segments = resegment(released, t);
    const taken = new Set(figuresOf(segments));
    released = released.filter((f) => !taken.has(f));
    return { segments };
  });
}

/** Applies section-by-section edits; unknown section ids are ignored, numbering is redone. */
export function applyEdits(report: StructuredReport, edits: ReportEdits): StructuredReport {
  const next: StructuredReport = structuredClone(report);
  if (edits.title !== undefined) next.title = edits.title.trim();
  if (edits.recipient !== undefined) {
    const r = edits.recipient.trim().replace(/[：:]$/, '');
    if (r) next.recipient = r;
    else delete next.recipient;
  }
  if (edits.opening !== undefined) {
    const [p] = editParagraphs([report.opening], [edits.opening]);
    next.opening = p ?? { segments: [] };
  }
  if (edits.signature !== undefined) next.signature = edits.signature.trim();
  if (edits.date !== undefined) {
    next.date = edits.date;
    next.dateText = formatDate(edits.date);
  }
  for (const edit of edits.sections ?? []) {
    const section = next.sections.find((s) => s.id === edit.id);
    const original = report.sections.find((s) => s.id === edit.id);
    if (!section || !original) continue;
    if (edit.heading !== undefined && edit.heading.trim() !== '')
      section.heading = edit.heading.trim();
    section.paragraphs = editParagraphs(original.paragraphs, edit.paragraphs);
    if (edit.subsections) {
      section.subsections = edit.subsections
        .map((sub) => {
          const old = original.subsections.find((s) => s.id === sub.id);
          return {
            id: sub.id,
            number: '',
            topic: sub.topic.trim(),
            ...(old?.area ? { area: old.area } : {}),
            paragraphs: editParagraphs(old?.paragraphs ?? [], sub.paragraphs),
          };
        })
        .filter((sub) => sub.topic !== '' || sub.paragraphs.length > 0);
    }
  }
  renumber(next.sections);
  return next;
}

function renumber(sections: ReportSection[]): void {
  sections.forEach((section, i) => {
    section.number = `${chineseNumeral(i + 1)}、`;
    section.subsections.forEach((sub, j) => {
      sub.number = `（${chineseNumeral(j + 1)}）`;
    });
  });
}

/** Where a line of the report's plain text comes from (the text `renderText` produces). */
export interface LineLocation {
  part:
    | 'title'
    | 'recipient'
    | 'opening'
    | 'heading'
    | 'paragraph'
    | 'subsection'
    | 'blank'
    | 'signature'
    | 'date';
  sectionId?: string;
  subsectionId?: string;
  /** Paragraph index within the section or subsection. */
  paragraph?: number;
  /** Code points before the paragraph's own text on this line (a subsection's number and topic). */
  offset: number;
}

const cp = (s: string) => [...s].length;

/** The report's text lines, each with its location; `lines.join('\n') + '\n'` equals renderText. */
export function textLayout(report: StructuredReport): {
  text: string;
  lines: string[];
  locations: LineLocation[];
} {
  const lines: string[] = [];
  const locations: LineLocation[] = [];
  const push = (line: string, location: LineLocation) => {
    lines.push(line);
    locations.push(location);
  };
  push(report.title, { part: 'title', offset: 0 });
  if (report.recipient) push(`${report.recipient}：`, { part: 'recipient', offset: 0 });
  push(paragraphText(report.opening), { part: 'opening', paragraph: 0, offset: 0 });
  for (const section of report.sections) {
    push(`${section.number}${section.heading}`, {
      part: 'heading',
      sectionId: section.id,
      offset: 0,
    });
    section.paragraphs.forEach((p, i) =>
      push(paragraphText(p), { part: 'paragraph', sectionId: section.id, paragraph: i, offset: 0 }),
    );
    for (const sub of section.subsections) {
      const [first, ...rest] = sub.paragraphs;
      const head = `${sub.number}${sub.topic}`;
      push(`${head}${first ? paragraphText(first) : ''}`, {
        part: 'subsection',
        sectionId: section.id,
        subsectionId: sub.id,
        paragraph: 0,
        offset: cp(head),
      });
      rest.forEach((p, i) =>
        push(paragraphText(p), {
          part: 'paragraph',
          sectionId: section.id,
          subsectionId: sub.id,
          paragraph: i + 1,
          offset: 0,
        }),
      );
    }
  }
  push('', { part: 'blank', offset: 0 });
  push(report.signature, { part: 'signature', offset: 0 });
  push(report.dateText, { part: 'date', offset: 0 });
  return { text: `${lines.join('\n')}\n`, lines, locations };
}

export interface DiffLine {
  op: 'equal' | 'added' | 'removed';
  text: string;
}

/** Paragraph-level diff (longest common subsequence of lines). */
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] {
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  const equal = alignInOrder(a.length, b.length, (x, y) => (a[x] === b[y] ? 1 : -1));
  for (const [x, y] of [...equal, [a.length, b.length] as const]) {
    for (; i < x; i += 1) out.push({ op: 'removed', text: a[i] as string });
    for (; j < y; j += 1) out.push({ op: 'added', text: b[j] as string });
    if (x < a.length) out.push({ op: 'equal', text: a[x] as string });
    i = x + 1;
    j = y + 1;
  }
  return out;
}
