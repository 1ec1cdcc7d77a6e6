// Light normalization of text that comes from the ledger or the user, so it sits well in
// generated prose. Nothing is reworded: whitespace, wrapping marks and half-width punctuation
// between Chinese characters only.

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const HALF_TO_FULL: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

/** Collapses whitespace and turns half-width punctuation next to Chinese into full-width. */
export function cleanText(text: string): string {
  let out = text.replace(/\s+/g, ' ').trim();
  out = out.replace(new RegExp(`([${CJK}])\\s+(?=[${CJK}])`, 'g'), '$1');
  out = out.replace(new RegExp(`(?<=[${CJK}）])([,;:?!])`, 'g'), (m) => HALF_TO_FULL[m] ?? m);
  out = out.replace(/\(([^()]*)\)/g, (whole, inner: string) =>
    new RegExp(`[${CJK}]`).test(inner) ? `（${inner}）` : whole,
  );
  return out;
}

/** Strips one pair of wrapping 《》 “” "" 「」 and a trailing full stop. */
export function unwrapTitle(text: string): string {
  let out = cleanText(text).replace(/[。.]$/, '');
  const pairs: [string, string][] = [
    ['《', '》'],
    ['“', '”'],
    ['"', '"'],
    ['「', '」'],
  ];
  for (const [open, close] of pairs) {
    if (out.startsWith(open) && out.endsWith(close) && out.length > 2) {
      out = out.slice(1, -1);
      break;
    }
  }
  return out;
}

/** `《title》` for a published piece. */
export function bookTitle(text: string): string {
  return `《${unwrapTitle(text)}》`;
}

/** `“text”` unless the text is already a complete 《…》 title. */
export function quoted(text: string): string {
  const clean = cleanText(text).replace(/[。.]$/, '');
  if (/^《[^《》]*》$/.test(clean)) return clean;
  return `“${unwrapTitle(clean)}”`;
}

/** A user-written point as one sentence: no leading ordinal, ends with a full stop. */
export function userSentence(text: string): string {
  let out = cleanText(text)
    .replace(
      /^([一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十\d]+[)）、.．]|\d+[、.．])[\s：:，,、]*/,
      '',
    )
    .trim();
  if (out === '') return '';
  if (!/[。！？；：]$/.test(out)) out += '。';
  return out.replace(/[；：]$/, '。');
}
