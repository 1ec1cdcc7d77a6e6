import { scanPattern } from '../text/pattern-scan';
import { sentenceAround } from '../text/text-index';
import { phraseMatches } from './phrase-scan';
import type { RuleContext } from './rule-context';

export { scrambledVariants } from '../facts/phrase-keywords';

// A year followed directly by a period word, missing 年: 2020上半年 → 2020年上半年.
const MISSING_NIAN = scanPattern(
  /(?<![\d.])((?:19|20)\d\d)(?=上半年|下半年|全年|第[一二三四]季度)/g,
);

/** Curated misspellings, 截止/截至 misuse, and canonical phrases with characters out of order. */
export function checkTypos(ctx: RuleContext): void {
  const { text, index, facts } = ctx;
  const phrases = phraseMatches(ctx);
  const found = phrases.typo;
  // Scrambled phrases as [start, end, phrase], reported after the misspellings.
  const scrambles: [number, number, string][] = [];
  let scrambleEnd = -1;
  for (let k = 0; k < found.count; k++) {
    const id = found.ids[k] as number;
    const s = found.starts[k] as number;
    const e = found.ends[k] as number;
    const entry = facts.typos[id];
    if (!entry) {
      const phrase = phrases.variantOf[id - facts.typos.length] as string;
      // A rotation can be read across a real occurrence (…中国特色社会主义中…): skip those.
      const around = text.slice(Math.max(0, s - phrase.length), e + phrase.length);
      if (around.includes(phrase)) continue;
      // Matches arrive by end offset: a longer variant ending here supersedes shorter ones inside it.
      const last = scrambles[scrambles.length - 1];
      if (last && s < scrambleEnd) {
        if (e - s <= index.codePointLength(last[0], last[1])) continue;
        scrambles.pop();
      }
      scrambles.push([s, e, phrase]);
      scrambleEnd = e;
      continue;
    }
    if (entry.notBefore?.includes(text[s - 1] ?? '')) continue;
    if (entry.notAfter?.includes(text[e] ?? '')) continue;
    if (entry.unlessSentenceHas?.test(text.slice(e, sentenceAround(text, e)[1]))) continue;
    ctx.findings.add(
      'typo',
      'typo/misspelling',
      'error',
      s,
      e - s,
      `错别字：“${entry.wrong}”应为“${entry.right}”`,
      entry.right,
      entry.wrong,
    );
  }
  for (const [s, e, phrase] of scrambles) {
    ctx.findings.add(
      'typo',
      'typo/scrambled',
      'error',
      s,
      e - s,
      `字序颠倒：应为“${phrase}”`,
      phrase,
    );
  }
  for (const m of index.matchAll(MISSING_NIAN)) {
    const y = m[1] as string;
    ctx.findings.add(
      'typo',
      'typo/missing-nian',
      'error',
      m.index,
      y.length,
      `年份后缺少“年”字：应为“${y}年”`,
      `${y}年`,
    );
  }
  for (const m of index.matchAll(facts.jiezhi)) {
    ctx.findings.add(
      'typo',
      'typo/jiezhi',
      'error',
      m.index,
      m[0].length,
      '表示“到某一时间为止”应用“截至”；“截止”表示停止，不带时间宾语',
      '截至',
    );
  }
}
