import type {
  FrameworkAreaRow,
  FrameworkRequirementRow,
  SubtypeAliasRow,
} from '../../db/schema-framework';
import { parseStringArray } from '../../shared/json-column';
import type { RequirementRule } from '../compliance/compliance-engine';
import type { Cadence } from '../compliance/compliance-periods';
import type { FrameworkWithCounts } from './framework.repository';
import type {
  AreaDto,
  FrameworkSummaryDto,
  RequirementDto,
  SubtypeAliasDto,
} from './framework.schema';

export function presentFrameworkSummary(row: FrameworkWithCounts): FrameworkSummaryDto {
  return {
    id: row.id,
    year: row.year,
    name: row.name,
    sourceId: row.source_id,
    version: row.version,
    areaCount: row.area_count,
    requirementCount: row.requirement_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentRequirement(row: FrameworkRequirementRow): RequirementDto {
  return {
    id: row.id,
    frameworkId: row.framework_id,
    areaId: row.area_id,
    code: row.code,
    title: row.title,
    description: row.description,
    cadence: row.cadence as Cadence,
    minCount: row.min_count,
    deadlines: parseStringArray(row.deadlines),
    tracking: row.tracking === 'activity' ? 'activity' : 'not_tracked',
    evidenceTypes: parseStringArray(row.evidence_types),
    evidenceSubtypes: parseStringArray(row.evidence_subtypes),
    requireAttendance: row.require_attendance === 1,
    countScope: row.count_scope === 'subtree' ? 'subtree' : 'unit',
    unitTypes: parseStringArray(row.unit_types),
    sortOrder: row.sort_order,
    version: row.version,
  };
}

export function presentAreas(
  areas: FrameworkAreaRow[],
  requirements: FrameworkRequirementRow[],
): AreaDto[] {
  return areas.map((area) => ({
    id: area.id,
    frameworkId: area.framework_id,
    name: area.name,
    sortOrder: area.sort_order,
    version: area.version,
    requirements: requirements.filter((r) => r.area_id === area.id).map(presentRequirement),
  }));
}

export function presentAlias(row: SubtypeAliasRow): SubtypeAliasDto {
  return { id: row.id, alias: row.alias, canonical: row.canonical };
}

/** The engine's view of a requirement row. */
export function toRule(row: FrameworkRequirementRow): RequirementRule {
  const dto = presentRequirement(row);
  return {
    id: dto.id,
    cadence: dto.cadence,
    minCount: dto.minCount,
    deadlines: dto.deadlines,
    tracking: dto.tracking,
    evidenceTypes: dto.evidenceTypes,
    evidenceSubtypes: dto.evidenceSubtypes,
    requireAttendance: dto.requireAttendance,
    countScope: dto.countScope,
    unitTypes: dto.unitTypes,
  };
}

/** The requirement fields the operation log keeps as before/after. */
export function requirementSnapshot(row: FrameworkRequirementRow) {
  const { frameworkId: _f, ...rest } = presentRequirement(row);
  return rest;
}
