import type { InferredDate, ReportPeriod, DocumentDate } from '../types';
import { parseChineseNumber } from './chinese-numerals';
import { makeDate } from './document-date';

/** 2024年7月10日 or 二〇二四年七月十日, with year, month and day captured. */
const DATE = String.raw`(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日`;
const DATE_LINE = new RegExp(
  String.raw`^[\s\u3000]*(?:[^\d\s]{0,30}[\s\u3000]+)?${DATE}[\s\u3000]*$`,
);
/** A speech's or minutes' date set under its title: （2026年2月12日）. */
const BRACKETED_DATE_LINE = new RegExp(String.raw`^[（(]\s*${DATE}\s*[）)]$`);
const TITLE_HALF = /(\d{4})\s*年\s*(上半年|下半年|第([一二三四])季度|度|全年|)/;

/** The date captured by `DATE` in a match, or null when there is none or it is no real date. */
function dateOf(m: RegExpExecArray | null): DocumentDate | null {
  if (!m) return null;
  return makeDate(
    parseChineseNumber(m[1] as string),
    parseChineseNumber(m[2] as string),
    parseChineseNumber(m[3] as string),
  );
}

/**
 * Infers the document date: the signature date near the end, else a date in brackets under the
 * title (a speech's), else the reporting period in
 * the title (上半年 → 7月15日, 全年/年度 → next 1月15日, the usual submission deadlines),
 * else the most frequently mentioned year (→ 12月31日).
 */
export function inferDocumentDate(text: string): InferredDate {
  const lines = text.split(/\r\n|\r|\n/);
  const nonEmpty = lines.map((l) => l.trim()).filter((l) => l.length > 0);
  for (const line of nonEmpty.slice(-6).reverse()) {
    const date = dateOf(DATE_LINE.exec(line));
    if (date) {
      return {
        date,
        source: 'signature',
        reason: `取自文末落款日期“${line.replace(/^[\s\u3000]+/, '')}”`,
      };
    }
  }
  for (const line of nonEmpty.slice(1, 4)) {
    const date = dateOf(BRACKETED_DATE_LINE.exec(line));
    if (date) return { date, source: 'signature', reason: `取自标题下的日期“${line}”` };
  }
  const title = nonEmpty[0] ?? '';
  const t = TITLE_HALF.exec(title);
  if (t && (t[2] !== '' || /总结|报告|汇报/.test(title))) {
    const year = Number(t[1]);
    const which = t[2] ?? '';
    let date: DocumentDate | null;
    let why: string;
    if (which === '上半年') {
      date = makeDate(year, 7, 15);
      why = `标题为“${year}年上半年”，按半年报告报送时间推定为${year}年7月15日`;
    } else if (t[3]) {
      const q = parseChineseNumber(t[3]);
      date = q === 4 ? makeDate(year + 1, 1, 15) : makeDate(year, q * 3 + 1, 15);
      why = `标题为“${year}年第${t[3]}季度”，按季度结束后次月15日推定`;
    } else {
      date = makeDate(year + 1, 1, 15);
      why = `标题为“${year}年${which}”，按年度报告报送时间推定为${year + 1}年1月15日`;
    }
    if (date) return { date, source: 'title', reason: why };
  }
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(?<!\d)((?:19|20)\d\d)年/g)) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [y, c] of counts) {
    if (c > bestCount || (c === bestCount && y > best)) {
      best = y;
      bestCount = c;
    }
  }
  const date = best ? makeDate(best, 12, 31) : null;
  if (date) {
    return {
      date,
      source: 'mentioned-year',
      reason: `文中无落款日期和标题年份，取出现最多的年份${best}年，推定为${best}年12月31日`,
    };
  }
  return { date: null, source: 'none', reason: '文中未找到日期，与日期相关的检查已跳过' };
}

/** The label of the period assumed when the title names none: the half year before the date. */
export const ASSUMED_PERIOD_LABEL = '文档日期前半年';

/** The period a report covers, from its title; otherwise the half year before its date. */
export function inferReportPeriod(text: string, date: DocumentDate): ReportPeriod {
  const head = text.split('\n', 3).join('');
  const m = /(\d{4})\s*年\s*(上半年|下半年|)/.exec(head);
  if (m && /报告|总结|汇报|情况/.test(head)) {
    const y = Number(m[1]);
    if (m[2] === '上半年') return { start: `${y}-01-01`, end: `${y}-06-30`, label: `${y}年上半年` };
    if (m[2] === '下半年') return { start: `${y}-07-01`, end: `${y}-12-31`, label: `${y}年下半年` };
    return { start: `${y}-01-01`, end: `${y}-12-31`, label: `${y}年` };
  }
  const start = new Date(Date.UTC(date.year, date.month - 1 - 6, date.day)).toISOString();
  return { start: start.slice(0, 10), end: date.iso, label: ASSUMED_PERIOD_LABEL };
}
