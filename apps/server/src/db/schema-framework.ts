import type { ColumnType, Generated, Selectable } from 'kysely';

// Tables of the responsibility framework (areas, requirements with cadence) and compliance.

/** One framework per year (实施细则 / 考核细则), copied forward and edited year by year. */
export interface FrameworkTable {
  id: Generated<number>;
  year: number;
  name: string;
  /** The framework this one was copied from, if any. */
  source_id: number | null;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface FrameworkAreaTable {
  id: Generated<number>;
  framework_id: number;
  name: string;
  sort_order: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface FrameworkRequirementTable {
  id: Generated<number>;
  framework_id: number;
  area_id: number;
  /** Stable key within a framework (kept when copied to the next year), e.g. `situation-analysis`. */
  code: string;
  title: string;
  description: string;
  /** `quarter` | `half_year` | `year` | `event` (per occurrence, not periodic). */
  cadence: string;
  min_count: number;
  /** JSON array of `MM-DD`, one per period of the year; empty means "by the end of the period". */
  deadlines: string;
  /** `activity` (counted from ledger records) or `not_tracked` (evidence lives elsewhere). */
  tracking: string;
  /** JSON array of activity types that count; empty means any type. */
  evidence_types: string;
  /** JSON array of canonical subtypes that count; empty means any subtype. */
  evidence_subtypes: string;
  /** 1 when only records with an attendance list count (中心组学习). */
  require_attendance: number;
  /** `unit`: the unit's own records count; `subtree`: its subordinate units' too. */
  count_scope: ColumnType<string, string | undefined, string>;
  /** JSON array of unit types the requirement applies to; empty means every unit. */
  unit_types: string;
  sort_order: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Maps a subtype as clerks write it (意识形态形势分析研判会) to the canonical one (形势研判). */
export interface SubtypeAliasTable {
  id: Generated<number>;
  alias: string;
  canonical: string;
  created_at: string;
}

/** A unit's ledger revision, bumped by database triggers on writes that could change a count. */
export interface LedgerRevisionTable {
  unit_id: number;
  revision: number;
}

/** Counts of one unit for one set of count columns, valid while the unit's revision is unchanged. */
export interface ComplianceCountTable {
  /** Hash of the count columns (types, subtypes, date range, attendance) in order. */
  signature: string;
  unit_id: number;
  /** The unit's ledger revision when the counts were computed. */
  revision: number;
  /** JSON array of counts, one per column. */
  counts: string;
  computed_at: string;
}

export interface FrameworkTables {
  frameworks: FrameworkTable;
  framework_areas: FrameworkAreaTable;
  framework_requirements: FrameworkRequirementTable;
  subtype_aliases: SubtypeAliasTable;
  ledger_revisions: LedgerRevisionTable;
  compliance_counts: ComplianceCountTable;
}

export type FrameworkRow = Selectable<FrameworkTable>;
export type FrameworkAreaRow = Selectable<FrameworkAreaTable>;
export type FrameworkRequirementRow = Selectable<FrameworkRequirementTable>;
export type SubtypeAliasRow = Selectable<SubtypeAliasTable>;
