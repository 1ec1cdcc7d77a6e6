import { formatDate } from './chinese-format';
import { cleanText } from './clean-text';
import type { ComposeOptions } from './compose-context';
import { createComposeContext } from './compose-context';
import type { ComposeInput } from './compose-input';
import { buildOpening } from './build-opening';
import { buildPlans } from './build-plans';
import { buildProblems } from './build-problems';
import { buildWorkItems } from './build-work-items';
import { findGaps } from './find-gaps';
import type { ReportContext } from './report-context';
import { reportTitle, topicalTheme } from './report-title';
import { validateComposeInput } from './validate-compose-input';

function workHeading(
  input: ComposeInput,
  periodShort: string,
  pick: <T>(s: string, v: readonly T[]) => T,
): string {
  const when = input.period.kind === 'annual' ? '全年' : periodShort;
  switch (input.kind) {
    case 'half-year-summary':
    case 'annual-summary':
      if (input.period.kind === 'custom') return '主要工作开展情况';
      // `全年`, not `2024年`: a heading that starts with digits reads (and parses) badly.
      return pick('work.heading', [`${when}意识形态工作开展情况`, `${when}主要工作及成效`]);
    case 'selfcheck':
      return '意识形态工作责任制落实情况';
    case 'topical':
      return pick('work.heading', ['基本情况', '工作开展情况']);
    default: {
      const unknown: never = input.kind;
      throw new Error(`unknown report kind ${String(unknown)}`);
    }
  }
}

/** Computes every phrase and figure of a report (validated input → ReportContext). */
export function buildReportContext(raw: ComposeInput, options: ComposeOptions = {}): ReportContext {
  const input = validateComposeInput(raw);
  const ctx = createComposeContext(input, options);
  const items = buildWorkItems(ctx);
  const gaps = findGaps(ctx, items);
  const name = cleanText(input.unit.name);
  return {
    kind: input.kind,
    title: reportTitle(input),
    unit: { id: input.unit.id, name, subject: ctx.subject },
    parentUnitName: input.parentUnitName,
    recipient: input.recipient?.trim().replace(/[：:]$/, '') || undefined,
    period: input.period,
    periodShort: ctx.periodShort,
    nextPeriod: ctx.nextPeriod,
    date: input.documentDate,
    dateText: formatDate(input.documentDate),
    signature: name,
    opening: buildOpening(ctx, topicalTheme(input)),
    work: { heading: workHeading(input, ctx.periodShort, ctx.pick), items },
    problems: buildProblems(ctx, gaps),
    plans: buildPlans(ctx, gaps, items),
  };
}
