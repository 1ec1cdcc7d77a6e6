// Sets of UTF-16 code units for the regex analysis (regex-prefix.ts) and the pattern tables.

/** A set of UTF-16 code units as a 65,536-bit bitset. */
export type CharSet = Uint32Array;

/** An empty set. */
export const newSet = (): CharSet => new Uint32Array(2048);

/** Whether `c` is in `set`. */
export function hasChar(set: CharSet, c: number): boolean {
  return ((set[c >>> 5] as number) & (1 << (c & 31))) !== 0;
}

/** Adds the units lo..hi (inclusive). */
export function addRange(set: CharSet, lo: number, hi: number): void {
  for (let c = lo; c <= hi; c++) set[c >>> 5]! |= 1 << (c & 31);
}

/** A new set holding the units of both. */
export function union(a: CharSet, b: CharSet): CharSet {
  const out = newSet();
  for (let k = 0; k < 2048; k++) out[k] = (a[k] as number) | (b[k] as number);
  return out;
}

/** A new set holding the units not in `a`. */
export function complement(a: CharSet): CharSet {
  const out = newSet();
  for (let k = 0; k < 2048; k++) out[k] = ~(a[k] as number);
  return out;
}

export const EMPTY = newSet();

/** A set of inclusive ranges. */
export function ranges(list: readonly [number, number][]): CharSet {
  const s = newSet();
  for (const [lo, hi] of list) addRange(s, lo, hi);
  return s;
}

/** \d */
export const DIGIT = ranges([[0x30, 0x39]]);
/** \w */
export const WORD = ranges([
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
]);
/** \s: ECMAScript WhiteSpace and LineTerminator. */
export const SPACE = ranges([
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);
export const LINE_TERMINATOR = ranges([
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
]);
/** `.` without the s flag. */
export const DOT = complement(LINE_TERMINATOR);
