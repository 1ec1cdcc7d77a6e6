import { parseChineseNumber } from '../date/chinese-numerals';
import { makeDate } from '../date/document-date';
import { ASSUMED_PERIOD_LABEL } from '../date/infer-document-date';
import { eventName } from '../facts/facts';
import type { CongressEvent } from '../facts/facts';
import type { DocumentDate } from '../types';
import { DAY, END, findDates, MONTH, START, YEAR } from '../date/date-mentions';
import { HEADING_LEVELS, isHeadingLine } from '../text/heading-marks';
import { sentenceAround } from '../text/text-index';
import { scanPattern } from '../text/pattern-scan';
import type { RuleContext } from './rule-context';

const EVENT_RE = scanPattern(
  /(?<!第)(?:党的)?(十[五六七八九]|二十[一二三四五六七八九]?)(?:大|届([一二三四五六七八九])中全会)/g,
);

// Plenums named together (党的二十届三中、四中全会): the last one is the one the dates decide.
const EVENT_SERIES_RE = scanPattern(
  /(?<!第)(?:党的)?(十[五六七八九]|二十[一二三四五六七八九]?)届(?:[一二三四五六七八九]中、)+([一二三四五六七八九])中全会/g,
);

/**
 * Mentions of congresses and plenums, in text order, found once per check (the stale rule reads
 * them too): `[text, term, plenum]` with the plenum empty for a congress; a series of plenums
 * counts as a mention of its last one.
 */
export function eventMentions(ctx: RuleContext): RegExpExecArray[] {
  ctx.shared.events ??= [
    ...ctx.index.matchAll(EVENT_RE),
    ...ctx.index.matchAll(EVENT_SERIES_RE),
  ].sort((a, b) => a.index - b.index);
  return ctx.shared.events;
}

const FUTURE_BEFORE = /(?:迎接|喜迎|即将(?:胜利)?召开的?|献礼|筹备|迎来)(?:党的)?$/;
const FUTURE_AFTER = /^(?:胜利)?(?:召开)?前夕|^即将(?:胜利)?召开|^召开在即/;
const PAST_BEFORE =
  /(?:学习贯彻|贯彻落实|学习宣传贯彻|传达学习|学习传达|深入学习|宣传贯彻|召开的|领会)(?:党的)?$/;
const PAST_AFTER =
  /^(?:的)?精神|^(?:胜利)?召开以来|^胜利(?:召开|闭幕)|^(?:作出|提出|强调|审议通过|通过)的|^以来/;
const PLAN_CLAIM = scanPattern(
  new RegExp(
    `(今年|明年|去年|(\\d{4})年)(?:是|为|恰逢)[^。；\\n]{0,30}?[“"]?(十[一二三四五六]五)[”"]?(?:规划)?(?:的)?(开局|收官|起步|决胜|最后一|第一)之?年`,
    'g',
  ),
);
const PAST_CLAUSE = /了|已经|已|完成|圆满|顺利|成功/;
const FUTURE_SENTENCE =
  /将|拟|计划|预计|力争|争取|打算|预定|下一步|以前|之前|前完成|底前|截至|截止|期限|要求|于\d/;

/** Statements contradicting the document date: anniversaries, congresses, 今年是…, future dates. */
export function checkTemporal(ctx: RuleContext): void {
  if (!ctx.date) return;
  checkAnniversaries(ctx, ctx.date);
  checkEvents(ctx, ctx.date);
  checkPlanClaims(ctx, ctx.date);
  checkFutureDates(ctx, ctx.date);
}

const RELATIVE_YEARS: readonly [string, number][] = [
  ['去年', -1],
  ['今年', 0],
  ['明年', 1],
];

function yearFor(text: string, at: number, docYear: number): { year: number; explicit: boolean } {
  const [a] = sentenceAround(text, at);
  const before = text.slice(a, at);
  // The time word nearest the statement decides (在总结2024年经验的基础上，今年… is this year).
  // A year that opens a 自…以来 span dates its start, not the statement (自2024年启动以来，…).
  let best = -1;
  let year = docYear;
  for (const y of before.matchAll(/((?:19|20)\d\d)年/g)) {
    if (!/以来|至今/.test(before.slice(y.index)) && y.index > best) {
      best = y.index;
      year = Number(y[1]);
    }
  }
  for (const [word, offset] of RELATIVE_YEARS) {
    const at = before.lastIndexOf(word);
    if (at > best) {
      best = at;
      year = docYear + offset;
    }
  }
  return { year, explicit: best >= 0 };
}

/** A first-level heading (一、), which opens a section. */
const LEVEL1_LINE = HEADING_LEVELS[0] as RegExp;
const HEADING_YEAR = /((?:19|20)\d\d)年/;

/** After an anniversary: it names the occasion of a speech (…大会上的重要讲话). */
const SPEECH_AFTER = /^[^。；，！？\n]{0,8}上(?:发表)?的(?:重要)?讲话/;
const PLANS_HEADING = /下一步|打算|计划|思路|安排|展望/;

/**
 * The year each line's section speaks of, or null: the year named by the nearest heading above
 * (`三、2026年工作打算`), looking no further back than the section's first-level heading; for a
 * plans section without a year (`三、下一步工作打算`), the year after the document's. One pass
 * over the lines, made when a statement first needs it.
 */
function sectionYears(ctx: RuleContext, docYear: number): (number | null)[] {
  const years: (number | null)[] = [];
  let current: number | null = null;
  for (const line of ctx.lines) {
    // A heading's own line still belongs to the section above it.
    years.push(current);
    const text = line.text;
    if (!isHeadingLine(text)) continue;
    const heading = text.slice(0, 40);
    const year = HEADING_YEAR.exec(heading);
    if (year) current = Number(year[1]);
    else if (LEVEL1_LINE.test(text)) current = PLANS_HEADING.test(heading) ? docYear + 1 : null;
  }
  return years;
}

function checkAnniversaries(ctx: RuleContext, date: DocumentDate): void {
  const { text, index, facts } = ctx;
  const periodYear = ctx.period ? Number(ctx.period.start.slice(0, 4)) : date.year;
  let sections: (number | null)[] | null = null;
  for (const m of index.matchAll(facts.anniversaryPattern)) {
    const alias = m[1] as string;
    const entry = facts.anniversaryByAlias.get(alias);
    if (!entry) continue;
    const numText = m[2] as string;
    const n = parseChineseNumber(numText);
    if (Number.isNaN(n)) continue;
    const { year, explicit } = yearFor(text, m.index, date.year);
    const [a, b] = sentenceAround(text, m.index);
    const sentence = text.slice(a, b);
    const ok = new Set([year - entry.base]);
    if (!explicit) {
      ok.add(periodYear - entry.base);
      sections ??= sectionYears(ctx, date.year);
      const section = sections[index.lineAt(m.index)] ?? null;
      if (section !== null) ok.add(section - entry.base);
      if (facts.anniversaryForwardCue.test(sentence)) ok.add(year - entry.base + 1);
      if (facts.anniversaryPastCue.test(sentence)) ok.add(year - entry.base - 1);
    } else if (facts.anniversaryForwardCue.test(sentence)) ok.add(year - entry.base + 1);
    if (ok.has(n)) continue;
    const right = year - entry.base;
    // The name of a speech given at an earlier anniversary (在庆祝…100周年大会上的重要讲话).
    if (
      n < right &&
      SPEECH_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))
    ) {
      continue;
    }
    const rightText = /^\d+$/.test(numText) ? String(right) : cnNumber(right);
    ctx.findings.add(
      'temporal',
      'temporal/anniversary',
      'error',
      m.index,
      m[0].length,
      `${year}年是${entry.name}${right}周年（${entry.base}年），不是${n}周年`,
      `${alias}${rightText}周年`,
    );
  }
}

function cnNumber(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n] as string;
  if (n < 100) {
    const t = Math.floor(n / 10);
    return `${t === 1 ? '' : d[t]}十${n % 10 ? d[n % 10] : ''}`;
  }
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (rest === 0) return `${d[h]}百`;
  return `${d[h]}百${rest < 10 ? '零' : ''}${rest < 10 ? d[rest] : cnNumber(rest).replace(/^十/, '一十')}`;
}

function findEvent(events: CongressEvent[], term: number, plenum: number): CongressEvent | null {
  return events.find((e) => e.term === term && e.plenum === plenum) ?? null;
}

/** Latest known event that must precede (term, plenum); used for events not yet in the data. */
function predecessor(events: CongressEvent[], term: number, plenum: number): CongressEvent | null {
  let best: CongressEvent | null = null;
  for (const e of events) {
    if (e.term < term || (e.term === term && e.plenum < plenum)) {
      if (!best || e.start > best.start) best = e;
    }
  }
  return best;
}

function checkEvents(ctx: RuleContext, date: DocumentDate): void {
  const { text, facts } = ctx;
  for (const m of eventMentions(ctx)) {
    const term = parseChineseNumber(m[1] as string);
    const plenum = m[2] ? parseChineseNumber(m[2]) : 0;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 10);
    const future = FUTURE_BEFORE.test(before) || FUTURE_AFTER.test(after);
    const past = !future && (PAST_BEFORE.test(before) || PAST_AFTER.test(after));
    if (!future && !past) continue;
    const e = findEvent(facts.congresses, term, plenum);
    const name = eventName({ term, plenum });
    if (e) {
      if (future && date.iso > e.end && !lookingBack(ctx, m.index, e)) {
        ctx.findings.add(
          'temporal',
          'temporal/event-as-future',
          'error',
          m.index,
          m[0].length,
          `${name}已于${fmt(e.start)}召开，文档日期${fmt(date.iso)}不应表述为即将召开`,
        );
      } else if (past && date.iso < e.start) {
        ctx.findings.add(
          'temporal',
          'temporal/event-as-past',
          'error',
          m.index,
          m[0].length,
          `${name}于${fmt(e.start)}召开，文档日期${fmt(date.iso)}时尚未召开`,
        );
      }
    } else if (past) {
      const p = predecessor(facts.congresses, term, plenum);
      if (p && date.iso <= p.end) {
        ctx.findings.add(
          'temporal',
          'temporal/event-as-past',
          'error',
          m.index,
          m[0].length,
          `文档日期${fmt(date.iso)}时${name}尚未召开`,
        );
      }
    }
  }
}

/**
 * Whether a statement about an event reads from before it: the period its title names starts
 * before the event closed (2022年度总结: 围绕迎接党的二十大召开…), or its sentence names such a
 * year.
 */
function lookingBack(ctx: RuleContext, at: number, e: CongressEvent): boolean {
  const { period } = ctx;
  if (period && period.label !== ASSUMED_PERIOD_LABEL && period.start <= e.end) return true;
  const { year, explicit } = yearFor(ctx.text, at, Number(e.end.slice(0, 4)) + 1);
  return explicit && year <= Number(e.end.slice(0, 4));
}

function fmt(iso: string): string {
  const [y, mo, d] = iso.split('-').map(Number);
  return `${y}年${mo}月${d}日`;
}

function checkPlanClaims(ctx: RuleContext, date: DocumentDate): void {
  const { index, facts } = ctx;
  for (const m of index.matchAll(PLAN_CLAIM)) {
    const rel = m[1] as string;
    const year = m[2]
      ? Number(m[2])
      : rel === '明年'
        ? date.year + 1
        : rel === '去年'
          ? date.year - 1
          : date.year;
    const plan = facts.plans.find((p) => p.name === m[3]);
    if (!plan) continue;
    const first = m[4] === '开局' || m[4] === '起步' || m[4] === '第一';
    const want = first ? plan.start : plan.end;
    if (year === want) continue;
    ctx.findings.add(
      'temporal',
      'temporal/year-claim',
      'error',
      m.index,
      m[0].length,
      `“${plan.name}”规划期为${plan.start}—${plan.end}年，${year}年不是其${first ? '开局' : '收官'}之年`,
    );
  }
}

function checkFutureDates(ctx: RuleContext, date: DocumentDate): void {
  const { text, index } = ctx;
  const defaultYear = ctx.period ? Number(ctx.period.end.slice(0, 4)) : date.year;
  const today = date.year * 10000 + date.month * 100 + date.day;
  // Latest 年 before the current date and the next one (the dates come in text order).
  let lastNian = -1;
  let nextNian = text.indexOf('年');
  const dates = findDates(text, index.codes);
  for (let k = 0; k < dates.count; k++) {
    const start = dates.at(k, START);
    const end = dates.at(k, END);
    const month = dates.at(k, MONTH);
    const written = dates.at(k, DAY);
    const day = written >= 0 ? written : 1;
    let year = dates.at(k, YEAR);
    const yearWritten = year >= 0;
    if (year < 0) {
      while (nextNian >= 0 && nextNian < start) {
        lastNian = nextNian;
        nextNian = text.indexOf('年', nextNian + 1);
      }
      // Only a year written earlier in the same sentence can override the default.
      if (lastNian >= 0 && lastNian >= start - 60) {
        const y = yearFor(text, start, defaultYear);
        year = y.explicit ? y.year : defaultYear;
      } else year = defaultYear;
    }
    if (year * 10000 + month * 100 + day <= today) continue;
    const d = makeDate(year, month, day);
    if (!d || d.iso <= date.iso) continue;
    // 12月 in a report dated January: last December, when the reported period reaches it.
    if (!yearWritten && ctx.period) {
      const earlier = makeDate(year - 1, month, day);
      if (earlier && earlier.iso >= ctx.period.start) continue;
    }
    const length = end - start;
    const li = index.lineAt(start);
    const lineText = ctx.lines[li]?.text.trim() ?? '';
    if (lineText.length <= length + 2) continue; // the date line itself
    const [a, b] = sentenceAround(text, start, end);
    const sentence = text.slice(a, b);
    if (FUTURE_SENTENCE.test(sentence)) continue;
    let clauseEnd = end;
    while (clauseEnd < b && !/[，,；;]/.test(text[clauseEnd] as string)) clauseEnd++;
    const clause = text.slice(end, Math.min(b, clauseEnd + 30));
    if (!PAST_CLAUSE.test(clause)) continue;
    ctx.findings.add(
      'temporal',
      'temporal/future-date-as-past',
      'warning',
      start,
      length,
      `${fmt(d.iso)}晚于文档日期${fmt(date.iso)}，却按已发生的事情表述`,
    );
  }
}
