// Shapes of the proofreader API (apps/server/src/modules/proofread/*.schema.ts).

export type Category =
  | 'placeholder'
  | 'residue'
  | 'duplicate'
  | 'punctuation'
  | 'numbering'
  | 'temporal'
  | 'stale'
  | 'typo'
  | 'terminology'
  | 'structure'
  | 'layout';

export type Severity = 'error' | 'warning' | 'info';
export type DocumentKind = 'summary' | 'selfcheck' | 'topical' | 'other';
export type DateSource = 'option' | 'signature' | 'title' | 'mentioned-year' | 'fallback' | 'none';
export type TermCategory = 'forbidden' | 'discouraged' | 'preferred' | 'canonical';

/** One finding, per the proofreader contract: 1-based line/column counted in code points. */
export interface Finding {
  category: Category;
  rule: string;
  severity: Severity;
  line: number;
  column: number;
  length: number;
  excerpt: string;
  message: string;
  suggestion?: string;
}

export interface CheckResult {
  date: string | null;
  dateSource: DateSource;
  dateReason: string;
  kind: DocumentKind;
  termLists: { id: number; name: string; versionNumber: number }[];
  findings: Finding[];
}

export interface CheckFileResult extends CheckResult {
  fileName: string;
  format: 'txt' | 'md' | 'docx';
  text: string;
}

export interface CheckOptions {
  date?: string;
  kind?: DocumentKind;
  termListIds?: number[];
}

export interface TermList {
  id: number;
  unitId: number;
  unitName: string;
  name: string;
  remark: string;
  currentVersionId: number | null;
  currentVersionNumber: number | null;
  entryCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface TermListVersion {
  id: number;
  listId: number;
  number: number;
  source: string;
  copiedFromNumber: number | null;
  entryCount: number;
  current: boolean;
  createdBy: string | null;
  createdAt: string;
}

export interface TermEntry {
  row: number;
  term: string;
  category: TermCategory;
  severity: Severity | null;
  suggestion: string | null;
  note: string | null;
}
