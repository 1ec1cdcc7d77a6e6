import { compileTerms } from '@taizhang/proofreader';
import type { CompiledTerms, TermEntry } from '@taizhang/proofreader';

export interface TermCacheLimits {
  /** Most compiled sets kept. */
  maxKeys: number;
  /** Budget for the automata kept (a 10^5-term list compiles to about 32 MB). */
  maxBytes: number;
}

/**
 * Compiled term lists kept in memory, keyed by the set of version ids they were built from.
 * Versions never change once written, so a key can only go stale by no longer being current;
 * `evictVersion` drops it then to free memory. Loads of one key in flight are shared, and the
 * least recently used sets go first when over the limits.
 */
export class TermCache {
  private readonly compiled = new Map<string, Promise<CompiledTerms>>();
  private readonly bytes = new Map<string, number>();
  private readonly limits: TermCacheLimits;

  constructor(limits: Partial<TermCacheLimits> = {}) {
    this.limits = { maxKeys: 16, maxBytes: 256 * 1024 * 1024, ...limits };
  }

  get size(): number {
    return this.compiled.size;
  }

  private static keyOf(versionIds: readonly number[]): string {
    return [...new Set(versionIds)].sort((a, b) => a - b).join('+');
  }

  /** The compiled union of the given versions, loading and compiling on a miss. */
  async get(
    versionIds: readonly number[],
    load: (versionId: number) => Promise<TermEntry[]>,
  ): Promise<CompiledTerms> {
    const key = TermCache.keyOf(versionIds);
    const hit = this.compiled.get(key);
    if (hit) {
      // Refresh its place in the LRU order.
      this.compiled.delete(key);
      this.compiled.set(key, hit);
      return hit;
    }
    const pending = (async () => {
      const parts = await Promise.all(key.split('+').map((id) => load(Number(id))));
      return compileTerms(parts.flat());
    })();
    this.compiled.set(key, pending);
    pending.then(
      (terms) => {
        if (this.compiled.get(key) !== pending) return;
        this.bytes.set(key, terms.byteLength);
        this.trim(key);
      },
      () => this.drop(key),
    );
    this.trim(key);
    return pending;
  }

  private drop(key: string): void {
    this.compiled.delete(key);
    this.bytes.delete(key);
  }

  /** Evicts least recently used sets (never `keep`) until within the limits. */
  private trim(keep: string): void {
    const total = () => [...this.bytes.values()].reduce((a, b) => a + b, 0);
    for (const key of [...this.compiled.keys()]) {
      if (this.compiled.size <= this.limits.maxKeys && total() <= this.limits.maxBytes) return;
      if (key !== keep) this.drop(key);
    }
  }

  /** Forgets every compiled set that includes this version. */
  evictVersion(versionId: number): void {
    for (const key of [...this.compiled.keys()]) {
      if (key.split('+').includes(String(versionId))) this.drop(key);
    }
  }

  has(versionIds: readonly number[]): boolean {
    return this.compiled.has(TermCache.keyOf(versionIds));
  }
}
