import { HAN } from '../text/text-index';
import type { Line } from '../text/text-index';
import type { RuleContext } from './rule-context';

// Quote and bracket pairing for the punctuation rule (GB/T 15834-2011), one line at a time.

const CJK_CONTEXT = new RegExp(`[${HAN}\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20“”‘’]`);
const OPEN: Record<string, string> = {
  '（': '）',
  '(': ')',
  '《': '》',
  '〈': '〉',
  '【': '】',
  '［': '］',
  '[': ']',
};
const CLOSE: Record<string, string> = {
  '）': '（',
  ')': '(',
  '》': '《',
  '〉': '〈',
  '】': '【',
  '］': '［',
  ']': '[',
};

/** Whether the next line holding text starts (after its indent) with “. */
function nextParagraphOpensQuote(ctx: RuleContext, line: Line): boolean {
  for (let l = line.index + 1; l < ctx.lines.length; l++) {
    const t = (ctx.lines[l] as Line).text.replace(/^[\s\u3000]+/, '');
    if (t !== '') return t.startsWith('“');
  }
  return false;
}

/** Straight, reversed and unbalanced quotes. */
export function checkQuotes(ctx: RuleContext, line: Line): void {
  const t = line.text;
  let straight = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] !== '"') continue;
    const prev = t[i - 1] ?? '';
    const next = t[i + 1] ?? '';
    if (!CJK_CONTEXT.test(prev) && !CJK_CONTEXT.test(next)) continue;
    const full = straight % 2 === 0 ? '“' : '”';
    straight++;
    ctx.findings.add(
      'punctuation',
      'punctuation/straight-quote',
      'warning',
      line.start + i,
      1,
      `中文语句中应使用弯引号“${full}”`,
      full,
    );
  }
  for (const [open, close] of [
    ['“', '”'],
    ['‘', '’'],
  ] as const) {
    const stack: number[] = [];
    for (let i = 0; i < t.length; i++) {
      const ch = t[i];
      if (ch === open) {
        // “ while a “ is open: either nesting (should be ‘) or a reversed closing mark.
        if (stack.length > 0 && open === '“') {
          const prevOpen = stack.pop() as number;
          ctx.findings.add(
            'punctuation',
            'punctuation/quote',
            'warning',
            line.start + i,
            1,
            `引号方向错误或未闭合：与第${prevOpen + 1}列的“${open}”不配对`,
            close,
          );
          continue;
        }
        stack.push(i);
      } else if (ch === close) {
        if (stack.length === 0) {
          ctx.findings.add(
            'punctuation',
            'punctuation/quote',
            'warning',
            line.start + i,
            1,
            `引号“${close}”前缺少对应的“${open}”`,
          );
        } else stack.pop();
      }
    }
    // A quotation of several paragraphs opens each paragraph and closes only the last
    // (GB/T 15834-2011): a “ left open before a paragraph that starts with “ is not unclosed.
    if (open === '“' && stack.length === 1 && nextParagraphOpensQuote(ctx, line)) continue;
    for (const i of stack) {
      ctx.findings.add(
        'punctuation',
        'punctuation/quote',
        'warning',
        line.start + i,
        1,
        `引号“${open}”未闭合`,
      );
    }
  }
}

/** Unbalanced or mismatched brackets and wrongly nested book-title marks. */
export function checkBrackets(ctx: RuleContext, line: Line): void {
  const t = line.text;
  // Stack entries: [char, column, isBadInnerTitle]
  const stack: [string, number, boolean][] = [];
  const flag = (i: number, msg: string, suggestion?: string): void => {
    ctx.findings.add(
      'punctuation',
      'punctuation/bracket',
      'warning',
      line.start + i,
      1,
      msg,
      suggestion,
    );
  };
  const insideTitle = (): boolean => stack.some(([c]) => c === '《');
  for (let i = 0; i < t.length; i++) {
    const ch = t[i] as string;
    if (ch === '＜' || ch === '<') {
      if (insideTitle()) {
        flag(i, '书名号内的书名应使用单书名号“〈〉”', '〈');
        stack.push(['〈', i, false]);
      }
      continue;
    }
    if (ch === '＞' || ch === '>') {
      const top = stack[stack.length - 1];
      if (top && top[0] === '〈') {
        stack.pop();
        flag(i, '书名号内的书名应使用单书名号“〈〉”', '〉');
      }
      continue;
    }
    if (OPEN[ch] !== undefined) {
      if (ch === '《' && insideTitle()) {
        flag(i, '书名号内再用书名号时，内层应使用单书名号“〈”', '〈');
        stack.push([ch, i, true]);
        continue;
      }
      if (ch === '〈' && !insideTitle()) flag(i, '单书名号“〈〉”只用于双书名号之内', '《');
      stack.push([ch, i, false]);
      continue;
    }
    const want = CLOSE[ch];
    if (want === undefined) continue;
    const top = stack[stack.length - 1];
    if (top && top[0] === want) {
      stack.pop();
      if (top[2]) flag(i, '书名号内再用书名号时，内层应使用单书名号“〉”', '〉');
      continue;
    }
    // Mismatched pair such as （…) : find the opener of this kind deeper in the stack.
    if (top && OPEN[top[0]] !== undefined && isSameFamily(top[0], ch)) {
      stack.pop();
      flag(i, `括号不配对：与“${top[0]}”对应的应是“${OPEN[top[0]]}”`, OPEN[top[0]]);
      continue;
    }
    flag(i, `“${ch}”前缺少对应的“${want}”`);
  }
  for (const [ch, i] of stack) flag(i, `“${ch}”未闭合，缺少“${OPEN[ch] ?? ''}”`);
}

function isSameFamily(open: string, close: string): boolean {
  const round = '（()）';
  const square = '【[［]］】';
  return (
    (round.includes(open) && round.includes(close)) ||
    (square.includes(open) && square.includes(close))
  );
}
