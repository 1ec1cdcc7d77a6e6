// The report editor's working copy: the report as text, paragraph by paragraph, with stable keys
// so paragraphs and subsections can be inserted and removed while their figures and proofreader
// findings stay with them.
import type { ReportDraft, ReportParagraph, StructuredReport } from './reports.types';
import { paragraphText } from './report-text';

export interface DraftParagraph {
  /** Stable while the paragraph is edited (React key, focus, findings). */
  key: string;
  text: string;
  /** The saved paragraph it was loaded from, for its figures; none for a new paragraph. */
  saved?: ReportParagraph;
}

export interface DraftSubsection {
  id: string;
  topic: string;
  paragraphs: DraftParagraph[];
  /** Added in this editing session, not saved yet. */
  added?: boolean;
}

export interface DraftSection {
  id: string;
  number: string;
  heading: string;
  paragraphs: DraftParagraph[];
  subsections: DraftSubsection[];
}

export interface EditorDraft {
  title: string;
  opening: string;
  sections: DraftSection[];
  signature: string;
  date: string;
}

/** A list of paragraphs: a section's own, or one of its subsections'. */
export interface ParagraphListPath {
  sectionId: string;
  subsectionId?: string | undefined;
}

let counter = 0;
const nextKey = (prefix: string) => `${prefix}-${Date.now().toString(36)}${(counter += 1)}`;

const listKey = ({ sectionId, subsectionId }: ParagraphListPath) =>
  subsectionId === undefined ? sectionId : `${sectionId}/${subsectionId}`;

function loadParagraphs(path: ParagraphListPath, paragraphs: ReportParagraph[]): DraftParagraph[] {
  return paragraphs.map((p, i) => ({
    key: `${listKey(path)}#${i}`,
    text: paragraphText(p),
    saved: p,
  }));
}

/** The editor's working copy of a saved report. */
export function editorDraftOf(report: StructuredReport): EditorDraft {
  return {
    title: report.title,
    opening: paragraphText(report.opening),
    sections: report.sections.map((s) => ({
      id: s.id,
      number: s.number,
      heading: s.heading,
      paragraphs: loadParagraphs({ sectionId: s.id }, s.paragraphs),
      subsections: s.subsections.map((sub) => ({
        id: sub.id,
        topic: sub.topic,
        paragraphs: loadParagraphs({ sectionId: s.id, subsectionId: sub.id }, sub.paragraphs),
      })),
    })),
    signature: report.signature,
    date: report.date,
  };
}

/** What the server takes (save and proofread): every list as its complete array of texts. */
export function toReportDraft(draft: EditorDraft): ReportDraft {
  const texts = (ps: DraftParagraph[]) => ps.map((p) => p.text);
  return {
    title: draft.title,
    opening: draft.opening,
    sections: draft.sections.map((s) => ({
      id: s.id,
      heading: s.heading,
      paragraphs: texts(s.paragraphs),
      subsections: s.subsections.map((sub) => ({
        id: sub.id,
        topic: sub.topic,
        paragraphs: texts(sub.paragraphs),
      })),
    })),
    signature: draft.signature,
    date: draft.date,
  };
}

function mapSection(
  draft: EditorDraft,
  sectionId: string,
  change: (s: DraftSection) => DraftSection,
): EditorDraft {
  return { ...draft, sections: draft.sections.map((s) => (s.id === sectionId ? change(s) : s)) };
}

function mapSubsection(
  draft: EditorDraft,
  sectionId: string,
  subsectionId: string,
  change: (sub: DraftSubsection) => DraftSubsection,
): EditorDraft {
  return mapSection(draft, sectionId, (s) => ({
    ...s,
    subsections: s.subsections.map((sub) => (sub.id === subsectionId ? change(sub) : sub)),
  }));
}

/** Changes one list of paragraphs. */
export function mapParagraphs(
  draft: EditorDraft,
  path: ParagraphListPath,
  change: (ps: DraftParagraph[]) => DraftParagraph[],
): EditorDraft {
  const { sectionId, subsectionId } = path;
  return subsectionId === undefined
    ? mapSection(draft, sectionId, (s) => ({ ...s, paragraphs: change(s.paragraphs) }))
    : mapSubsection(draft, sectionId, subsectionId, (sub) => ({
        ...sub,
        paragraphs: change(sub.paragraphs),
      }));
}

export function setParagraphText(ps: DraftParagraph[], key: string, text: string) {
  return ps.map((p) => (p.key === key ? { ...p, text } : p));
}

/** A new empty paragraph after the one with `afterKey`, or first when `afterKey` is null. */
export function insertParagraph(
  ps: DraftParagraph[],
  afterKey: string | null,
  paragraph = newParagraph(),
) {
  const at = afterKey === null ? 0 : ps.findIndex((p) => p.key === afterKey) + 1;
  return [...ps.slice(0, at), paragraph, ...ps.slice(at)];
}

export function removeParagraph(ps: DraftParagraph[], key: string) {
  return ps.filter((p) => p.key !== key);
}

export function newParagraph(text = ''): DraftParagraph {
  return { key: nextKey('p'), text };
}

/** A new subsection after the one with `afterId`, or last when `afterId` is null. */
export function insertSubsection(
  draft: EditorDraft,
  sectionId: string,
  afterId: string | null,
  subsection: DraftSubsection = newSubsection(),
): EditorDraft {
  return mapSection(draft, sectionId, (s) => {
    const at =
      afterId === null
        ? s.subsections.length
        : s.subsections.findIndex((x) => x.id === afterId) + 1;
    return {
      ...s,
      subsections: [...s.subsections.slice(0, at), subsection, ...s.subsections.slice(at)],
    };
  });
}

export function newSubsection(): DraftSubsection {
  return { id: nextKey('custom'), topic: '', paragraphs: [newParagraph()], added: true };
}

export function removeSubsection(draft: EditorDraft, sectionId: string, subsectionId: string) {
  return mapSection(draft, sectionId, (s) => ({
    ...s,
    subsections: s.subsections.filter((sub) => sub.id !== subsectionId),
  }));
}

export function setSubsectionTopic(
  draft: EditorDraft,
  sectionId: string,
  subsectionId: string,
  topic: string,
) {
  return mapSubsection(draft, sectionId, subsectionId, (sub) => ({ ...sub, topic }));
}

/** Whether the server keeps a paragraph: it drops line breaks and empty paragraphs on save. */
export function isBlank(text: string): boolean {
  return text.replace(/\s*\n\s*/g, '').trim() === '';
}

/** Whether the server keeps a subsection: one with neither topic nor text is dropped on save. */
export function isBlankSubsection(sub: DraftSubsection): boolean {
  return sub.topic.trim() === '' && sub.paragraphs.every((p) => isBlank(p.text));
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 一 … 九十九, as the server numbers sections and subsections. */
export function chineseNumeral(n: number): string {
  const tens = Math.floor(n / 10);
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return head + (DIGITS[n % 10] ?? '');
}

/** The numbers the subsections of a section will have once saved (`（一）` …), by id. */
export function subsectionNumbers(section: DraftSection): Map<string, string> {
  const numbers = new Map<string, string>();
  for (const sub of section.subsections)
    if (!isBlankSubsection(sub)) numbers.set(sub.id, `（${chineseNumeral(numbers.size + 1)}）`);
  return numbers;
}
