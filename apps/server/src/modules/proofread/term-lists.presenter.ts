import type { Severity, TermCategory, TermEntry } from '@taizhang/proofreader';
import type { TermEntryRow } from '../../db/schema-proofread';
import type { TermListWithVersion } from './term-lists.repository';
import type { TermEntryDto, TermListDto } from './term-lists.schema';

export function presentList(row: TermListWithVersion): TermListDto {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    name: row.name,
    remark: row.remark,
    currentVersionId: row.current_version_id,
    currentVersionNumber: row.current_number,
    entryCount: row.entry_count ?? 0,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const snapshot = (row: TermListWithVersion) => ({
  name: row.name,
  remark: row.remark,
  unitId: row.unit_id,
  currentVersionNumber: row.current_number,
});

export function presentEntry(row: TermEntryRow): TermEntryDto {
  return {
    row: row.row_no,
    term: row.term,
    category: row.category as TermCategory,
    severity: row.severity as Severity | null,
    suggestion: row.suggestion,
    note: row.note,
  };
}

/** Converts stored rows to engine entries. */
export function toTermEntries(rows: readonly TermEntryRow[]): TermEntry[] {
  return rows.map((r) => {
    const entry: TermEntry = { term: r.term, category: r.category as TermCategory };
    if (r.severity) entry.severity = r.severity as Severity;
    if (r.suggestion !== null) entry.suggestion = r.suggestion;
    if (r.note !== null) entry.note = r.note;
    return entry;
  });
}
