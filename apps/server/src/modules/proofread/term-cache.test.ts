import { describe, expect, it } from 'vitest';
import type { TermEntry } from '@taizhang/proofreader';
import { TermCache } from './term-cache';

const entries = (n: number): TermEntry[] =>
  Array.from({ length: n }, (_, i) => ({ term: `词${n}-${i}`, category: 'forbidden' }));

describe('term cache', () => {
  it('compiles a set of versions once, whatever the order of the ids', async () => {
    const cache = new TermCache();
    const loads: number[] = [];
    const load = async (id: number) => {
      loads.push(id);
      return entries(id);
    };
    const [a, b] = await Promise.all([cache.get([2, 1], load), cache.get([1, 2, 2], load)]);
    expect(a).toBe(b);
    expect(a.size).toBe(3);
    expect(loads.sort()).toEqual([1, 2]);
  });

  it('forgets every set containing a version that is no longer current', async () => {
    const cache = new TermCache();
    const load = async (id: number) => entries(id);
    await cache.get([1], load);
    await cache.get([1, 2], load);
    await cache.get([3], load);
    cache.evictVersion(1);
    expect([cache.has([1]), cache.has([1, 2]), cache.has([3])]).toEqual([false, false, true]);
  });

  it('drops the least recently used sets beyond its key and byte limits', async () => {
    const load = async (id: number) => entries(id);
    const byKeys = new TermCache({ maxKeys: 2 });
    await byKeys.get([1], load);
    await byKeys.get([2], load);
    await byKeys.get([1], load);
    await byKeys.get([3], load);
    expect([byKeys.has([1]), byKeys.has([2]), byKeys.has([3])]).toEqual([true, false, true]);
    const byBytes = new TermCache({ maxBytes: 1 });
    await byBytes.get([1], load);
    await byBytes.get([2], load);
    expect([byBytes.has([1]), byBytes.has([2])]).toEqual([false, true]);
  });

  it('does not keep a failed load', async () => {
    const cache = new TermCache();
    await expect(cache.get([9], () => Promise.reject(new Error('db down')))).rejects.toThrow();
    expect(cache.has([9])).toBe(false);
  });
});
