import type { Scratch } from '../text/scratch';

/**
 * Open-addressing table of text segments keyed by a 32-bit hash, remembering the first
 * occurrence and a tag given with it; equal hashes are confirmed by comparing the code units.
 * Probing reads only a compact array of 16-bit fingerprints (high hash bits | 1, 0 for an
 * empty slot), so that a large table's probes stay in cache; a slot's hash, start, length and
 * tag are stored side by side (one cache line to write on insertion, one to read when the
 * fingerprint matches).
 */
export class SegmentTable {
  private keys: Uint16Array;
  /** (hash, start, length, tag) per slot. */
  private records: Int32Array;
  private mask: number;
  /** Slots that may be filled before the table grows (three quarters of them). */
  private room: number;
  /** The tag of the segment found by the last `seen` that found one. */
  tag = 0;

  /** `scratch`, when given, lends the initial arrays (see scratch.ts). */
  constructor(
    private readonly codes: Uint16Array,
    capacity: number,
    scratch?: Scratch<Int32Array>,
  ) {
    let size = 16;
    while (3 * size < 4 * capacity) size *= 2;
    // The keys take the last size / 2 elements of the store.
    const store = scratch ? scratch.get(4.5 * size) : new Int32Array(4.5 * size);
    this.records = store.subarray(0, 4 * size);
    this.keys = new Uint16Array(store.buffer, store.byteOffset + 16 * size, size).fill(0);
    this.mask = size - 1;
    this.room = (3 * size) >> 2;
  }

  /**
   * Offset of an earlier equal segment (its tag in `tag`), or -1 after recording this one
   * with `tag`.
   */
  seen(hash: number, start: number, length: number, tag = 0): number {
    const key = (hash >>> 16) | 1;
    const { keys, records } = this;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = keys[slot] as number;
      if (k === 0) {
        this.insert(slot, hash, start, length, tag);
        return -1;
      }
      if (k !== key) continue;
      const r = 4 * slot;
      const s = records[r + 1] as number;
      if (records[r] !== hash || records[r + 2] !== length || !this.equal(s, start, length)) {
        continue;
      }
      this.tag = records[r + 3] as number;
      return s;
    }
  }

  private equal(a: number, b: number, len: number): boolean {
    const c = this.codes;
    for (let k = 0; k < len; k++) if (c[a + k] !== c[b + k]) return false;
    return true;
  }

  private insert(slot: number, hash: number, start: number, length: number, tag: number): void {
    this.keys[slot] = (hash >>> 16) | 1;
    const r = 4 * slot;
    this.records[r] = hash;
    this.records[r + 1] = start;
    this.records[r + 2] = length;
    this.records[r + 3] = tag;
    if (--this.room === 0) this.grow();
  }

  /** Doubles the table (its entries are distinct: each takes the first free slot it probes). */
  private grow(): void {
    const { keys, records } = this;
    const size = keys.length * 2;
    this.records = new Int32Array(4 * size);
    this.keys = new Uint16Array(size);
    this.mask = size - 1;
    this.room = (3 * size) >> 2;
    for (let old = 0; old < keys.length; old++) {
      if (keys[old] === 0) continue;
      const r = 4 * old;
      let slot = (records[r] as number) & this.mask;
      while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = keys[old] as number;
      this.records.set(records.subarray(r, r + 4), 4 * slot);
      this.room--;
    }
  }
}
