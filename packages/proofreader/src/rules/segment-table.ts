import type { Scratch } from '../text/scratch';

/**
 * Open-addressing table of text segments keyed by a 32-bit hash, remembering the first
 * occurrence; equal hashes are confirmed by comparing the code units. Probing reads only a
 * compact array of keys (hash | 1, 0 for an empty slot), so that a large table's probes stay
 * in cache; starts and lengths are read on a key match only.
 */
export class SegmentTable {
  private keys: Int32Array;
  private starts: Int32Array;
  private lengths: Int32Array;
  private mask: number;
  private used = 0;
  /** Slots filled since the last clear, so a small table can be reused cheaply. */
  private filled = new Int32Array(64);
  private filledCount = 0;

  /** `scratch`, when given, lends the initial arrays (see scratch.ts). */
  constructor(
    private readonly codes: Uint16Array,
    capacity: number,
    scratch?: Scratch<Int32Array>,
  ) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    const store = scratch ? scratch.get(3 * size) : new Int32Array(3 * size);
    this.keys = store.subarray(0, size).fill(0);
    this.starts = store.subarray(size, 2 * size);
    this.lengths = store.subarray(2 * size, 3 * size);
    this.mask = size - 1;
  }

  /** Offset of an earlier equal segment, or -1 after recording this one. */
  seen(hash: number, start: number, length: number): number {
    if (this.used * 2 > this.mask) this.rehash();
    const key = hash | 1;
    const { keys } = this;
    for (let slot = key & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = keys[slot] as number;
      if (k === 0) {
        keys[slot] = key;
        this.starts[slot] = start;
        this.lengths[slot] = length;
        this.used++;
        if (this.filledCount === this.filled.length) {
          const grown = new Int32Array(this.filled.length * 2);
          grown.set(this.filled);
          this.filled = grown;
        }
        this.filled[this.filledCount++] = slot;
        return -1;
      }
      if (k !== key || this.lengths[slot] !== length) continue;
      const s = this.starts[slot] as number;
      if (this.equal(s, start, length)) return s;
    }
  }

  /** Forgets every segment (cost proportional to the number recorded). */
  clear(): void {
    for (let k = 0; k < this.filledCount; k++) this.keys[this.filled[k] as number] = 0;
    this.filledCount = 0;
    this.used = 0;
  }

  private equal(a: number, b: number, len: number): boolean {
    const c = this.codes;
    for (let k = 0; k < len; k++) if (c[a + k] !== c[b + k]) return false;
    return true;
  }

  private rehash(): void {
    const { keys, starts, lengths } = this;
    const size = keys.length * 2;
    const store = new Int32Array(3 * size);
    this.keys = store.subarray(0, size);
    this.starts = store.subarray(size, 2 * size);
    this.lengths = store.subarray(2 * size, 3 * size);
    this.mask = size - 1;
    this.used = 0;
    this.filledCount = 0;
    for (let slot = 0; slot < keys.length; slot++) {
      if (keys[slot] === 0) continue;
      this.insert(keys[slot] as number, starts[slot] as number, lengths[slot] as number);
    }
  }

  /** Puts a recorded segment back after a rehash (keys are distinct entries). */
  private insert(key: number, start: number, length: number): void {
    let slot = key & this.mask;
    while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
    this.keys[slot] = key;
    this.starts[slot] = start;
    this.lengths[slot] = length;
    this.used++;
    if (this.filledCount === this.filled.length) {
      const grown = new Int32Array(this.filled.length * 2);
      grown.set(this.filled);
      this.filled = grown;
    }
    this.filled[this.filledCount++] = slot;
  }
}
