import { parseChineseNumber } from '../date/chinese-numerals';
import { charTable, HAN, hasText, isHanCode } from '../text/text-index';
import { CN_NUMERAL as CN, HEADING_LEVELS } from '../text/heading-marks';
import { scanPattern } from '../text/pattern-scan';
import type { Line } from '../text/text-index';
import type { RuleContext } from './rule-context';

/** Heading markers by level: 一、 → （一） → 1. → （1）. */
const LEVELS: { re: RegExp; name: string; format: (n: number) => string }[] = [
  { re: HEADING_LEVELS[0] as RegExp, name: '一、', format: (n) => `${cn(n)}、` },
  { re: HEADING_LEVELS[1] as RegExp, name: '（一）', format: (n) => `（${cn(n)}）` },
  { re: HEADING_LEVELS[2] as RegExp, name: '1.', format: (n) => `${n}.` },
  { re: HEADING_LEVELS[3] as RegExp, name: '（1）', format: (n) => `（${n}）` },
];
// 一抓到底 (see it through) is an idiom, not the first of 一抓…二抓….
const ENUM = scanPattern(new RegExp(`(${CN})(是|要|则|抓(?!到底))(?=[${HAN}“])`, 'g'));
const ENUM_BEFORE = charTable(' \t\u3000。；;，,：:！？\n');
const CN_DIGIT = charTable('一二三四五六七八九十');
const LEAD_IN = /[：:][\s\u3000]*$/;
const ATTACHMENTS = /^[\s\u3000]*附件[：:][\s\u3000]*1[.．]/;
const AFTER_NUMBER = charTable('、.．');

/**
 * False when no heading marker (`LEVELS`) can start line text `t`: most lines start with
 * something else, or with a number that is not followed by 、 or a dot (5月3日…).
 */
function mayBeHeading(t: string): boolean {
  const c0 = t.charCodeAt(0);
  if (HEADING_START[c0] === 0) return false;
  if (c0 >= 0x30 && c0 <= 0x39) {
    const c1 = t.charCodeAt(1);
    return AFTER_NUMBER[t.charCodeAt(c1 >= 0x30 && c1 <= 0x39 ? 2 : 1)] === 1;
  }
  if (CN_DIGIT[c0] === 1) {
    let k = 1;
    while (CN_DIGIT[t.charCodeAt(k)] === 1) k++;
    return AFTER_NUMBER[t.charCodeAt(k)] === 1;
  }
  return true;
}
const ENUM_SUFFIX = charTable('是要则抓');
const OPENING_QUOTE = 0x201c;
const ZHUA = 0x6293;
const HEADING_START = charTable('一二三四五六七八九十（(0123456789 \t\u3000');

function cn(n: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n] ?? '';
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : (d[tens] ?? '')}十${d[n % 10] ?? ''}`;
}

/** An enumerator: its numeral (一, 十一 …) at `at`, then its suffix (是, 要, 则, 抓). */
interface Enumerator {
  at: number;
  word: string;
  suffix: string;
}

/** 一是一、二是二: the numeral `[a, b)` and its suffix followed by the same numeral and a mark. */
function repeatsNumeral(text: string, a: number, b: number): boolean {
  const word = text.slice(a, b);
  return text.startsWith(word, b + 1) && '，、,'.includes(text[b + 1 + word.length] ?? '');
}

/**
 * The enumerators that start a clause (at the start of the text or after `ENUM_BEFORE`): the
 * matches of `ENUM`, found by walking the code units from the index's candidate starts.
 */
export function enumerators(ctx: RuleContext): Enumerator[] {
  const { text, index } = ctx;
  const { codes } = index;
  const out: Enumerator[] = [];
  const starts =
    ENUM.sets && ENUM.id < index.candidates.size ? index.candidates.starts(ENUM.id) : null;
  if (!starts) {
    for (const m of index.matchAll(ENUM)) {
      const b = m.index + (m[1] as string).length;
      if (repeatsNumeral(text, m.index, b)) continue;
      if (m.index === 0 || ENUM_BEFORE[text.charCodeAt(m.index - 1)] === 1) {
        out.push({ at: m.index, word: m[1] as string, suffix: m[2] as string });
      }
    }
    return out;
  }
  // `[一…十]+` cannot give back a unit to the suffix (none is a numeral): a match is a whole
  // run of numerals followed by a suffix, found from its first candidate start.
  let from = 0;
  for (let k = 0; k < starts.length; k++) {
    const a = starts[k] as number;
    if (a < from) continue;
    let b = a;
    while (CN_DIGIT[codes[b] as number] === 1) b++;
    if (b === a || ENUM_SUFFIX[codes[b] as number] === 0) continue;
    const after = codes[b + 1] as number;
    if (b + 1 >= text.length || !(isHanCode(after) || after === OPENING_QUOTE)) continue;
    if (codes[b] === ZHUA && text.startsWith('到底', b + 1)) continue;
    if (repeatsNumeral(text, a, b)) continue;
    from = b + 1;
    if (a === 0 || ENUM_BEFORE[codes[a - 1] as number] === 1) {
      out.push({ at: a, word: text.slice(a, b), suffix: text[b] as string });
    }
  }
  return out;
}

/** An enumerator series: its last number, its suffix, where it was last seen, what it nests in. */
interface Series {
  n: number;
  suffix: string;
  at: number;
  outer: Series | null;
}

/** What the walk through the document remembers: next number per level, the last level, the series. */
interface NumberingState {
  expected: number[];
  lastLevel: number;
  series: Series | null;
  /** The last line was body text ending in a colon (会议议定：): a new list may start at 1. */
  leadIn: boolean;
}

/** Heading sequence and level order; enumerator series (一是…二是…三是). */
export function checkNumbering(ctx: RuleContext): void {
  const { lines } = ctx;
  const state: NumberingState = {
    expected: [1, 1, 1, 1],
    lastLevel: -1,
    series: null,
    leadIn: false,
  };
  const titleLine = lines.find((l) => hasText(l.text))?.index ?? -1;
  // Enumerators found in one pass over the text, consumed line by line.
  const enums = enumerators(ctx);
  let ei = 0;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l] as Line;
    const t = line.text;
    if (
      line.index !== titleLine &&
      t.length > 0 &&
      mayBeHeading(t) &&
      checkHeading(ctx, state, line)
    ) {
      state.leadIn = false;
    } else if (hasText(t)) {
      state.leadIn = LEAD_IN.test(t);
      // 附件：1.…… then 2.…… on the next lines (GB/T 9704 附件说明): the list has begun.
      if (ATTACHMENTS.test(t))
        state.expected = [state.expected[0] ?? 1, state.expected[1] ?? 1, 2, 1];
    }
    const lineEnd = line.start + t.length;
    while (ei < enums.length && (enums[ei] as Enumerator).at < line.start) ei++;
    for (; ei < enums.length && (enums[ei] as Enumerator).at < lineEnd; ei++) {
      checkEnumerator(ctx, state, enums[ei] as Enumerator);
    }
  }
}

/**
 * A heading's number against the expected one at its level; false when the line is no heading.
 * A list of `1.` or `（1）` items may start again at 1 after a lead-in line.
 */
function checkHeading(ctx: RuleContext, state: NumberingState, line: Line): boolean {
  let level = -1;
  let m: RegExpExecArray | null = null;
  for (let l = 0; l < LEVELS.length && !m; l++) {
    m = (LEVELS[l] as { re: RegExp }).re.exec(line.text);
    level = l;
  }
  if (!m) return false;
  const { expected } = state;
  const spec = LEVELS[level] as (typeof LEVELS)[number];
  const raw = m[1] as string;
  const n = parseChineseNumber(raw);
  const at = line.start + m.index + m[0].indexOf(raw);
  const restart = n === 1 && state.leadIn && level >= 2;
  const want = restart ? 1 : (expected[level] as number);
  if (n !== want) {
    const what = n < want ? '重复' : '跳号';
    ctx.findings.add(
      'numbering',
      `numbering/${n < want ? 'repeated' : 'skipped'}`,
      'warning',
      at,
      raw.length,
      `${spec.name}级标题序号${what}：此处应为“${spec.format(want).replace(/[、.（）]/g, '')}”`,
      level === 2 || level === 3 ? String(want) : cn(want),
    );
  }
  if (n === 1 && state.lastLevel > level) {
    ctx.findings.add(
      'numbering',
      'numbering/level-order',
      'warning',
      at,
      raw.length,
      `标题层级顺序错误：“${spec.name}”级标题出现在下级标题之内，层级应为一、→（一）→1.→（1）`,
    );
  }
  expected[level] = Math.max(n, 0) + 1;
  for (let l = level + 1; l < expected.length; l++) expected[l] = 1;
  state.lastLevel = level;
  state.series = null;
  return true;
}

/** An enumerator (二是) against the series it continues. */
function checkEnumerator(ctx: RuleContext, state: NumberingState, e: Enumerator): void {
  const { word, suffix } = e;
  const n = parseChineseNumber(word);
  const { text } = ctx;
  const current = state.series;
  if (n === 1) {
    // Inside a series of another form, 一X starts a nested series only if 二X follows in the
    // paragraph (一则短视频 inside 一是…二是… is a measure word, not an enumerator).
    if (current && current.suffix !== suffix && !followsInLine(text, e.at, `二${suffix}`)) return;
    state.series = {
      n: 1,
      suffix,
      at: e.at,
      outer: current && current.suffix !== suffix ? current : null,
    };
    return;
  }
  if (!current || Number.isNaN(n)) return;
  // The outer series goes on after a nested one (三是…做到一要…；二要…。四是…).
  const outer = current.outer;
  if (outer && suffix === outer.suffix && suffix !== current.suffix && n === outer.n + 1) {
    state.series = { ...outer, n, at: e.at };
    return;
  }
  // A nested series whose 一X was not read as an enumerator (做到一要…；二要…).
  if (
    suffix !== current.suffix &&
    n === 2 &&
    text.slice(current.at + 1, e.at).includes(`一${suffix}`)
  ) {
    state.series = { n: 2, suffix, at: e.at, outer: current };
    return;
  }
  const series = current;
  const at = e.at;
  if (n !== series.n + 1) {
    ctx.findings.add(
      'numbering',
      'numbering/enumeration-sequence',
      'warning',
      at,
      word.length,
      `列举序号不连续：此处应为“${cn(series.n + 1)}${series.suffix}”`,
      cn(series.n + 1),
    );
  } else if (suffix !== series.suffix) {
    ctx.findings.add(
      'numbering',
      'numbering/enumeration-form',
      'warning',
      at,
      word.length + suffix.length,
      `同一组列举应统一为“一${series.suffix}、二${series.suffix}……”的形式`,
      `${word}${series.suffix}`,
    );
  }
  state.series = {
    n: Number.isNaN(n) ? series.n + 1 : n,
    suffix: series.suffix,
    at: e.at,
    outer: series.outer,
  };
}

/** Whether `needle` occurs after `at` on the same line. */
function followsInLine(text: string, at: number, needle: string): boolean {
  const newline = text.indexOf('\n', at);
  return text.slice(at + 1, newline < 0 ? text.length : newline).includes(needle);
}
