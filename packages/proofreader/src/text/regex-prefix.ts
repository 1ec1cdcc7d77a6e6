// Which code units can start a match of a regular expression, and which can follow the first:
// lets the pattern scan try a regex only where a match can begin instead of at every offset.
// The analysis over-approximates (a superset of the real starts is always safe) and gives up
// (returns null) on syntax it does not model, so the caller falls back to a plain search.

import {
  addRange,
  complement,
  DIGIT,
  DOT,
  EMPTY,
  newSet,
  ranges,
  SPACE,
  union,
  WORD,
} from './char-set';
import type { CharSet } from './char-set';

export { hasChar } from './char-set';
export type { CharSet } from './char-set';

/** How many leading code units of a match the analysis looks at. */
export const DEPTH = 3;

/**
 * What a (sub)pattern can match, reduced to its first `DEPTH` code units. For j < DEPTH:
 * `length[j]` — it can match exactly j units; `at[j]` — units at offset j of matches longer
 * than j; `last[j]` — units at offset j of matches of exactly j + 1 units. `chars` — every
 * unit it can consume at all (for back-references).
 */
interface Prefix {
  length: boolean[];
  at: CharSet[];
  last: CharSet[];
  chars: CharSet;
}

const none = (): CharSet[] => Array.from({ length: DEPTH }, () => EMPTY);

const ZERO_WIDTH: Prefix = {
  length: Array.from({ length: DEPTH }, (_, j) => j === 0),
  at: none(),
  last: none(),
  chars: EMPTY,
};

function charPrefix(set: CharSet): Prefix {
  const at = none();
  const last = none();
  at[0] = set;
  last[0] = set;
  return { length: Array.from({ length: DEPTH }, (_, j) => j === 1), at, last, chars: set };
}

function alternative(a: Prefix, b: Prefix): Prefix {
  return {
    length: a.length.map((x, j) => x || (b.length[j] as boolean)),
    at: a.at.map((x, j) => union(x, b.at[j] as CharSet)),
    last: a.last.map((x, j) => union(x, b.last[j] as CharSet)),
    chars: union(a.chars, b.chars),
  };
}

function sequence(a: Prefix, b: Prefix): Prefix {
  const length: boolean[] = [];
  const at: CharSet[] = [];
  const last: CharSet[] = [];
  for (let j = 0; j < DEPTH; j++) {
    let len = false;
    let unitAt = a.at[j] as CharSet;
    let unitLast = b.length[0] ? (a.last[j] as CharSet) : EMPTY;
    // `a` matched exactly k ≤ j units: offset j falls in b's match, at offset j - k.
    for (let k = 0; k <= j; k++) {
      if (!a.length[k]) continue;
      if (b.length[j - k]) len = true;
      unitAt = union(unitAt, b.at[j - k] as CharSet);
      unitLast = union(unitLast, b.last[j - k] as CharSet);
    }
    length.push(len);
    at.push(unitAt);
    last.push(unitLast);
  }
  return { length, at, last, chars: union(a.chars, b.chars) };
}

const optional = (x: Prefix): Prefix => alternative(x, ZERO_WIDTH);

function repeat(x: Prefix, min: number, max: number): Prefix {
  // At most DEPTH copies can contribute to the first DEPTH units; capping the copies only
  // adds possibilities (lengths a longer minimum would exclude), which is safe.
  const must = Math.min(min, DEPTH);
  const may = Math.min(max, DEPTH) - must;
  let p = ZERO_WIDTH;
  for (let k = 0; k < must; k++) p = sequence(p, x);
  for (let k = 0; k < may; k++) p = sequence(p, optional(x));
  return p;
}

class Unsupported extends Error {}

/** Recursive-descent reader for the regex syntax the rules and data files use. */
class Reader {
  private pos = 0;
  /** Prefix of each capturing group, by number, for back-references. */
  private readonly groups: Prefix[] = [];
  private readonly named = new Map<string, number>();

  constructor(
    private readonly src: string,
    private readonly multiline: boolean,
  ) {}

  /** The whole pattern, and whether every alternative starts with `^` (multiline). */
  parse(): { prefix: Prefix; lineStart: boolean } {
    const { prefix, anchored } = this.disjunction();
    if (this.pos !== this.src.length) throw new Unsupported('unbalanced )');
    return { prefix, lineStart: anchored && this.multiline };
  }

  private peek(): string {
    return this.src[this.pos] ?? '';
  }

  private disjunction(): { prefix: Prefix; anchored: boolean } {
    let { prefix, anchored } = this.alternative();
    while (this.peek() === '|') {
      this.pos++;
      const next = this.alternative();
      prefix = alternative(prefix, next.prefix);
      anchored &&= next.anchored;
    }
    return { prefix, anchored };
  }

  private alternative(): { prefix: Prefix; anchored: boolean } {
    let prefix = ZERO_WIDTH;
    const anchored = this.peek() === '^';
    while (this.pos < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      prefix = sequence(prefix, this.quantified());
    }
    return { prefix, anchored };
  }

  private quantified(): Prefix {
    const atom = this.atom();
    const ch = this.peek();
    let min = 1;
    let max = 1;
    if (ch === '*' || ch === '+' || ch === '?') {
      this.pos++;
      min = ch === '+' ? 1 : 0;
      max = ch === '?' ? 1 : Infinity;
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) throw new Unsupported('literal {');
      this.pos += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else return atom;
    if (this.peek() === '?') this.pos++;
    return repeat(atom, min, max);
  }

  private atom(): Prefix {
    const ch = this.peek();
    this.pos++;
    if (ch === '^' || ch === '$') return ZERO_WIDTH;
    if (ch === '.') return charPrefix(DOT);
    if (ch === '[') return charPrefix(this.charClass());
    if (ch === '(') return this.group();
    if (ch === '\\') return this.escape();
    if ('*+?{})]|'.includes(ch)) throw new Unsupported(`unexpected ${ch}`);
    return charPrefix(ranges([[ch.charCodeAt(0), ch.charCodeAt(0)]]));
  }

  private group(): Prefix {
    let capture = true;
    let lookaround = false;
    const rest = this.src.slice(this.pos);
    const named = /^\?<([A-Za-z_$][\w$]*)>/.exec(rest);
    if (named) {
      this.pos += named[0].length;
      this.named.set(named[1] as string, this.groups.length + 1);
    } else if (rest.startsWith('?:')) {
      this.pos += 2;
      capture = false;
    } else if (/^\?(?:=|!|<=|<!)/.test(rest)) {
      this.pos += rest[1] === '<' ? 3 : 2;
      capture = false;
      lookaround = true;
    } else if (rest.startsWith('?')) throw new Unsupported('group modifier');
    const slot = capture ? this.groups.push(ZERO_WIDTH) - 1 : -1;
    const { prefix } = this.disjunction();
    if (this.peek() !== ')') throw new Unsupported('unclosed (');
    this.pos++;
    if (slot >= 0) this.groups[slot] = prefix;
    return lookaround ? ZERO_WIDTH : prefix;
  }

  private escape(): Prefix {
    const ch = this.peek();
    if (ch === 'b' || ch === 'B') {
      this.pos++;
      return ZERO_WIDTH;
    }
    const k = /^k<([A-Za-z_$][\w$]*)>/.exec(this.src.slice(this.pos));
    const ref = /^[1-9]\d*/.exec(this.src.slice(this.pos));
    if (k || ref) {
      // A back-reference repeats some text of its group: any unit the group can consume,
      // or nothing (an unset group matches empty).
      this.pos += (k ?? ref)?.[0].length ?? 0;
      const n = k ? (this.named.get(k[1] as string) ?? 0) : Number(ref?.[0]);
      const g = this.groups[n - 1];
      if (!g) throw new Unsupported('forward reference');
      return repeat(charPrefix(g.chars), 0, Infinity);
    }
    return charPrefix(this.escapeSet());
  }

  /** The set of an escape inside or outside a class (after the backslash). */
  private escapeSet(): CharSet {
    const ch = this.peek();
    this.pos++;
    const classes: Record<string, CharSet> = { d: DIGIT, w: WORD, s: SPACE };
    const cls = classes[ch.toLowerCase()];
    if (cls) return ch === ch.toLowerCase() ? cls : complement(cls);
    const controls: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };
    let code = controls[ch];
    if (code === undefined && (ch === 'u' || ch === 'x')) {
      const hex = ch === 'u' ? 4 : 2;
      const digits = this.src.slice(this.pos, this.pos + hex);
      if (!/^[0-9A-Fa-f]+$/.test(digits) || digits.length !== hex) throw new Unsupported('\\u');
      this.pos += hex;
      code = parseInt(digits, 16);
    }
    if (code === undefined) {
      if (/[A-Za-z0-9]/.test(ch) || ch === '') throw new Unsupported(`\\${ch}`);
      code = ch.charCodeAt(0);
    }
    return ranges([[code, code]]);
  }

  private charClass(): CharSet {
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    let set = newSet();
    while (this.peek() !== ']') {
      if (this.pos >= this.src.length) throw new Unsupported('unclosed [');
      const lo = this.classAtom();
      if (this.peek() === '-' && this.src[this.pos + 1] !== ']') {
        this.pos++;
        const hi = this.classAtom();
        if (typeof lo !== 'number' || typeof hi !== 'number') throw new Unsupported('range');
        addRange(set, lo, hi);
      } else if (typeof lo === 'number') addRange(set, lo, lo);
      else set = union(set, lo);
    }
    this.pos++;
    return negated ? complement(set) : set;
  }

  /** One class member: a code unit, or a set for \d \s \w and their negations. */
  private classAtom(): number | CharSet {
    const ch = this.peek();
    this.pos++;
    if (ch !== '\\') return ch.charCodeAt(0);
    if (this.peek() === 'b') {
      this.pos++;
      return 8;
    }
    const set = this.escapeSet();
    let only = -1;
    for (let k = 0; k < 2048 && only !== -2; k++) {
      const w = set[k] as number;
      if (w === 0) continue;
      only = only === -1 && (w & (w - 1)) === 0 ? k * 32 + 31 - Math.clz32(w) : -2;
    }
    return only >= 0 ? only : set;
  }
}

/** Where matches of a regex can start, as far as their first `DEPTH` units tell. */
export interface StartSets {
  /** Units at offset j of matches longer than j (j < DEPTH). */
  at: CharSet[];
  /** Units at offset j of matches of exactly j + 1 units: a match may end there. */
  last: CharSet[];
  /** Every alternative begins with `^` in multiline mode: matches start only at line starts. */
  lineStart: boolean;
}

/**
 * Start sets of a regex, or null when its matches cannot be located this way (it may match
 * the empty string, or it uses flags or syntax this analysis does not model).
 */
export function startSets(re: RegExp): StartSets | null {
  if (/[iuvsy]/.test(re.flags)) return null;
  try {
    const { prefix, lineStart } = new Reader(re.source, re.multiline).parse();
    if (prefix.length[0]) return null;
    return { at: prefix.at, last: prefix.last, lineStart };
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
