import { addDays } from '../date/document-date';
import { parseChineseNumber } from '../date/chinese-numerals';
import { whichPattern } from '../facts/combined-pattern';
import { eventName } from '../facts/facts';
import type { DocumentDate } from '../types';
import { sentenceAround } from '../text/text-index';
import type { RuleContext } from './rule-context';
import { eventMentions } from './temporal-rule';

const STUDY_BEFORE =
  /(?:学习贯彻|贯彻落实|学习宣传贯彻|传达学习|学习传达|深入学习|宣传贯彻|领会)(?:党的)?$/;
const SPIRIT_AFTER = /^(?:的)?精神/;
const LATEST_BEFORE = /(?:最新|刚刚闭幕的|近期召开的|近日召开的|刚刚召开的)(?:党的)?$/;

/** Campaigns outside their window, slogans past their period, superseded congress spirit. */
export function checkStale(ctx: RuleContext): void {
  if (!ctx.date) return;
  checkCampaigns(ctx, ctx.date);
  checkSlogans(ctx);
  checkCongressSpirit(ctx, ctx.date);
}

/** The start of the reported period, or the document date. */
function reference(ctx: RuleContext, date: DocumentDate): string {
  return ctx.period ? ctx.period.start : date.iso;
}

/** The last year written (2021年) between `from` and `to`, or Infinity when there is none. */
function yearBefore(text: string, from: number, to: number): number {
  let year = Infinity;
  for (const y of text.slice(from, to).matchAll(/((?:19|20)\d\d)年/g)) year = Number(y[1]);
  return year;
}

function checkCampaigns(ctx: RuleContext, date: DocumentDate): void {
  const { text, index, facts } = ctx;
  const ref = reference(ctx, date);
  const { pattern: campaignRe, size: campaignCount } = facts.campaignsCombined;
  for (const m of index.matchAll(campaignRe)) {
    const c = facts.campaigns[whichPattern(m, campaignCount)];
    if (!c) continue;
    if (date.iso < addDays(c.start, -60)) {
      ctx.findings.add(
        'temporal',
        'temporal/campaign-not-started',
        'error',
        m.index,
        m[0].length,
        `${c.name}于${c.start.slice(0, 4)}年${Number(c.start.slice(5, 7))}月开始，文档日期时尚未开展`,
      );
      continue;
    }
    if (ref <= c.end) continue;
    const [a, b] = sentenceAround(text, m.index, m.index + m[0].length);
    if (facts.campaignAfterwardsAllowed.test(text.slice(a, b))) continue;
    // The sentence is set in the campaign's own time (2021年，依托党史学习教育…).
    if (yearBefore(text, a, m.index) <= Number(c.end.slice(0, 4))) continue;
    ctx.findings.add(
      'stale',
      'stale/campaign',
      'warning',
      m.index,
      m[0].length,
      `${c.name}已于${c.end.slice(0, 4)}年${Number(c.end.slice(5, 7))}月结束，不宜作为当前工作表述（可改为巩固拓展其成果、推动常态化长效化）`,
    );
  }
}

function checkSlogans(ctx: RuleContext): void {
  const { text, index, facts } = ctx;
  const ref = reference(ctx, ctx.date as DocumentDate);
  const { pattern: sloganRe, size: sloganCount } = facts.slogansCombined;
  for (const m of index.matchAll(sloganRe)) {
    const s = facts.slogans[whichPattern(m, sloganCount)];
    if (!s || ref <= s.until) continue;
    if (s.allowIf) {
      const [a, b] = sentenceAround(text, m.index, m.index + m[0].length);
      if (s.allowIf.test(text.slice(a, b))) continue;
    }
    ctx.findings.add(
      'stale',
      'stale/slogan',
      'warning',
      m.index,
      m[0].length,
      s.message,
      s.suggestion,
    );
  }
}

function checkCongressSpirit(ctx: RuleContext, date: DocumentDate): void {
  const { text, facts } = ctx;
  const ref = reference(ctx, date);
  const held = facts.congresses.filter((e) => e.end < date.iso);
  const latestCongress = held
    .filter((e) => e.plenum === 0)
    .sort((a, b) => (a.start < b.start ? 1 : -1))[0];
  const latestEvent = [...held].sort((a, b) => (a.start < b.start ? 1 : -1))[0];
  for (const m of eventMentions(ctx)) {
    const term = parseChineseNumber(m[1] as string);
    const plenum = m[2] ? parseChineseNumber(m[2]) : 0;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
    const name = eventName({ term, plenum });
    if (LATEST_BEFORE.test(before) && latestEvent) {
      if (latestEvent.term !== term || latestEvent.plenum !== plenum) {
        if (latestEvent.term > term || (latestEvent.term === term && latestEvent.plenum > plenum)) {
          ctx.findings.add(
            'stale',
            'stale/latest-event',
            'warning',
            m.index,
            m[0].length,
            `文档日期时最近召开的是${eventName(latestEvent)}，不是${name}`,
            eventName(latestEvent),
          );
        }
      }
      continue;
    }
    if (!STUDY_BEFORE.test(before) || !SPIRIT_AFTER.test(after)) continue;
    if (!latestCongress || latestCongress.term <= term) continue;
    // The next congress must have been held before the reported period began.
    const next = facts.congresses.find((e) => e.term === term + 1 && e.plenum === 0);
    if (!next || addDays(next.end, 90) > ref) continue;
    ctx.findings.add(
      'stale',
      'stale/superseded-congress',
      'warning',
      m.index,
      m[0].length,
      `${eventName(next)}已于${next.start.slice(0, 4)}年召开，当前应学习贯彻${eventName(latestCongress)}精神，“${name}精神”的提法已过时`,
    );
  }
}
