import { parseChineseNumber } from '../date/chinese-numerals';
import { charTable, HAN } from '../text/text-index';
import { scanPattern } from '../text/pattern-scan';
import type { Line } from '../text/text-index';
import type { RuleContext } from './rule-context';

const CN = '[一二三四五六七八九十]+';
/** Heading markers by level: 一、 → （一） → 1. → （1）. */
const LEVELS: { re: RegExp; name: string; format: (n: number) => string }[] = [
  {
    re: new RegExp(`^[\\s\\u3000]*(${CN})[、.．](?!\\d)`),
    name: '一、',
    format: (n) => `${cn(n)}、`,
  },
  {
    re: new RegExp(`^[\\s\\u3000]*[（(](${CN})[）)]`),
    name: '（一）',
    format: (n) => `（${cn(n)}）`,
  },
  { re: /^[\s\u3000]*(\d{1,2})(?:[.．](?!\d)|、)/, name: '1.', format: (n) => `${n}.` },
  { re: /^[\s\u3000]*[（(](\d{1,2})[）)]/, name: '（1）', format: (n) => `（${n}）` },
];
const ENUM = scanPattern(new RegExp(`(${CN})(是|要|则|抓)(?=[${HAN}“])`, 'g'));
const ENUM_BEFORE = charTable(' \t\u3000。；;，,：:！？\n');
const HEADING_START = charTable('一二三四五六七八九十（(0123456789 \t\u3000');

function cn(n: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n] ?? '';
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : (d[tens] ?? '')}十${d[n % 10] ?? ''}`;
}

/** What the walk through the document remembers: next number per level, the last level, the series. */
interface NumberingState {
  expected: number[];
  lastLevel: number;
  series: { n: number; suffix: string } | null;
}

/** Heading sequence and level order; enumerator series (一是…二是…三是). */
export function checkNumbering(ctx: RuleContext): void {
  const { lines } = ctx;
  const state: NumberingState = { expected: [1, 1, 1, 1], lastLevel: -1, series: null };
  const titleLine = lines.find((l) => l.text.trim().length > 0)?.index ?? -1;
  // Enumerators found in one pass over the text, consumed line by line.
  const enums = ctx.index
    .matchAll(ENUM)
    .filter((e) => e.index === 0 || ENUM_BEFORE[ctx.text.charCodeAt(e.index - 1)] === 1);
  let ei = 0;
  for (const line of lines) {
    const t = line.text;
    if (line.index !== titleLine && t.length > 0 && HEADING_START[t.charCodeAt(0)] === 1) {
      checkHeading(ctx, state, line);
    }
    const lineEnd = line.start + t.length;
    while (ei < enums.length && (enums[ei] as RegExpExecArray).index < line.start) ei++;
    for (; ei < enums.length && (enums[ei] as RegExpExecArray).index < lineEnd; ei++) {
      checkEnumerator(ctx, state, enums[ei] as RegExpExecArray);
    }
  }
}

/** A heading's number against the expected one at its level. */
function checkHeading(ctx: RuleContext, state: NumberingState, line: Line): void {
  let level = -1;
  let m: RegExpExecArray | null = null;
  for (let l = 0; l < LEVELS.length && !m; l++) {
    m = (LEVELS[l] as { re: RegExp }).re.exec(line.text);
    level = l;
  }
  if (!m) return;
  const { expected } = state;
  const spec = LEVELS[level] as (typeof LEVELS)[number];
  const raw = m[1] as string;
  const n = parseChineseNumber(raw);
  const at = line.start + m.index + m[0].indexOf(raw);
  const want = expected[level] as number;
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
}

/** An enumerator (二是) against the series it continues. */
function checkEnumerator(ctx: RuleContext, state: NumberingState, e: RegExpExecArray): void {
  const word = e[1] as string;
  const suffix = e[2] as string;
  const n = parseChineseNumber(word);
  if (n === 1) {
    state.series = { n: 1, suffix };
    return;
  }
  const { series } = state;
  if (!series || Number.isNaN(n)) return;
  const at = e.index;
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
  state.series = { n: Number.isNaN(n) ? series.n + 1 : n, suffix: series.suffix };
}
