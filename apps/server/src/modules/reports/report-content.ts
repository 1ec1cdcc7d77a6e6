import type {
  FigureSegment,
  ReportParagraph,
  ReportSection,
  Segment,
  StructuredReport,
} from '@taizhang/composer';
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

function editParagraphs(
  old: readonly ReportParagraph[],
  texts: readonly string[],
): ReportParagraph[] {
  const pool = old.flatMap((p) => p.segments);
  return texts
    .map((t) => t.replace(/\s*\n\s*/g, '').trim())
    .filter((t) => t !== '')
    .map((t, i) => {
      const same = old[i];
      if (same && paragraphText(same) === t) return same;
      // Figures may move between paragraphs of the same section; look in the old paragraph first.
      const segments = resegment(same ? same.segments : [], t);
      const kept =
        segments.some((s) => s.kind === 'figure') || !same ? segments : resegment(pool, t);
      return { segments: kept };
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
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      const row = lcs[i] as number[];
      row[j] =
        a[i] === b[j]
          ? (lcs[i + 1]?.[j + 1] ?? 0) + 1
          : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: 'equal', text: a[i] as string });
      i += 1;
      j += 1;
    } else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)) {
      out.push({ op: 'removed', text: a[i] as string });
      i += 1;
    } else {
      out.push({ op: 'added', text: b[j] as string });
      j += 1;
    }
  }
  while (i < n) out.push({ op: 'removed', text: a[(i += 1) - 1] as string });
  while (j < m) out.push({ op: 'added', text: b[(j += 1) - 1] as string });
  return out;
}
