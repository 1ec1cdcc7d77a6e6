import type { Finding } from '../types';
import { HAN } from '../text/text-index';
import type { Line } from '../text/text-index';
import { checkBrackets, checkQuotes } from './punctuation-pairs';
import { checkSeries } from './punctuation-series';
import type { RuleContext } from './rule-context';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
const CJK_CONTEXT = new RegExp(`[${HAN}\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20“”‘’]`);
const HAN_RE = new RegExp(`[${HAN}]`);
const HALF_MARK = /[,;:?!]/g;
const HALF_PAREN = /\(([^()\n]{0,200})\)/g;
const HALF_PERIOD = new RegExp(`\\.(?!\\.)(?=$|[${HAN}“”])`, 'gm');
const DOUBLED = /([，。、；：])\1+|[，、；：。](?=[，、；：。])[，、；：。]*/g;
const ELLIPSIS = /\.{3,}|。{3,}|…+/g;
const CN = '[一二三四五六七八九十]+';
const ORDINAL_LINE = /^([\s\u3000]*)(\d{1,2})、/gm;
const ORDINAL_INLINE = new RegExp(`[：:；;。](\\d{1,2})、(?=[${HAN}])`, 'g');
const PAREN_ORDINAL = new RegExp(`（(?:${CN}|\\d{1,2})）[、.．，]`, 'g');
const CN_DOT = new RegExp(`^([\\s\\u3000]*)(${CN})[.．，,](?=[${HAN}])`, 'gm');

const BRACKETISH = /[“”‘’（）()《》〈〉【】［］[\]＜＞<>"]/g;
const SERIES_HINT = new RegExp(`、[${HAN}]{2,6}，|，[${HAN}]{2,6}、`, 'g');

/** Indices of the lines containing a match of `re` (a global regex), ascending, distinct. */
function linesMatching(ctx: RuleContext, re: RegExp): number[] {
  const out: number[] = [];
  let lineEnd = -1;
  for (const m of ctx.text.matchAll(re)) {
    if (m.index <= lineEnd) continue;
    const li = ctx.index.lineAt(m.index);
    const line = ctx.lines[li] as Line;
    lineEnd = line.start + line.text.length;
    out.push(li);
  }
  return out;
}

/** GB/T 15834-2011 checks: half-width marks, quotes and brackets, book titles, ordinals, ellipsis. */
export function checkPunctuation(ctx: RuleContext): Finding[] {
  const { text, index, lines } = ctx;
  const out: Finding[] = [];
  for (const m of text.matchAll(HALF_MARK)) {
    const i = m.index;
    const prev = text[i - 1] ?? '';
    const next = text[i + 1] ?? '';
    if (!CJK_CONTEXT.test(prev) && !CJK_CONTEXT.test(next)) continue;
    if (m[0] === ':' && /\d/.test(prev) && /\d/.test(next)) continue;
    const full = FULL[m[0]] as string;
    out.push(
      index.finding(
        'punctuation',
        'punctuation/half-width',
        'warning',
        i,
        1,
        `中文语句中应使用全角标点“${full}”`,
        full,
      ),
    );
  }
  for (const m of text.matchAll(HALF_PAREN)) {
    const i = m.index;
    if (!HAN_RE.test(m[1] as string) && !HAN_RE.test(text[i - 1] ?? '')) continue;
    const close = i + m[0].length - 1;
    out.push(
      index.finding(
        'punctuation',
        'punctuation/half-width',
        'warning',
        i,
        1,
        '中文语句中应使用全角括号“（”',
        '（',
      ),
      index.finding(
        'punctuation',
        'punctuation/half-width',
        'warning',
        close,
        1,
        '中文语句中应使用全角括号“）”',
        '）',
      ),
    );
  }
  const ordinalDots = new Set<number>();
  for (const m of text.matchAll(CN_DOT)) ordinalDots.add(m.index + m[0].length - 1);
  for (const m of text.matchAll(HALF_PERIOD)) {
    if (ordinalDots.has(m.index) || !HAN_RE.test(text[m.index - 1] ?? '')) continue;
    out.push(
      index.finding(
        'punctuation',
        'punctuation/half-width',
        'warning',
        m.index,
        1,
        '中文句末应使用句号“。”',
        '。',
      ),
    );
  }
  for (const m of text.matchAll(DOUBLED)) {
    const same = new Set(m[0]).size === 1;
    out.push(
      index.finding(
        'punctuation',
        'punctuation/doubled',
        'warning',
        m.index,
        m[0].length,
        `标点重复“${m[0]}”`,
        same ? (m[0][0] as string) : undefined,
      ),
    );
  }
  for (const m of text.matchAll(ELLIPSIS)) {
    if (m[0] === '……' || m[0] === '…………') continue;
    out.push(
      index.finding(
        'punctuation',
        'punctuation/ellipsis',
        'warning',
        m.index,
        m[0].length,
        '省略号应为“……”（两个三连点）',
        '……',
      ),
    );
  }
  for (const m of text.matchAll(ORDINAL_LINE)) {
    const at = m.index + (m[1] as string).length;
    const n = m[2] as string;
    out.push(
      index.finding(
        'punctuation',
        'punctuation/ordinal',
        'warning',
        at,
        n.length + 1,
        `阿拉伯数字序号后应用下脚点“${n}.”，不用顿号`,
        `${n}.`,
      ),
    );
  }
  for (const m of text.matchAll(ORDINAL_INLINE)) {
    const n = m[1] as string;
    out.push(
      index.finding(
        'punctuation',
        'punctuation/ordinal',
        'warning',
        m.index + 1,
        n.length + 1,
        `阿拉伯数字序号后应用下脚点“${n}.”，不用顿号`,
        `${n}.`,
      ),
    );
  }
  for (const m of text.matchAll(PAREN_ORDINAL)) {
    const fixed = m[0].slice(0, -1);
    out.push(
      index.finding(
        'punctuation',
        'punctuation/ordinal',
        'warning',
        m.index,
        m[0].length,
        `带括号的序号后不再加标点，应为“${fixed}”`,
        fixed,
      ),
    );
  }
  for (const m of text.matchAll(CN_DOT)) {
    const at = m.index + (m[1] as string).length;
    const n = m[2] as string;
    out.push(
      index.finding(
        'punctuation',
        'punctuation/ordinal',
        'warning',
        at,
        n.length + 1,
        `汉字数字序号后应用顿号“${n}、”`,
        `${n}、`,
      ),
    );
  }
  // Only lines holding quotes/brackets, or a 、 next to a ， , need the per-line passes.
  for (const li of linesMatching(ctx, BRACKETISH)) {
    const line = lines[li] as Line;
    checkQuotes(ctx, line, out);
    checkBrackets(ctx, line, out);
  }
  const seriesFlagged = new Set<number>();
  for (const li of linesMatching(ctx, SERIES_HINT))
    checkSeries(ctx, lines[li] as Line, out, seriesFlagged);
  return out;
}
