/** FNV-1a, 32-bit: a tiny stable hash so the same input always picks the same phrasing. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Chooses among interchangeable phrasings, deterministically per seed and slot. */
export interface PhrasePicker {
  pick<T>(slot: string, variants: readonly T[]): T;
}

/** Creates a picker seeded by e.g. unit id + period, so a report is reproducible. */
export function createPhrasePicker(seed: string): PhrasePicker {
  return {
    pick<T>(slot: string, variants: readonly T[]): T {
      if (variants.length === 0) throw new Error(`no variants for ${slot}`);
      const chosen = variants[hash(`${seed}|${slot}`) % variants.length];
      return chosen as T;
    },
  };
}
