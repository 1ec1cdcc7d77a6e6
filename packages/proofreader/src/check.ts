import { inferDocumentDate, inferReportPeriod } from './date/infer-document-date';
import { parseIsoDate } from './date/document-date';
import { loadFacts } from './facts/facts';
import { checkDuplicates } from './rules/duplicate-rule';
import { checkLayout } from './rules/layout-rule';
import { checkNumbering } from './rules/numbering-rule';
import { checkPlaceholders } from './rules/placeholder-rule';
import { checkPunctuation } from './rules/punctuation-rule';
import { checkResidue } from './rules/residue-rule';
import type { Rule, RuleContext } from './rules/rule-context';
import { checkStale } from './rules/stale-rule';
import { checkStructure, inferKind } from './rules/structure-rule';
import { checkTemporal } from './rules/temporal-rule';
import { checkTerminology } from './rules/terminology-rule';
import { checkTypos } from './rules/typo-rule';
import type { CompiledTerms } from './terms/compile-terms';
import { TextIndex } from './text/text-index';
import { CATEGORIES } from './types';
import type { Category, DateSource, DocumentKind, Finding, ReportPeriod } from './types';

export interface CheckOptions {
  /** Document date YYYY-MM-DD; inferred from the text when absent. */
  date?: string;
  /** Used when no date is given and none can be inferred (e.g. today's date). */
  fallbackDate?: string;
  /** Document kind; inferred from the title when absent. */
  kind?: DocumentKind;
  /** An organization term list compiled with `compileTerms`. */
  terms?: CompiledTerms;
  /** Run only these categories (all by default). */
  categories?: readonly Category[];
}

export interface CheckResult {
  /** Date the checks were made against (YYYY-MM-DD), or null when unknown. */
  date: string | null;
  dateSource: DateSource;
  /** Chinese explanation of where the date came from. */
  dateReason: string;
  kind: DocumentKind;
  period: ReportPeriod | null;
  /** Sorted by line, then column. */
  findings: Finding[];
}

const RULES: readonly Rule[] = [
  checkPlaceholders,
  checkResidue,
  checkDuplicates,
  checkPunctuation,
  checkNumbering,
  checkTemporal,
  checkStale,
  checkTypos,
  checkTerminology,
  checkStructure,
  checkLayout,
];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Proofreads a document against its own date; pure (no I/O). Throws on a malformed `date`. */
export function check(text: string, options: CheckOptions = {}): CheckResult {
  const normalized = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  let date = null;
  let dateSource: DateSource;
  let dateReason: string;
  if (options.date !== undefined) {
    date = parseIsoDate(options.date);
    if (!date) throw new RangeError(`日期格式应为YYYY-MM-DD：${options.date}`);
    dateSource = 'option';
    dateReason = '由调用方指定';
  } else {
    const inferred = inferDocumentDate(normalized);
    date = inferred.date;
    dateSource = inferred.source;
    dateReason = inferred.reason;
    if (!date && options.fallbackDate) {
      date = parseIsoDate(options.fallbackDate);
      if (date) {
        dateSource = 'fallback';
        dateReason = `文中未找到日期，按${options.fallbackDate}检查`;
      }
    }
  }
  const kind = options.kind ?? inferKind(normalized);
  const index = new TextIndex(normalized);
  const ctx: RuleContext = {
    text: normalized,
    index,
    lines: index.lines,
    date,
    period: date ? inferReportPeriod(normalized, date) : null,
    kind,
    facts: loadFacts(),
    terms: options.terms ?? null,
  };
  const wanted = options.categories ? new Set(options.categories) : null;
  const findings: Finding[] = [];
  for (const rule of RULES) {
    for (const f of rule(ctx)) if (!wanted || wanted.has(f.category)) findings.push(f);
  }
  sortFindings(findings, index.lines.length);
  return { date: date?.iso ?? null, dateSource, dateReason, kind, period: ctx.period, findings };
}

const CATEGORY_ORDER = new Map(CATEGORIES.map((c, i) => [c, i]));

/**
 * Sorts by line, column, severity (errors first), then category, stably: a counting sort by
 * line, then an insertion sort within each line (much cheaper than one comparison sort of
 * every finding; a line with very many findings uses the built-in stable sort).
 */
function sortFindings(findings: Finding[], lineCount: number): void {
  const counts = new Int32Array(lineCount + 2);
  for (const f of findings) counts[f.line]!++;
  let sum = 0;
  for (let l = 0; l < counts.length; l++) {
    const c = counts[l] as number;
    counts[l] = sum;
    sum += c;
  }
  const sorted = new Array<Finding>(findings.length);
  const next = counts.slice();
  for (const f of findings) sorted[next[f.line]!++] = f;
  const cmp = (a: Finding, b: Finding): number =>
    a.column - b.column ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (CATEGORY_ORDER.get(a.category) ?? 0) - (CATEGORY_ORDER.get(b.category) ?? 0);
  for (let l = 0; l + 1 < counts.length; l++) {
    const from = counts[l] as number;
    const to = l + 1 < counts.length ? (counts[l + 1] as number) : findings.length;
    if (to - from > 64) {
      const part = sorted.slice(from, to).sort(cmp);
      for (let k = 0; k < part.length; k++) sorted[from + k] = part[k] as Finding;
      continue;
    }
    for (let i = from + 1; i < to; i++) {
      const f = sorted[i] as Finding;
      let j = i - 1;
      while (j >= from && cmp(sorted[j] as Finding, f) > 0) {
        sorted[j + 1] = sorted[j] as Finding;
        j--;
      }
      sorted[j + 1] = f;
    }
  }
  for (let k = 0; k < sorted.length; k++) findings[k] = sorted[k] as Finding;
}
