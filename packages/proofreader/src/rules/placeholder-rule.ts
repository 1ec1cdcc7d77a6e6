import { HAN } from '../text/text-index';
import { scanPattern } from '../text/pattern-scan';
import type { RuleContext } from './rule-context';

// Runs of X/x/Ｘ/ｘ/× not part of a Latin word (XML, Xbox) — `XX党委`, `XXX同志`, `XX余次`.
const X_RUN = scanPattern(/(?<![A-Za-zＡ-Ｚａ-ｚ])[XxＸｘ×]{2,}(?![A-Za-zＡ-Ｚａ-ｚ])/g);
// A single X standing for a number or name next to Chinese text: `X月X日`, `X次`, `赴X村`;
// not after + (`1+X证书`).
const X_SINGLE = scanPattern(
  /(?<![A-Za-zＡ-Ｚａ-ｚ0-9XxＸｘ×_+＋])[XxＸｘ](?![A-Za-zＡ-Ｚａ-ｚ0-9XxＸｘ×_])/g,
);
const HAN_OR_PERCENT = new RegExp(`[${HAN}%％]`);
const HAN_CHAR = new RegExp(`[${HAN}]`);
// Words where a single X is legitimate.
const X_WORDS = /^(?:光|射线|线|轴|型|染色体|战警|因素|形腿|片)/;
const MOU = scanPattern(
  /某某|某(?:局|处|科|单位|部门|同志|镇|乡|村|县|市|区(?!域)|公司|街道|社区|支部|党委|党支部|年|月|日)/g,
);
const SLOT = scanPattern(
  /【[^】\n]{0,30}】|\{\{?[^{}\n]{0,30}\}?\}|｛[^｝\n]{0,30}｝|_{3,}|＿{3,}/g,
);
const SLOT_WORDS =
  /单位|名称|姓名|时间|日期|填写|此处|数字|数量|内容|地点|人数|次数|年份|标题|XX|xx/;
/** Fill-in cues that make even a 【…】 label at a line start a slot. */
const FILL_IN = /填写|此处|XX|xx|××|单位名称|姓名/;

/** Whether only spaces stand between the line's start and `at`. */
function opensLine(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t' && c !== '\u3000') return false;
  }
  return true;
}

/** Unfilled template slots: XX runs, X月X日, 某某/某局 stand-ins, 【…】/{…} slots, blanks. */
export function checkPlaceholders(ctx: RuleContext): void {
  const { text, index } = ctx;
  for (const m of index.matchAll(X_RUN)) {
    ctx.findings.add(
      'placeholder',
      'placeholder/x-run',
      'error',
      m.index,
      m[0].length,
      `未填写的占位符“${m[0]}”，请替换为实际内容`,
    );
  }
  for (const m of index.matchAll(X_SINGLE)) {
    const after = text.slice(m.index + 1, m.index + 4);
    const next = text[m.index + 1] ?? '';
    const prev = m.index > 0 ? (text[m.index - 1] as string) : '';
    if (!HAN_OR_PERCENT.test(next) && !HAN_CHAR.test(prev)) continue;
    if (X_WORDS.test(after)) continue;
    ctx.findings.add(
      'placeholder',
      'placeholder/x-single',
      'error',
      m.index,
      1,
      `未填写的占位符“${m[0]}”（如X月X日、X次），请替换为实际数字或名称`,
    );
  }
  for (const m of index.matchAll(MOU)) {
    ctx.findings.add(
      'placeholder',
      'placeholder/mou',
      'error',
      m.index,
      m[0].length,
      `“${m[0]}”是模板中的代称，请替换为实际名称`,
    );
  }
  for (const m of index.matchAll(SLOT)) {
    const s = m[0];
    // 【工作动态】 opening a line is a column heading in a 简报 or 通知, not a slot.
    if (s.startsWith('【') && opensLine(text, m.index) && !FILL_IN.test(s)) continue;
    const blank = s.startsWith('_') || s.startsWith('＿');
    const sure = blank || s.startsWith('{') || s.startsWith('｛') || SLOT_WORDS.test(s);
    ctx.findings.add(
      'placeholder',
      blank ? 'placeholder/blank' : 'placeholder/slot',
      sure ? 'error' : 'warning',
      m.index,
      s.length,
      blank ? '未填写的空白横线' : `模板填写位“${s}”未替换`,
    );
  }
}
