import type { Severity, TermCategory, TermEntry } from '../types';

export interface TermsTsvError {
  /** 1-based line number. */
  line: number;
  message: string;
}

export interface TermsTsvResult {
  entries: TermEntry[];
  errors: TermsTsvError[];
}

const CATEGORY_ALIASES: Record<string, TermCategory> = {
  forbidden: 'forbidden',
  禁用: 'forbidden',
  discouraged: 'discouraged',
  慎用: 'discouraged',
  不推荐: 'discouraged',
  preferred: 'preferred',
  推荐: 'preferred',
  canonical: 'canonical',
  规范: 'canonical',
};
const SEVERITIES = new Set<string>(['error', 'warning', 'info']);

/**
 * Parses a term list as TSV (term, category, severity, suggestion, note). A header row and
 * lines starting with `#` are skipped. Callers decide whether row errors reject the whole list.
 */
export function parseTermsTsv(tsv: string): TermsTsvResult {
  const entries: TermEntry[] = [];
  const errors: TermsTsvError[] = [];
  const rows = tsv.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as string;
    if (row.trim() === '' || row.startsWith('#')) continue;
    const [term = '', cat = '', sev = '', suggestion = '', note = ''] = row
      .split('\t')
      .map((c) => c.trim());
    if (i === 0 && /^(term|词语|术语)$/i.test(term)) continue;
    if (term === '') {
      errors.push({ line: i + 1, message: '词语为空' });
      continue;
    }
    const category = CATEGORY_ALIASES[cat];
    if (!category) {
      errors.push({
        line: i + 1,
        message: `类别“${cat}”无效，应为 forbidden、discouraged、preferred 或 canonical`,
      });
      continue;
    }
    if (sev !== '' && !SEVERITIES.has(sev)) {
      errors.push({ line: i + 1, message: `级别“${sev}”无效，应为 error、warning 或 info` });
      continue;
    }
    const entry: TermEntry = { term, category };
    if (sev !== '') entry.severity = sev as Severity;
    if (suggestion !== '') entry.suggestion = suggestion;
    if (note !== '') entry.note = note;
    entries.push(entry);
  }
  return { entries, errors };
}
