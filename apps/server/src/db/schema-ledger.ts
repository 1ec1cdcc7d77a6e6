import type { Generated, Selectable } from 'kysely';

// Tables of the work ledger (activities, evidence, channels, incidents, search index).
// Dates of the work itself are `YYYY-MM-DD` text; timestamps ISO strings; arrays JSON text.

export interface ActivityTable {
  id: Generated<number>;
  unit_id: number;
  /** meeting | study | publicity | event | training | other */
  type: string;
  subtype: string;
  /** YYYY-MM-DD */
  date: string;
  title: string;
  summary: string;
  participants: number | null;
  /** JSON array of strings. */
  topics: string;
  /** JSON array of `{personId, name, present, reason}`. */
  attendance: string;
  /** JSON array of speaker names (study). */
  speakers: string;
  outlet: string | null;
  link: string | null;
  /** Audience size (宣讲). */
  audience: number | null;
  /** JSON array of framework area names; `activity_areas` holds the same for filtering. */
  areas: string;
  /** JSON object of interchange fields the schema has no column for. */
  extra: string;
  /** The interchange id this record was imported with, if any. */
  external_id: string | null;
  /** Pre-tokenized text (CJK bigrams and Latin words) indexed for full-text search. */
  search_text: string;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ActivityAreaTable {
  activity_id: number;
  area: string;
}

export interface EvidenceTable {
  id: Generated<number>;
  activity_id: number;
  file_name: string;
  /** Content address of the stored file; null when only the name is known (interchange). */
  sha256: string | null;
  size: number;
  /** The sniffed type, served on download. */
  content_type: string;
  created_by: number | null;
  created_at: string;
  deleted_at: string | null;
}

export interface ChannelTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  platform: string;
  owner_person_id: number | null;
  purpose: string;
  /** 备案 date, YYYY-MM-DD. */
  registered: string | null;
  /** active | suspended | closed */
  status: string;
  extra: string;
  external_id: string | null;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface IncidentTable {
  id: Generated<number>;
  unit_id: number;
  found: string;
  source: string;
  link: string | null;
  summary: string;
  /** 一般 | 较大 | 重大 */
  severity: string;
  /** open | handling | closed */
  status: string;
  closed: string | null;
  response: string;
  extra: string;
  external_id: string | null;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** Interchange ids of foundation rows (units, people, responsibilities) that were imported. */
export interface LedgerRefTable {
  kind: string;
  entity_id: number;
  external_id: string;
}

export interface LedgerTables {
  activities: ActivityTable;
  activity_areas: ActivityAreaTable;
  evidence: EvidenceTable;
  channels: ChannelTable;
  incidents: IncidentTable;
  ledger_refs: LedgerRefTable;
}

export type ActivityRow = Selectable<ActivityTable>;
export type EvidenceRow = Selectable<EvidenceTable>;
export type ChannelRow = Selectable<ChannelTable>;
export type IncidentRow = Selectable<IncidentTable>;
