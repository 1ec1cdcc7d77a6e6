import { describe, expect, it } from 'vitest';
import type { Category } from '../src/index';
import { evaluate, loadCorpus } from '../scripts/evaluate-corpus';

// Floors per category; raise them when the engine improves, never lower them silently.
const MIN: Record<Category, { precision: number; recall: number }> = {
  placeholder: { precision: 0.95, recall: 0.95 },
  residue: { precision: 0.95, recall: 0.95 },
  duplicate: { precision: 0.9, recall: 0.9 },
  punctuation: { precision: 0.9, recall: 0.9 },
  numbering: { precision: 0.9, recall: 0.9 },
  temporal: { precision: 0.9, recall: 0.9 },
  stale: { precision: 0.9, recall: 0.9 },
  typo: { precision: 0.9, recall: 0.9 },
  terminology: { precision: 0.9, recall: 0.9 },
  structure: { precision: 0.9, recall: 0.9 },
  layout: { precision: 0.9, recall: 0.9 },
};

describe('annotated corpus', () => {
  const docs = loadCorpus();
  const result = evaluate(docs);

  it('has at least 40 documents, each with annotations', () => {
    expect(docs.length).toBeGreaterThanOrEqual(40);
    for (const d of docs) expect(d.expected.length + d.traps.length, d.name).toBeGreaterThan(0);
  });

  it('never flags a trap', () => {
    expect(
      result.trapHits.map((h) => `${h.doc}: ${h.finding.excerpt} (${h.finding.rule})`),
    ).toEqual([]);
  });

  for (const s of result.scores) {
    it(`keeps ${s.category} precision and recall above their floors`, () => {
      expect(s.expected, 'every category needs annotated cases').toBeGreaterThan(0);
      expect(s.precision).toBeGreaterThanOrEqual(MIN[s.category].precision);
      expect(s.recall).toBeGreaterThanOrEqual(MIN[s.category].recall);
    });
  }
});
