import { CLAUSE_MARKS } from './marks';
import { hasChar } from './char-set';
import type { CharSet } from './char-set';
import { startSets } from './regex-prefix';
import type { StartSets } from './regex-prefix';

// The registry of rule regexes for the shared pattern scan (see pattern-scan.ts), and the
// lookup tables the text index's pass uses to find where each of them can match.

/** A rule regex registered for the shared scan; search with `index.matchAll(pattern)`. */
export interface ScanPattern {
  readonly id: number;
  /** The regex as given (global). */
  readonly regex: RegExp;
  /** The same regex, sticky: tried at one offset. */
  readonly sticky: RegExp;
  /** Where its matches can start; null when the analysis gave up (searched in full). */
  readonly sets: StartSets | null;
}

const registry: ScanPattern[] = [];

/** Every registered pattern (for tests). */
export function registeredPatterns(): readonly ScanPattern[] {
  return registry;
}

/** Registers a global regex for the shared scan (once, at module load or with the facts). */
export function scanPattern(regex: RegExp): ScanPattern {
  if (!regex.global) throw new Error(`scanPattern needs a global regex: ${regex.source}`);
  const p: ScanPattern = {
    id: registry.length,
    regex,
    sticky: new RegExp(regex.source, regex.flags.replace('g', '') + 'y'),
    sets: startSets(regex),
  };
  registry.push(p);
  tables = null;
  return p;
}

/** Patterns the scan covers (two 32-bit masks); any further ones are searched in full. */
const MAX_PATTERNS = 64;

/**
 * Lookup tables over the registered patterns. Code units are grouped into classes that no
 * start set tells apart (most Han characters share one class), so the tables stay small.
 * Per class, two 32-bit words of pattern bits say which patterns accept a unit of the class
 * at offset 0, 1, 2 of a match (`at0`, `at1`, `at2`; line-start patterns in `lineAt0`) and
 * which may end a match after it at offset 0 or 1 (`last0`, `last1`).
 */
export interface Tables {
  /** Patterns covered by these tables. */
  size: number;
  classOf: Uint16Array;
  classCount: number;
  /**
   * Per class: bit 1 — some pattern may start with it (then see `pairBits`); bit 2 — it is a
   * line terminator (line-start patterns may follow); bit 4 — it is one of `CLAUSE_MARKS`.
   */
  rowFlags: Uint8Array;
  /** Words per row of `pairBits`. */
  rowWords: number;
  /** Bit (first, second) set when some pattern may start with units of these two classes. */
  pairBits: Int32Array;
  at0: Int32Array;
  lineAt0: Int32Array;
  at1: Int32Array;
  at2: Int32Array;
  last0: Int32Array;
  last1: Int32Array;
}

let tables: Tables | null = null;

const LINE_TERMINATORS = [0x0a, 0x0d, 0x2028, 0x2029];

/** Classes of code units: two units share a class when every given set has both or neither. */
function partition(sets: readonly CharSet[]): { classOf: Uint16Array; count: number } {
  const classOf = new Uint16Array(65536);
  let count = 1;
  for (const set of sets) {
    // Splitting by a set or by its complement gives the same partition: walk the smaller.
    let size = 0;
    for (let w = 0; w < 2048; w++) size += popcount(set[w] as number);
    const flip = size > 32768 ? -1 : 0;
    const remap = new Map<number, number>();
    for (let w = 0; w < 2048; w++) {
      let bits = ((set[w] as number) ^ flip) >>> 0;
      while (bits !== 0) {
        const c = w * 32 + 31 - Math.clz32(bits & -bits);
        bits &= bits - 1;
        const old = classOf[c] as number;
        let k = remap.get(old);
        if (k === undefined) {
          k = count++;
          remap.set(old, k);
        }
        classOf[c] = k;
      }
    }
  }
  if (count > 65535) throw new Error('too many character classes');
  return { classOf, count };
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) n++;
  return n;
}

function buildTables(): Tables {
  const covered = registry.slice(0, MAX_PATTERNS);
  const terminators = new Uint32Array(2048);
  for (const c of LINE_TERMINATORS) terminators[c >>> 5]! |= 1 << (c & 31);
  const marks = new Uint32Array(2048);
  for (const ch of CLAUSE_MARKS) marks[ch.charCodeAt(0) >>> 5]! |= 1 << (ch.charCodeAt(0) & 31);
  const sets: CharSet[] = [terminators, marks];
  for (const p of covered) if (p.sets) sets.push(...p.sets.at, ...p.sets.last);
  const { classOf, count } = partition(sets);
  // One representative unit per class answers every membership question for the class.
  const rep = new Int32Array(count).fill(-1);
  for (let c = 0; c < 65536; c++) {
    const k = classOf[c] as number;
    if (rep[k] === -1) rep[k] = c;
  }
  const masks = (): Int32Array => new Int32Array(count * 2);
  const t: Tables = {
    size: covered.length,
    classOf,
    classCount: count,
    rowFlags: new Uint8Array(count),
    rowWords: (count + 31) >> 5,
    pairBits: new Int32Array(count * ((count + 31) >> 5)),
    at0: masks(),
    lineAt0: masks(),
    at1: masks(),
    at2: masks(),
    last0: masks(),
    last1: masks(),
  };
  const mark = (table: Int32Array, set: CharSet | undefined, p: number): void => {
    for (let k = 0; k < count; k++) {
      if (set && hasChar(set, rep[k] as number)) table[2 * k + (p >> 5)]! |= 1 << (p & 31);
    }
  };
  for (const p of covered) {
    if (!p.sets) continue;
    const { at, last, lineStart } = p.sets;
    mark(lineStart ? t.lineAt0 : t.at0, at[0], p.id);
    mark(t.at1, at[1], p.id);
    mark(t.at2, at[2], p.id);
    mark(t.last0, last[0], p.id);
    mark(t.last1, last[1], p.id);
  }
  for (let k = 0; k < count; k++) {
    for (let k2 = 0; k2 < count; k2++) {
      for (let w = 0; w < 2; w++) {
        const start = t.at0[2 * k + w] as number;
        const more = (t.last0[2 * k + w] as number) | (t.at1[2 * k2 + w] as number);
        if ((start & more) === 0) continue;
        t.rowFlags[k]! |= 1;
        t.pairBits[k * t.rowWords + (k2 >> 5)]! |= 1 << (k2 & 31);
      }
    }
  }
  for (const c of LINE_TERMINATORS) t.rowFlags[classOf[c] as number]! |= 2;
  for (const ch of CLAUSE_MARKS) t.rowFlags[classOf[ch.charCodeAt(0)] as number]! |= 4;
  return t;
}

/** The tables for the registered patterns (built on first use after a registration). */
export function candidateTables(): Tables {
  tables ??= buildTables();
  return tables;
}
