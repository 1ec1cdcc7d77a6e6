// Public API of the proofreader engine (no I/O). See DESIGN.md "Proofreader contract".
export { check, warmUp } from './check';
export type { CheckOptions, CheckResult } from './check';
export { inferDocumentDate } from './date/infer-document-date';
export { compileTerms } from './terms/compile-terms';
export type { CompiledTerms } from './terms/compile-terms';
export { inferKind } from './rules/structure-rule';
export { parseTermsTsv } from './terms/parse-terms-tsv';
export type { TermsTsvResult, TermsTsvError } from './terms/parse-terms-tsv';
export { DoubleArrayMatcher } from './matcher/double-array-matcher';
export type { MatchList } from './matcher/double-array-matcher';
export { CATEGORIES, DOCUMENT_KINDS } from './types';
export type {
  Category,
  DateSource,
  DocumentKind,
  Finding,
  InferredDate,
  ReportPeriod,
  Severity,
  TermCategory,
  TermEntry,
} from './types';
