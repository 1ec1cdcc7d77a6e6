import type { ActivityRow, EvidenceRow } from '../../../db/schema-ledger';
import { parseStringArray } from '../../../shared/json-column';
import { searchText } from '../search/search-tokens';
import type { ActivityType } from './activity-kinds';
import { activityTypeLabels, activityTypes } from './activity-kinds';
import type { ActivityListRow, ActivityValues, ActivityWithUnit } from './activities.repository';
import type { ActivityDto, ActivityInput, ActivityListItem, EvidenceDto } from './activity.schema';

/** An attendance entry as stored: the name is kept even when a person is linked. */
export interface StoredAttendance {
  personId: number | null;
  name: string;
  present: boolean;
  reason: string | null;
}

export function parseAttendance(text: string): StoredAttendance[] {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return value.flatMap((item: unknown) => {
      if (typeof item !== 'object' || item === null) return [];
      const e = item as Record<string, unknown>;
      return [
        {
          personId: typeof e.personId === 'number' ? e.personId : null,
          name: typeof e.name === 'string' ? e.name : '',
          present: e.present === true,
          reason: typeof e.reason === 'string' ? e.reason : null,
        },
      ];
    });
  } catch {
    return [];
  }
}

export function parseExtra(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function asType(type: string): ActivityType {
  return (activityTypes as readonly string[]).includes(type) ? (type as ActivityType) : 'other';
}

export function presentEvidence(row: EvidenceRow): EvidenceDto {
  return {
    id: row.id,
    activityId: row.activity_id,
    fileName: row.file_name,
    size: row.size,
    contentType: row.content_type,
    hasFile: row.sha256 !== null,
    createdAt: row.created_at,
  };
}

export function presentActivity(row: ActivityWithUnit, evidence: EvidenceRow[]): ActivityDto {
  const type = asType(row.type);
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    type,
    typeLabel: activityTypeLabels[type],
    subtype: row.subtype,
    date: row.date,
    title: row.title,
    summary: row.summary,
    participants: row.participants,
    topics: parseStringArray(row.topics),
    attendance: parseAttendance(row.attendance),
    speakers: parseStringArray(row.speakers),
    outlet: row.outlet,
    link: row.link,
    audience: row.audience,
    areas: parseStringArray(row.areas),
    evidence: evidence.map(presentEvidence),
    externalId: row.external_id,
    extra: parseExtra(row.extra),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export function presentActivityListItem(row: ActivityListRow): ActivityListItem {
  const type = asType(row.type);
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    type,
    typeLabel: activityTypeLabels[type],
    subtype: row.subtype,
    date: row.date,
    title: row.title,
    participants: row.participants,
    topics: parseStringArray(row.topics),
    speakers: parseStringArray(row.speakers),
    outlet: row.outlet,
    link: row.link,
    audience: row.audience,
    areas: parseStringArray(row.areas),
    evidenceCount: row.evidence_count,
    externalId: row.external_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** The record as an editable input again (for merging a partial update). */
export function inputOf(row: ActivityRow): ActivityInput {
  return {
    unitId: row.unit_id,
    type: asType(row.type),
    subtype: row.subtype,
    date: row.date,
    title: row.title,
    summary: row.summary,
    participants: row.participants,
    topics: parseStringArray(row.topics),
    attendance: parseAttendance(row.attendance).map((a) => ({
      ...(a.personId !== null ? { personId: a.personId } : {}),
      name: a.name,
      present: a.present,
      ...(a.reason !== null ? { reason: a.reason } : {}),
    })),
    speakers: parseStringArray(row.speakers),
    outlet: row.outlet,
    link: row.link,
    audience: row.audience,
    areas: parseStringArray(row.areas) as ActivityInput['areas'],
  };
}

/** Column values of a validated record; attendance names already resolved by the caller. */
export function activityValues(
  input: ActivityInput,
  attendance: StoredAttendance[],
  meta: { extra?: Record<string, unknown>; externalId?: string | null } = {},
): ActivityValues {
  const topics = input.topics ?? [];
  return {
    unit_id: input.unitId,
    type: input.type,
    subtype: input.subtype,
    date: input.date,
    title: input.title,
    summary: input.summary ?? '',
    participants: input.participants ?? null,
    topics: JSON.stringify(topics),
    attendance: JSON.stringify(attendance),
    speakers: JSON.stringify(input.speakers ?? []),
    outlet: input.outlet || null,
    link: input.link || null,
    audience: input.audience ?? null,
    areas: JSON.stringify(input.areas ?? []),
    extra: JSON.stringify(meta.extra ?? {}),
    external_id: meta.externalId ?? null,
    search_text: searchText([input.title, input.subtype, input.summary ?? '', ...topics]),
  };
}

/** The fields the operation log keeps as before/after. */
export function activitySnapshot(row: ActivityRow) {
  return {
    id: row.id,
    ...inputOf(row),
    deletedAt: row.deleted_at,
    version: row.version,
  };
}
