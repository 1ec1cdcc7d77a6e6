import type { Facts } from '../facts/facts';
import { DoubleArrayMatcher } from '../matcher/double-array-matcher';
import type { Finding } from '../types';
import type { RuleContext } from './rule-context';

interface TypoTables {
  /** Misspellings first, then scrambled variants of canonical phrases. */
  matcher: DoubleArrayMatcher;
  /** For ids ≥ typos.length: the canonical phrase the variant scrambles. */
  variantOf: string[];
}

const tablesCache = new WeakMap<Facts, TypoTables>();

/**
 * Scrambled variants of a phrase: two adjacent blocks of 1–4 characters swapped
 * (中国特色 → 特色中国, 意识形态 → 形态意识) and any two characters swapped (形识意态). They
 * join the misspelling automaton, so detecting them costs nothing extra per character of text.
 */
export function scrambledVariants(phrase: string): string[] {
  const chars = [...phrase];
  const n = chars.length;
  const out = new Set<string>();
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j <= Math.min(n - 1, i + 4); j++) {
      for (let k = j + 1; k <= Math.min(n, j + 4); k++) {
        out.add(
          [
            ...chars.slice(0, i),
            ...chars.slice(j, k),
            ...chars.slice(i, j),
            ...chars.slice(k),
          ].join(''),
        );
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (chars[i] === chars[j]) continue;
      const c = [...chars];
      [c[i], c[j]] = [c[j] as string, c[i] as string];
      out.add(c.join(''));
    }
  }
  out.delete(phrase);
  return [...out];
}

function tables(facts: Facts): TypoTables {
  const hit = tablesCache.get(facts);
  if (hit) return hit;
  const words = facts.typos.map((x) => x.wrong);
  const variantOf: string[] = [];
  const canonical = new Set(facts.scramble);
  for (const p of facts.scramble) {
    for (const v of scrambledVariants(p)) {
      if (canonical.has(v)) continue;
      words.push(v);
      variantOf.push(p);
    }
  }
  const t: TypoTables = { matcher: new DoubleArrayMatcher(words), variantOf };
  tablesCache.set(facts, t);
  return t;
}

// A year followed directly by a period word, missing 年: 2020上半年 → 2020年上半年.
const MISSING_NIAN = /(?<![\d.])((?:19|20)\d\d)(?=上半年|下半年|全年|年底|年初|第[一二三四]季度)/g;

/** Curated misspellings, 截止/截至 misuse, and canonical phrases with characters out of order. */
export function checkTypos(ctx: RuleContext): Finding[] {
  const { text, index, facts } = ctx;
  const out: Finding[] = [];
  const tb = tables(facts);
  const found = tb.matcher.scan(text);
  const scrambles: Finding[] = [];
  let scrambleEnd = -1;
  for (let k = 0; k < found.count; k++) {
    const id = found.ids[k] as number;
    const s = found.starts[k] as number;
    const e = found.ends[k] as number;
    const entry = facts.typos[id];
    if (!entry) {
      const phrase = tb.variantOf[id - facts.typos.length] as string;
      // A rotation can be read across a real occurrence (…中国特色社会主义中…): skip those.
      const around = text.slice(Math.max(0, s - phrase.length), e + phrase.length);
      if (around.includes(phrase)) continue;
      // Matches arrive by end offset: a longer variant ending here supersedes shorter ones inside it.
      const last = scrambles[scrambles.length - 1];
      if (last && s < scrambleEnd) {
        if (e - s <= last.length) continue;
        scrambles.pop();
      }
      scrambles.push(
        index.finding(
          'typo',
          'typo/scrambled',
          'error',
          s,
          e - s,
          `字序颠倒：应为“${phrase}”`,
          phrase,
        ),
      );
      scrambleEnd = e;
      continue;
    }
    if (entry.notBefore?.includes(text[s - 1] ?? '')) continue;
    if (entry.notAfter?.includes(text[e] ?? '')) continue;
    out.push(
      index.finding(
        'typo',
        'typo/misspelling',
        'error',
        s,
        e - s,
        `错别字：“${entry.wrong}”应为“${entry.right}”`,
        entry.right,
      ),
    );
  }
  for (const f of scrambles) out.push(f);
  for (const m of text.matchAll(MISSING_NIAN)) {
    const y = m[1] as string;
    out.push(
      index.finding(
        'typo',
        'typo/missing-nian',
        'error',
        m.index,
        y.length,
        `年份后缺少“年”字：应为“${y}年”`,
        `${y}年`,
      ),
    );
  }
  for (const m of text.matchAll(facts.jiezhi)) {
    out.push(
      index.finding(
        'typo',
        'typo/jiezhi',
        'error',
        m.index,
        m[0].length,
        '表示“到某一时间为止”应用“截至”；“截止”表示停止，不带时间宾语',
        '截至',
      ),
    );
  }
  return out;
}
