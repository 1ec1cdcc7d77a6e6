import { check } from '../src/index';
import type { Category, CheckOptions, Finding } from '../src/index';

/** Findings of one category for `text`, checked against `date` (default 2024-07-10). */
export function find(category: Category, text: string, options: CheckOptions = {}): Finding[] {
  return check(text, { date: '2024-07-10', kind: 'other', ...options, categories: [category] })
    .findings;
}

/** Excerpts of the findings of one category. */
export function excerpts(category: Category, text: string, options: CheckOptions = {}): string[] {
  return find(category, text, options).map((f) => f.excerpt);
}
