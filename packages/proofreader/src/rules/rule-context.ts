import type { Facts } from '../facts/facts';
import type { CompiledTerms } from '../terms/compile-terms';
import type { FindingBuffer } from '../text/finding-buffer';
import type { PhraseMatches } from './phrase-scan';
import type { Line, TextIndex } from '../text/text-index';
import type { DocumentDate, DocumentKind, ReportPeriod } from '../types';

/** Everything a rule may read; rules report into `findings` and touch nothing else. */
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
  /** Where rules report what they find. */
  findings: FindingBuffer;
  /**
   * Scans one rule makes for another, kept for the rest of this check (on the context, so
   * that nothing of one check outlives it).
   */
  shared: SharedScans;
}

/** See `RuleContext.shared`; each is filled on first use. */
export interface SharedScans {
  phrases?: PhraseMatches;
  events?: RegExpExecArray[];
}

export type Rule = (ctx: RuleContext) => void;
