import type { Finding } from '../types';
import { HAN } from '../text/text-index';
import type { Line } from '../text/text-index';
import { checkBrackets, checkQuotes } from './punctuation-pairs';
import { checkSeries, seriesLines } from './punctuation-series';
import type { RuleContext } from './rule-context';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
const CJK_CONTEXT = new RegExp(`[${HAN}\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20“”‘’]`);
const HAN_RE = new RegExp(`[${HAN}]`);
const HALF_MARK = /[,;:?!]/g;
const HALF_PAREN = /\(([^()\n]{0,200})\)/g;
const HALF_PERIOD = new RegExp(`\\.(?!\\.)(?=$|[${HAN}“”])`, 'gm');
const CN = '[一二三四五六七八九十]+';
const ORDINAL_LINE = /^([\s\u3000]*)(\d{1,2})、/gm;
const ORDINAL_INLINE = new RegExp(`[：:；;。](\\d{1,2})、(?=[${HAN}])`, 'g');
const PAREN_ORDINAL = new RegExp(`（(?:${CN}|\\d{1,2})）[、.．，]`, 'g');
const CN_DOT = new RegExp(`^([\\s\\u3000]*)(${CN})[.．，,](?=[${HAN}])`, 'gm');

// Character classes for the single pass over the text (bit flags).
const BRACKETISH = 1; // quotes and brackets: the line needs the pairing checks
const DOUBLE_MARK = 2; // ，。、；： (doubled punctuation)
const ELLIPSIS_MARK = 4; // . 。 … (ellipsis written wrongly)
const CLASS = new Uint8Array(65536);
for (const ch of '“”‘’（）()《》〈〉【】［］[]＜＞<>"') CLASS[ch.charCodeAt(0)]! |= BRACKETISH;
for (const ch of '，。、；：') CLASS[ch.charCodeAt(0)]! |= DOUBLE_MARK;
for (const ch of '.。…') CLASS[ch.charCodeAt(0)]! |= ELLIPSIS_MARK;
const ELLIPSIS_CHAR = 0x2026; // …

interface MarkScan {
  /** Lines holding a quote or bracket, ascending. */
  bracketLines: number[];
  /** [start, end) pairs of `([，。、；：])\1+|[，、；：。](?=[，、；：。])[，、；：。]*` matches. */
  doubled: number[];
  /** [start, end) pairs of `\.{3,}|。{3,}|…+` matches. */
  ellipses: number[];
}

/** One pass over the code units for the checks that look at punctuation marks only. */
function scanMarks(ctx: RuleContext): MarkScan {
  const { codes } = ctx.index;
  const n = ctx.text.length;
  const out: MarkScan = { bracketLines: [], doubled: [], ellipses: [] };
  let lineEnd = -1;
  // Ends of the last doubled / ellipsis match: matches of one pattern never overlap.
  let doubledEnd = 0;
  let ellipsisEnd = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i] as number;
    const cls = CLASS[c] as number;
    if (cls === 0) continue;
    if ((cls & BRACKETISH) !== 0 && i > lineEnd) {
      const li = ctx.index.lineAt(i);
      const line = ctx.lines[li] as Line;
      lineEnd = line.start + line.text.length;
      out.bracketLines.push(li);
    }
    if (
      (cls & DOUBLE_MARK) !== 0 &&
      i >= doubledEnd &&
      ((CLASS[codes[i + 1] as number] as number) & DOUBLE_MARK) !== 0
    ) {
      // The same mark repeated, else a run of mixed marks (the code units past the text are 0).
      let j = i + 1;
      if (codes[j] === c) while (codes[j] === c) j++;
      else while (((CLASS[codes[j] as number] as number) & DOUBLE_MARK) !== 0) j++;
      out.doubled.push(i, j);
      doubledEnd = j;
    }
    if ((cls & ELLIPSIS_MARK) !== 0 && i >= ellipsisEnd) {
      let j = i + 1;
      while (codes[j] === c) j++;
      if (c === ELLIPSIS_CHAR || j - i >= 3) out.ellipses.push(i, j);
      // No match starts inside a shorter run; a longer one is consumed whole.
      ellipsisEnd = j;
    }
  }
  return out;
}

/** GB/T 15834-2011 checks: half-width marks, quotes and brackets, book titles, ordinals, ellipsis. */
export function checkPunctuation(ctx: RuleContext): Finding[] {
  const { text, index, lines } = ctx;
  const out: Finding[] = [];
  const marks = scanMarks(ctx);
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
  const cnDots = [...text.matchAll(CN_DOT)];
  for (const m of cnDots) ordinalDots.add(m.index + m[0].length - 1);
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
  for (let k = 0; k < marks.doubled.length; k += 2) {
    const start = marks.doubled[k] as number;
    const end = marks.doubled[k + 1] as number;
    const run = text.slice(start, end);
    let same = true;
    for (let j = start + 1; j < end; j++)
      if (text.charCodeAt(j) !== text.charCodeAt(start)) same = false;
    out.push(
      index.finding(
        'punctuation',
        'punctuation/doubled',
        'warning',
        start,
        end - start,
        `标点重复“${run}”`,
        same ? (run[0] as string) : undefined,
      ),
    );
  }
  for (let k = 0; k < marks.ellipses.length; k += 2) {
    const start = marks.ellipses[k] as number;
    const end = marks.ellipses[k + 1] as number;
    if (end - start === 2 || end - start === 4) {
      const run = text.slice(start, end);
      if (run === '……' || run === '…………') continue;
    }
    out.push(
      index.finding(
        'punctuation',
        'punctuation/ellipsis',
        'warning',
        start,
        end - start,
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
  for (const m of cnDots) {
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
  for (const li of marks.bracketLines) {
    const line = lines[li] as Line;
    checkQuotes(ctx, line, out);
    checkBrackets(ctx, line, out);
  }
  const seriesFlagged = new Set<number>();
  for (const li of seriesLines(ctx)) checkSeries(ctx, lines[li] as Line, out, seriesFlagged);
  return out;
}
