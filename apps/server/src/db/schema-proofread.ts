import type { Generated, Selectable } from 'kysely';

// Tables of the proofreader: organization term lists and their versions. Every upload adds an
// immutable version; the list points at its current one. Timestamps are ISO strings.

export interface TermListTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  remark: string;
  /** The version checks use; always the newest (a rollback copies an older one forward). */
  current_version_id: number | null;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface TermListVersionTable {
  id: Generated<number>;
  list_id: number;
  /** 1, 2, 3 … within the list. */
  number: number;
  /** Name of the uploaded file, or a note such as “回滚至第 2 版”. */
  source: string;
  /** The version this one was copied from (rollback), if any. */
  copied_from_id: number | null;
  entry_count: number;
  created_by: number | null;
  created_at: string;
}

export interface TermEntryTable {
  version_id: number;
  /** Row number in the uploaded file (1-based), so exports keep the order. */
  row_no: number;
  term: string;
  /** forbidden | discouraged | preferred | canonical */
  category: string;
  /** error | warning | info, or null for the category's default. */
  severity: string | null;
  suggestion: string | null;
  note: string | null;
}

export interface ProofreadTables {
  term_lists: TermListTable;
  term_list_versions: TermListVersionTable;
  term_entries: TermEntryTable;
}

export type TermListRow = Selectable<TermListTable>;
export type TermListVersionRow = Selectable<TermListVersionTable>;
export type TermEntryRow = Selectable<TermEntryTable>;
