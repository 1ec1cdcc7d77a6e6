import type { Facts } from '../facts/facts';
import type { CompiledTerms } from '../terms/compile-terms';
import type { Line, TextIndex } from '../text/text-index';
import type { DocumentDate, DocumentKind, Finding, ReportPeriod } from '../types';

/** Everything a rule may read. Rules are pure functions of this context. */
export interface RuleContext {
  /** Normalized text (line breaks are `\n`). */
  text: string;
  index: TextIndex;
  lines: Line[];
  /** Document date; null when unknown (date-dependent rules then stay silent). */
  date: DocumentDate | null;
  period: ReportPeriod | null;
  kind: DocumentKind;
  facts: Facts;
  terms: CompiledTerms | null;
}

export type Rule = (ctx: RuleContext) => Finding[];
