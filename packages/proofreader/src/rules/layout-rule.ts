import { HAN, hasText } from '../text/text-index';
import { scanPattern } from '../text/pattern-scan';
import type { RuleContext } from './rule-context';
import { PHRASE_TITLE } from './title-shape';

const SPACE_RUN = scanPattern(/[ \u3000\t]+/g);
// Characters on both sides of a space that make it stray (Han and Chinese punctuation).
const STRAY_LEFT = new RegExp(`[${HAN}，。、；：？！”’）》]`);
const STRAY_RIGHT = new RegExp(`[${HAN}，。、；：？！“‘（《]`);
const FULL_WIDTH = scanPattern(/[０-９Ａ-Ｗａ-ｗＹＺｙｚ]+/g);
const TRAILING = scanPattern(/[ \u3000\t]+$/gm);
const LEADING_HALF = scanPattern(/^[ \t]+(?=\S)/gm);
const HEADING =
  /^[\s\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、]|【[^】\n]+】)/;
const DATE_ONLY = /^[\s\u3000]*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年.*日[\s\u3000]*$/;
const ENDS_OPEN = new RegExp(`[${HAN}，、“（《]$`);
const DANGLING = /[的和与及对在把将了是为从向以并等]$/;
const STARTS_TEXT = new RegExp(`^[${HAN}，。、；：”）》]`);
const HAN_ONE = new RegExp(`^[${HAN}]$`);
/** Lines that end without a mark by form: 出席：…, 主持人：… in 纪要, and ——subtitles. */
const FIELD_OR_SUBTITLE = new RegExp(`^[\\s\\u3000]*(?:[${HAN}]{2,4}[：:]|——)`);
/** A row of a table written out as lines: 第一网格（1—6号楼）：网格员王芳，每日巡查2次. */
const LABEL_ROW = /^[\s\u3000]*[^，。；：:,;\n]{1,16}[：:]/;

/** Hard breaks inside sentences, stray spaces, full-width digits/letters, edge spaces. */
export function checkLayout(ctx: RuleContext): void {
  // One function per check, each small for the optimizing compiler; called in report order.
  spaces(ctx);
  hardBreaks(ctx);
}

function spaces(ctx: RuleContext): void {
  const { text, index, lines } = ctx;
  // A title of phrases is set with full-width spaces between them (铭记历史\u3000开创未来).
  const first = lines.find((l) => hasText(l.text));
  const title = first && PHRASE_TITLE.test(first.text.trim()) ? first : null;
  const titleEnd = title ? title.start + title.text.length : -1;
  for (const m of index.matchAll(SPACE_RUN)) {
    if (
      !STRAY_LEFT.test(text[m.index - 1] ?? '') ||
      !STRAY_RIGHT.test(text[m.index + m[0].length] ?? '')
    ) {
      continue;
    }
    // The exceptions, tried only for spaces that look stray.
    if (title && m.index >= title.start && m.index < titleEnd) continue;
    if (m[0] === '\u3000' && (padsName(text, m.index) || bylineSpace(text, m.index))) continue;
    if (insidePhraseName(text, m.index)) continue;
    ctx.findings.add(
      'layout',
      'layout/stray-space',
      'warning',
      m.index,
      m[0].length,
      '汉字之间多余的空格',
      '',
    );
  }
  for (const m of index.matchAll(FULL_WIDTH)) {
    const half = [...m[0]]
      .map((c) => String.fromCharCode((c.codePointAt(0) as number) - 0xfee0))
      .join('');
    ctx.findings.add(
      'layout',
      'layout/full-width-alnum',
      'warning',
      m.index,
      m[0].length,
      `全角字符“${m[0]}”应为半角“${half}”`,
      half,
    );
  }
  for (const m of index.matchAll(TRAILING)) {
    ctx.findings.add(
      'layout',
      'layout/trailing-space',
      'info',
      m.index,
      m[0].length,
      '行尾多余的空格',
      '',
    );
  }
  for (const m of index.matchAll(LEADING_HALF)) {
    ctx.findings.add(
      'layout',
      'layout/leading-space',
      'info',
      m.index,
      m[0].length,
      '行首使用了半角空格或制表符；首行缩进应由排版设置（或两个全角空格）完成',
      '',
    );
  }
}

const NAME_EDGE = /[：:、，,；;\s]/;

/**
 * A full-width space padding a two-character name to the width of three in a list of names
 * (代表：王\u3000芳、李\u3000明、张建国): one Han character on each side, list marks around them.
 */
function padsName(text: string, at: number): boolean {
  const before = text[at - 2];
  const after = text[at + 2];
  return (
    HAN_ONE.test(text[at - 1] ?? '') &&
    HAN_ONE.test(text[at + 1] ?? '') &&
    (before === undefined || NAME_EDGE.test(before)) &&
    (after === undefined || NAME_EDGE.test(after) || after === '。')
  );
}

// A byline sets a post or unit and a name apart with a full-width space: 宣传部部长\u3000周立群,
// （记者\u3000宋晓琳\u3000通讯员\u3000马俊）.
const ROLE_END = /(?:长|记|任|者|员|处|科|部|局|委|办|组|队|站|所|院|馆|心|司|厅|会|室|社|团)$/;
const NAME_AFTER = new RegExp(`^[${HAN}]{2,4}(?:$|[）)\\u3000，、；\\n])`);

/** The last `a` or `b` at most `reach` units before `at`, or -1 (a bounded look-back). */
function lastOpener(text: string, at: number, a: string, b: string, reach: number): number {
  for (let i = at - 1; i >= 0 && i >= at - reach; i--) {
    if (text[i] === a || text[i] === b) return i;
  }
  return -1;
}

const NEWS_BYLINE = /^[（(](?:见习)?(?:记者|通讯员|摄影|作者)/;

function bylineSpace(text: string, at: number): boolean {
  const role = ROLE_END.test(text.slice(Math.max(0, at - 2), at));
  if (role && NAME_AFTER.test(text.slice(at + 1, at + 6))) return true;
  // Inside a news byline: （记者\u3000宋晓琳\u3000通讯员\u3000马俊）.
  const open = lastOpener(text, at, '（', '(', 24);
  if (open < 0) return false;
  const inside = text.slice(open, at);
  return NEWS_BYLINE.test(inside) && !/[）)\n]/.test(inside);
}

/** A space inside a quoted name of phrases (“百年风华\u3000青川印记”, 《…》). */
function insidePhraseName(text: string, at: number): boolean {
  const open = lastOpener(text, at, '“', '《', 30);
  if (open < 0) return false;
  const closer = text[open] === '“' ? '”' : '》';
  const close = text.indexOf(closer, at);
  if (close < 0 || close - at > 30) return false;
  const name = text.slice(open + 1, close);
  // Names of short phrases (4 + 4 characters is the usual shape), not quoted sentences.
  const short = name.split(/\u3000+/).every((phrase) => phrase.length <= 8);
  return short && !name.includes('\n') && PHRASE_TITLE.test(name);
}

/** Lines broken in the middle of a sentence. */
function hardBreaks(ctx: RuleContext): void {
  const { lines } = ctx;
  const firstText = lines.findIndex((l) => hasText(l.text));
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] as (typeof lines)[number];
    const next = lines[i + 1] as (typeof lines)[number];
    const t = line.text.trimEnd();
    const nt = next.text.trimStart();
    if (t.length === 0 || nt.length === 0 || i === firstText) continue;
    if (!ENDS_OPEN.test(t) || !STARTS_TEXT.test(nt)) continue;
    if (HEADING.test(nt) || DATE_ONLY.test(nt)) continue;
    const endsWithComma = /[，、“（《]$/.test(t) || DANGLING.test(t);
    // A heading or a short line (signature, topic line) ending without punctuation is fine.
    if (!endsWithComma && (HEADING.test(t) || t.trim().length < 20 || FIELD_OR_SUBTITLE.test(t))) {
      continue;
    }
    // Rows of a table: label lines one after another, or after a lead-in line (如下：).
    if (!endsWithComma && LABEL_ROW.test(t)) {
      const prev = i > 0 ? (lines[i - 1] as (typeof lines)[number]).text.trim() : '';
      if (LABEL_ROW.test(nt) || LABEL_ROW.test(prev) || /[：:]$/.test(prev)) continue;
    }
    let a = t.length;
    while (a > 0 && !/[。；！？，、：]/.test(t[a - 1] as string) && t.length - a < 10) a--;
    if (/[，、“（《]$/.test(t)) a = t.length - 1;
    ctx.findings.add(
      'layout',
      'layout/hard-break',
      'warning',
      line.start + a,
      t.length - a,
      '句子中间被硬换行打断，应与下一行合并为一段',
    );
  }
}
