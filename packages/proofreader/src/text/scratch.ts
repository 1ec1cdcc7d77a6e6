// Working arrays reused from one check to the next. A large document needs several megabytes
// of typed arrays per check (code units, match lists, hash tables); fresh ones cost a page
// fault per 4 KB on first touch, which on a busy machine is a sizeable share of the check.
// Only the memory is reused, never results: every user overwrites what it reads, and nothing
// returned to a caller refers to these arrays. Checks are synchronous, so a named buffer has
// one user at a time.

type Typed = Int32Array | Uint16Array | Uint8Array | Float64Array;

/**
 * Buffers beyond this many elements are not kept after use: a document of more than ~4M
 * characters (rare) allocates afresh rather than pin tens of megabytes.
 */
const KEEP_LIMIT = 1 << 22;

/** One reusable typed array, grown on demand; its contents are whatever the last user left. */
export class Scratch<T extends Typed> {
  private buffer: T | null = null;

  constructor(private readonly make: (length: number) => T) {}

  /** An array of at least `length` elements (contents unspecified). */
  get(length: number): T {
    const b = this.buffer;
    if (b && b.length >= length) return b;
    // Grow by half again so that slowly growing documents do not reallocate every time.
    const grown = this.make(Math.max(length, Math.ceil((b?.length ?? 0) * 1.5), 1024));
    if (grown.length <= KEEP_LIMIT) this.buffer = grown;
    return grown;
  }
}
