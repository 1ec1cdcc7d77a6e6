// Loads the annotated corpus and scores the engine per category (precision / recall).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORIES, check } from '../src/index';
import type { Category, CheckOptions, DocumentKind, Finding } from '../src/index';

export const CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));

export interface Expected {
  category: Category;
  excerpt: string;
  line: number;
}

export interface Trap {
  excerpt: string;
  line: number;
  /** Code-point columns [start, end), 1-based start. */
  column: number;
  length: number;
}

export interface CorpusDocument {
  name: string;
  text: string;
  options: CheckOptions;
  expected: Expected[];
  traps: Trap[];
}

const MARK = /⟦([a-z]+)\|([^⟧]*)⟧|⟪([^⟫]*)⟫/g;

/** Parses one annotated file into clean text, options, expected findings and traps. */
export function parseAnnotated(name: string, source: string): CorpusDocument {
  let body = source;
  const options: CheckOptions = {};
  if (body.startsWith('#!')) {
    const nl = body.indexOf('\n');
    const header = body.slice(2, nl < 0 ? body.length : nl);
    body = nl < 0 ? '' : body.slice(nl + 1);
    for (const pair of header.trim().split(/\s+/)) {
      const [k, v] = pair.split('=');
      if (k === 'date' && v) options.date = v;
      if (k === 'kind' && v) options.kind = v as DocumentKind;
    }
  }
  const expected: Expected[] = [];
  const traps: Trap[] = [];
  let text = '';
  let last = 0;
  for (const m of body.matchAll(MARK)) {
    text += body.slice(last, m.index);
    last = m.index + m[0].length;
    const before = text.split('\n');
    const line = before.length;
    const column = [...(before[before.length - 1] ?? '')].length + 1;
    if (m[1] !== undefined) {
      if (!(CATEGORIES as readonly string[]).includes(m[1])) {
        throw new Error(`${name}: unknown category ${m[1]}`);
      }
      expected.push({ category: m[1] as Category, excerpt: m[2] ?? '', line });
      text += m[2] ?? '';
    } else {
      const excerpt = m[3] ?? '';
      traps.push({ excerpt, line, column, length: [...excerpt].length });
      text += excerpt;
    }
  }
  text += body.slice(last);
  return { name, text, options, expected, traps };
}

export function loadCorpus(dir = CORPUS_DIR): CorpusDocument[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseAnnotated(f, readFileSync(join(dir, f), 'utf8')));
}

export interface CategoryScore {
  category: Category;
  expected: number;
  reported: number;
  truePositives: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  scores: CategoryScore[];
  falsePositives: { doc: string; finding: Finding }[];
  misses: { doc: string; expected: Expected }[];
  trapHits: { doc: string; trap: Trap; finding: Finding }[];
  documents: number;
}

function matches(f: Finding, e: Expected): boolean {
  if (f.category !== e.category || f.excerpt !== e.excerpt) return false;
  return e.excerpt === '' || f.line === e.line;
}

/** Runs the engine on every corpus document and scores it. */
export function evaluate(docs: CorpusDocument[] = loadCorpus()): Evaluation {
  const tp = new Map<Category, number>();
  const reported = new Map<Category, number>();
  const expectedCount = new Map<Category, number>();
  const falsePositives: Evaluation['falsePositives'] = [];
  const misses: Evaluation['misses'] = [];
  const trapHits: Evaluation['trapHits'] = [];
  for (const doc of docs) {
    const { findings } = check(doc.text, doc.options);
    const open = [...doc.expected];
    for (const e of doc.expected)
      expectedCount.set(e.category, (expectedCount.get(e.category) ?? 0) + 1);
    for (const f of findings) {
      reported.set(f.category, (reported.get(f.category) ?? 0) + 1);
      const k = open.findIndex((e) => matches(f, e));
      if (k >= 0) {
        open.splice(k, 1);
        tp.set(f.category, (tp.get(f.category) ?? 0) + 1);
      } else falsePositives.push({ doc: doc.name, finding: f });
      for (const trap of doc.traps) {
        const overlap =
          f.line === trap.line &&
          f.column < trap.column + trap.length &&
          trap.column < f.column + f.length;
        if (overlap) trapHits.push({ doc: doc.name, trap, finding: f });
      }
    }
    for (const e of open) misses.push({ doc: doc.name, expected: e });
  }
  const scores = CATEGORIES.map((category) => {
    const t = tp.get(category) ?? 0;
    const r = reported.get(category) ?? 0;
    const x = expectedCount.get(category) ?? 0;
    return {
      category,
      expected: x,
      reported: r,
      truePositives: t,
      precision: r === 0 ? 1 : t / r,
      recall: x === 0 ? 1 : t / x,
    };
  });
  return { scores, falsePositives, misses, trapHits, documents: docs.length };
}
