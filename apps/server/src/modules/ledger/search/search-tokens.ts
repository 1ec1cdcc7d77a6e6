// Chinese full-text search without a Chinese tokenizer in the database: the application turns
// text into space-separated tokens — overlapping CJK bigrams (a lone CJK character stays a
// unigram) and lower-case Latin/digit words — which both SQLite FTS5 (unicode61) and
// PostgreSQL `to_tsvector('simple', …)` split on spaces unchanged. A query is tokenized the
// same way and every token must match, so a two-character query such as 党课 is exactly one
// bigram and finds "书记讲党课" but not "党的课程". Word segmentation (jieba) is deliberately not
// used: bigrams already match every substring, and segmentation would lose recall when a
// query is cut differently from the text.

const HAN = /\p{Script=Han}/u;
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

export interface SearchToken {
  text: string;
  /** A single CJK character in a query: matches any token that starts with it. */
  prefix: boolean;
}

function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function hanTokens(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

function latinTokens(run: string): string[] {
  // Only [a-z0-9] survives unchanged through both databases' parsers.
  return run.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

/** The tokens of a text, in order. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const match of normalize(text).matchAll(RUN)) {
    if (match[1]) out.push(...hanTokens(match[1]));
    else if (match[2]) out.push(...latinTokens(match[2]));
  }
  return out;
}

/** The indexed text of several fields: tokens of each, space-separated. */
export function searchText(fields: readonly string[]): string {
  return fields
    .map((f) => tokenize(f).join(' '))
    .filter((s) => s.length > 0)
    .join(' ');
}

/** The tokens a query must all match; empty when the query has nothing searchable. */
export function queryTokens(query: string): SearchToken[] {
  const seen = new Set<string>();
  const out: SearchToken[] = [];
  for (const match of normalize(query).matchAll(RUN)) {
    const run = match[1] ?? match[2] ?? '';
    const isHan = Boolean(match[1]);
    const tokens = isHan ? hanTokens(run) : latinTokens(run);
    for (const text of tokens) {
      const prefix = isHan && [...text].length === 1 && HAN.test(text);
      const key = `${text}${prefix ? '*' : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ text, prefix });
    }
  }
  return out.slice(0, 32);
}
