import { parseChineseNumber } from '../date/chinese-numerals';
import type { Finding } from '../types';
import { charTable, HAN } from '../text/text-index';
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
const ENUM = new RegExp(`(${CN})(是|要|则|抓)(?=[${HAN}“])`, 'g');
const ENUM_BEFORE = charTable(' \t\u3000。；;，,：:！？\n');
const HEADING_START = charTable('一二三四五六七八九十（(0123456789 \t\u3000');

function cn(n: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n] ?? '';
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : (d[tens] ?? '')}十${d[n % 10] ?? ''}`;
}

/** Heading sequence and level order; enumerator series (一是…二是…三是). */
export function checkNumbering(ctx: RuleContext): Finding[] {
  const { index, lines } = ctx;
  const out: Finding[] = [];
  const expected = [1, 1, 1, 1];
  let lastLevel = -1;
  let series: { n: number; suffix: string } | null = null;
  const titleLine = lines.find((l) => l.text.trim().length > 0)?.index ?? -1;
  // Enumerators found in one pass over the text, consumed line by line.
  const enums = [...ctx.text.matchAll(ENUM)].filter(
    (e) => e.index === 0 || ENUM_BEFORE[ctx.text.charCodeAt(e.index - 1)] === 1,
  );
  let ei = 0;
  for (const line of lines) {
    const t = line.text;
    let level = -1;
    let m: RegExpExecArray | null = null;
    if (t.length > 0 && HEADING_START[t.charCodeAt(0)] === 1) {
      for (let l = 0; l < LEVELS.length; l++) {
        m = (LEVELS[l] as { re: RegExp }).re.exec(t);
        if (m) {
          level = l;
          break;
        }
      }
    }
    if (m && level >= 0 && line.index !== titleLine) {
      const spec = LEVELS[level] as (typeof LEVELS)[number];
      const raw = m[1] as string;
      const n = parseChineseNumber(raw);
      const at = line.start + m.index + m[0].indexOf(raw);
      const want = expected[level] as number;
      if (n !== want) {
        const what = n < want ? '重复' : '跳号';
        out.push(
          index.finding(
            'numbering',
            `numbering/${n < want ? 'repeated' : 'skipped'}`,
            'warning',
            at,
            raw.length,
            `${spec.name}级标题序号${what}：此处应为“${spec.format(want).replace(/[、.（）]/g, '')}”`,
            level === 2 || level === 3 ? String(want) : cn(want),
          ),
        );
      }
      if (n === 1 && lastLevel > level) {
        out.push(
          index.finding(
            'numbering',
            'numbering/level-order',
            'warning',
            at,
            raw.length,
            `标题层级顺序错误：“${spec.name}”级标题出现在下级标题之内，层级应为一、→（一）→1.→（1）`,
          ),
        );
      }
      expected[level] = Math.max(n, 0) + 1;
      for (let l = level + 1; l < expected.length; l++) expected[l] = 1;
      lastLevel = level;
      series = null;
    }
    const lineEnd = line.start + t.length;
    while (ei < enums.length && (enums[ei] as RegExpExecArray).index < line.start) ei++;
    for (; ei < enums.length && (enums[ei] as RegExpExecArray).index < lineEnd; ei++) {
      const e = enums[ei] as RegExpExecArray;
      const word = e[1] as string;
      const suffix = e[2] as string;
      const n = parseChineseNumber(word);
      if (n === 1) {
        series = { n: 1, suffix };
        continue;
      }
      if (!series || Number.isNaN(n)) continue;
      const at = e.index;
      if (n !== series.n + 1) {
        out.push(
          index.finding(
            'numbering',
            'numbering/enumeration-sequence',
            'warning',
            at,
            word.length,
            `列举序号不连续：此处应为“${cn(series.n + 1)}${series.suffix}”`,
            cn(series.n + 1),
          ),
        );
      } else if (suffix !== series.suffix) {
        out.push(
          index.finding(
            'numbering',
            'numbering/enumeration-form',
            'warning',
            at,
            word.length + suffix.length,
            `同一组列举应统一为“一${series.suffix}、二${series.suffix}……”的形式`,
            `${word}${series.suffix}`,
          ),
        );
      }
      series = { n: Number.isNaN(n) ? series.n + 1 : n, suffix: series.suffix };
    }
  }
  return out;
}
