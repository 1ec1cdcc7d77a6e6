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
import { FindingBuffer } from './text/finding-buffer';
import { TextIndex } from './text/text-index';
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
  // Facts first: loading them registers their patterns, which the index locates.
  const facts = loadFacts();
  const index = new TextIndex(normalized);
  const ctx: RuleContext = {
    text: normalized,
    index,
    lines: index.lines,
    date,
    period: date ? inferReportPeriod(normalized, date) : null,
    kind,
    facts,
    terms: options.terms ?? null,
    findings: new FindingBuffer(index),
    shared: {},
  };
  for (const rule of RULES) rule(ctx);
  const findings = ctx.findings.toFindings(options.categories ? new Set(options.categories) : null);
  return { date: date?.iso ?? null, dateSource, dateReason, kind, period: ctx.period, findings };
}

// A short document touching every rule family, for `warmUp`.
const WARM_UP_TEXT =
  '某单位关于2024年上半年意识形态工作的报告\n一、工作开展情况\n今年是新中国成立75周年，' +
  'XX党委召开会议X次,截止目前进一步加强的的宣传。\n二、存在的问题\n三、下一步工作打算\n' +
  '2024年7月10日';

/**
 * Loads the dated facts and builds the shared tables and automata now instead of during the
 * first check (about a hundred milliseconds): for a server to call once it listens.
 */
export function warmUp(): void {
  check(WARM_UP_TEXT, { date: '2024-07-10' });
}
