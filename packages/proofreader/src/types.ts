/** Finding categories fixed by the proofreader contract (DESIGN.md). */
export const CATEGORIES = [
  'placeholder',
  'residue',
  'duplicate',
  'punctuation',
  'numbering',
  'temporal',
  'stale',
  'typo',
  'terminology',
  'structure',
  'layout',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Severity = 'error' | 'warning' | 'info';

/** Document kinds; they decide which sections the structure rule requires. */
export const DOCUMENT_KINDS = ['summary', 'selfcheck', 'topical', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** One problem found in the text. Positions are 1-based; columns and lengths count code points. */
export interface Finding {
  category: Category;
  /** Stable rule id, e.g. `placeholder/xx-run`. */
  rule: string;
  severity: Severity;
  line: number;
  column: number;
  length: number;
  /** The flagged text exactly (empty for "missing section" findings, which have length 0). */
  excerpt: string;
  /** Message for users, Simplified Chinese. */
  message: string;
  /** Replacement for `excerpt`, present only when the fix is certain. */
  suggestion?: string;
}

/** How the document date was obtained. */
export type DateSource = 'option' | 'signature' | 'title' | 'mentioned-year' | 'fallback' | 'none';

export interface DocumentDate {
  /** ISO date YYYY-MM-DD. */
  iso: string;
  year: number;
  month: number;
  day: number;
}

export interface InferredDate {
  date: DocumentDate | null;
  source: DateSource;
  /** Chinese explanation of how the date was chosen. */
  reason: string;
}

/** The period a report covers (e.g. 2024年上半年), used to judge stale campaigns. */
export interface ReportPeriod {
  start: string;
  end: string;
  label: string;
}

export type TermCategory = 'forbidden' | 'discouraged' | 'preferred' | 'canonical';

/** One row of an organization's term list. */
export interface TermEntry {
  term: string;
  category: TermCategory;
  severity?: Severity;
  suggestion?: string;
  note?: string;
}
