import { HAN } from '../text/text-index';
import { scanPattern } from '../text/pattern-scan';
import type { Line } from '../text/text-index';
import { checkBrackets, checkQuotes } from './punctuation-pairs';
import { checkSeries, seriesLines } from './punctuation-series';
import type { RuleContext } from './rule-context';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
const CJK_CONTEXT = new RegExp(`[${HAN}\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20“”‘’]`);
const HAN_RE = new RegExp(`[${HAN}]`);
const HALF_MARK = scanPattern(/[,;:?!]/g);
const HALF_PAREN = scanPattern(/\(([^()\n]{0,200})\)/g);
const HALF_PERIOD = scanPattern(new RegExp(`\\.(?!\\.)(?=$|[${HAN}“”])`, 'gm'));
const CN = '[一二三四五六七八九十]+';
const ORDINAL_LINE = scanPattern(/^([\s\u3000]*)(\d{1,2})、/gm);
const ORDINAL_INLINE = scanPattern(new RegExp(`[：:；;。](\\d{1,2})、(?=[${HAN}])`, 'g'));
// Not a citation of items (第（一）、（二）项).
const PAREN_ORDINAL = scanPattern(new RegExp(`(?<!第)（(?:${CN}|\\d{1,2})）[、.．，]`, 'g'));
const CN_DOT = scanPattern(new RegExp(`^([\\s\\u3000]*)(${CN})[.．，,](?=[${HAN}])`, 'gm'));

// Marks the shared pattern scan finds: quotes and brackets (their lines need the pairing
// checks), doubled punctuation (the same mark repeated, else a run of mixed marks; spelt out
// without a back-reference so that the scan knows a match needs two marks), and wrongly
// written ellipses.
const BRACKETISH = scanPattern(/[“”‘’（）()《》〈〉【】［］[\]＜＞<>"]/g);
const DOUBLED = scanPattern(/，{2,}|。{2,}|、{2,}|；{2,}|：{2,}|[，、；：。]{2,}/g);
const ELLIPSIS = scanPattern(/\.{3,}|。{3,}|…+/g);

/** Indices of the lines holding a quote or bracket, ascending. */
function bracketLines(ctx: RuleContext): number[] {
  const out: number[] = [];
  let lineEnd = -1;
  for (const m of ctx.index.matchAll(BRACKETISH)) {
    if (m.index <= lineEnd) continue;
    const li = ctx.index.lineAt(m.index);
    const line = ctx.lines[li] as Line;
    lineEnd = line.start + line.text.length;
    out.push(li);
  }
  return out;
}

/** GB/T 15834-2011 checks: half-width marks, quotes and brackets, book titles, ordinals, ellipsis. */
export function checkPunctuation(ctx: RuleContext): void {
  // One function per check: each stays small for the optimizing compiler (and the order of the
  // calls is the order findings are reported in).
  halfWidthMarks(ctx);
  halfWidthParens(ctx);
  const cnDots = ctx.index.matchAll(CN_DOT);
  halfWidthPeriods(ctx, cnDots);
  doubledMarks(ctx);
  ellipses(ctx);
  ordinals(ctx, cnDots);
  // Only lines holding quotes/brackets, or a 、 next to a ， , need the per-line passes.
  const { lines } = ctx;
  for (const li of bracketLines(ctx)) {
    const line = lines[li] as Line;
    checkQuotes(ctx, line);
    checkBrackets(ctx, line);
  }
  const seriesFlagged = new Set<number>();
  for (const li of seriesLines(ctx)) checkSeries(ctx, lines[li] as Line, seriesFlagged);
}

/** , ; : ? ! next to Chinese text. */
function halfWidthMarks(ctx: RuleContext): void {
  const { text } = ctx;
  for (const m of ctx.index.matchAll(HALF_MARK)) {
    const i = m.index;
    const prev = text[i - 1] ?? '';
    const next = text[i + 1] ?? '';
    if (!CJK_CONTEXT.test(prev) && !CJK_CONTEXT.test(next)) continue;
    if (m[0] === ':' && /\d/.test(prev) && /\d/.test(next)) continue;
    const full = FULL[m[0]] as string;
    ctx.findings.add(
      'punctuation',
      'punctuation/half-width',
      'warning',
      i,
      1,
      `中文语句中应使用全角标点“${full}”`,
      full,
    );
  }
}

/** ( ) around or next to Chinese text. */
function halfWidthParens(ctx: RuleContext): void {
  for (const m of ctx.index.matchAll(HALF_PAREN)) {
    const i = m.index;
    if (!HAN_RE.test(m[1] as string) && !HAN_RE.test(ctx.text[i - 1] ?? '')) continue;
    const close = i + m[0].length - 1;
    ctx.findings.add(
      'punctuation',
      'punctuation/half-width',
      'warning',
      i,
      1,
      '中文语句中应使用全角括号“（”',
      '（',
    );
    ctx.findings.add(
      'punctuation',
      'punctuation/half-width',
      'warning',
      close,
      1,
      '中文语句中应使用全角括号“）”',
      '）',
    );
  }
}

/** A . ending a Chinese sentence (not the dot of a 一. ordinal, reported as such). */
function halfWidthPeriods(ctx: RuleContext, cnDots: readonly RegExpExecArray[]): void {
  const ordinalDots = new Set<number>();
  for (const m of cnDots) ordinalDots.add(m.index + m[0].length - 1);
  for (const m of ctx.index.matchAll(HALF_PERIOD)) {
    if (ordinalDots.has(m.index) || !HAN_RE.test(ctx.text[m.index - 1] ?? '')) continue;
    ctx.findings.add(
      'punctuation',
      'punctuation/half-width',
      'warning',
      m.index,
      1,
      '中文句末应使用句号“。”',
      '。',
    );
  }
}

function doubledMarks(ctx: RuleContext): void {
  for (const m of ctx.index.matchAll(DOUBLED)) {
    const run = m[0];
    let same = true;
    for (let j = 1; j < run.length; j++) if (run.charCodeAt(j) !== run.charCodeAt(0)) same = false;
    ctx.findings.add(
      'punctuation',
      'punctuation/doubled',
      'warning',
      m.index,
      run.length,
      `标点重复“${run}”`,
      same ? (run[0] as string) : undefined,
    );
  }
}

function ellipses(ctx: RuleContext): void {
  for (const m of ctx.index.matchAll(ELLIPSIS)) {
    const run = m[0];
    if (run === '……' || run === '…………') continue;
    ctx.findings.add(
      'punctuation',
      'punctuation/ellipsis',
      'warning',
      m.index,
      run.length,
      '省略号应为“……”（两个三连点）',
      '……',
    );
  }
}

/** 1、 → 1.   （一）、 → （一）   一. → 一、 */
function ordinals(ctx: RuleContext, cnDots: readonly RegExpExecArray[]): void {
  const { index } = ctx;
  for (const m of index.matchAll(ORDINAL_LINE)) {
    const at = m.index + (m[1] as string).length;
    const n = m[2] as string;
    ctx.findings.add(
      'punctuation',
      'punctuation/ordinal',
      'warning',
      at,
      n.length + 1,
      `阿拉伯数字序号后应用下脚点“${n}.”，不用顿号`,
      `${n}.`,
    );
  }
  for (const m of index.matchAll(ORDINAL_INLINE)) {
    const n = m[1] as string;
    ctx.findings.add(
      'punctuation',
      'punctuation/ordinal',
      'warning',
      m.index + 1,
      n.length + 1,
      `阿拉伯数字序号后应用下脚点“${n}.”，不用顿号`,
      `${n}.`,
    );
  }
  for (const m of index.matchAll(PAREN_ORDINAL)) {
    const fixed = m[0].slice(0, -1);
    ctx.findings.add(
      'punctuation',
      'punctuation/ordinal',
      'warning',
      m.index,
      m[0].length,
      `带括号的序号后不再加标点，应为“${fixed}”`,
      fixed,
    );
  }
  for (const m of cnDots) {
    const at = m.index + (m[1] as string).length;
    const n = m[2] as string;
    ctx.findings.add(
      'punctuation',
      'punctuation/ordinal',
      'warning',
      at,
      n.length + 1,
      `汉字数字序号后应用顿号“${n}、”`,
      `${n}、`,
    );
  }
}
