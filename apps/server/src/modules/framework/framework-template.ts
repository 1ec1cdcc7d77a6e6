import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import defaultFrameworkData from './default-framework.json' with { type: 'json' };
import type { FrameworkRepository } from './framework.repository';
import type { FrameworkTemplate } from './framework.schema';
import { frameworkTemplateSchema } from './framework.schema';

/** The built-in default framework (DESIGN.md), validated once at load. */
export const defaultFramework: FrameworkTemplate =
  frameworkTemplateSchema.parse(defaultFrameworkData);

/** Creates the framework of `year` from the built-in default; returns its id. */
export async function insertDefaultFramework(
  repo: FrameworkRepository,
  year: number,
  createdBy: number | null,
  now: string,
  trx: Kysely<Database>,
  name = `${year}年${defaultFramework.name}`,
): Promise<number> {
  const frameworkId = await repo.insert(
    { year, name, source_id: null, created_by: createdBy },
    now,
    trx,
  );
  let order = 0;
  for (const [areaIndex, area] of defaultFramework.areas.entries()) {
    const areaId = await repo.insertArea(
      { framework_id: frameworkId, name: area.name, sort_order: areaIndex },
      now,
      trx,
    );
    for (const r of area.requirements) {
      await repo.insertRequirement(
        {
          framework_id: frameworkId,
          area_id: areaId,
          code: r.code,
          title: r.title,
          description: r.description,
          cadence: r.cadence,
          min_count: r.minCount,
          deadlines: JSON.stringify(r.deadlines),
          tracking: r.tracking,
          evidence_types: JSON.stringify(r.evidenceTypes),
          evidence_subtypes: JSON.stringify(r.evidenceSubtypes),
          require_attendance: r.requireAttendance ? 1 : 0,
          count_scope: r.countScope,
          unit_types: JSON.stringify(r.unitTypes),
          sort_order: order++,
        },
        now,
        trx,
      );
    }
  }
  return frameworkId;
}

/** Copies a framework (areas and requirements, same codes) to another year; returns the new id. */
export async function copyFramework(
  repo: FrameworkRepository,
  sourceId: number,
  year: number,
  name: string,
  createdBy: number | null,
  now: string,
  trx: Kysely<Database>,
): Promise<number> {
  const frameworkId = await repo.insert(
    { year, name, source_id: sourceId, created_by: createdBy },
    now,
    trx,
  );
  const areaIds = new Map<number, number>();
  for (const area of await repo.areas(sourceId, trx)) {
    areaIds.set(
      area.id,
      await repo.insertArea(
        { framework_id: frameworkId, name: area.name, sort_order: area.sort_order },
        now,
        trx,
      ),
    );
  }
  for (const r of await repo.requirements(sourceId, trx)) {
    const { id: _id, version: _v, created_at: _c, updated_at: _u, ...values } = r;
    const areaId = areaIds.get(r.area_id);
    if (areaId === undefined) continue;
    await repo.insertRequirement(
      { ...values, framework_id: frameworkId, area_id: areaId },
      now,
      trx,
    );
  }
  return frameworkId;
}

/** Seeds the default subtype aliases when none exist yet. */
export async function ensureDefaultAliases(
  repo: FrameworkRepository,
  now: string,
  trx: Kysely<Database>,
): Promise<void> {
  if ((await repo.countAliases(trx)) > 0) return;
  for (const [alias, canonical] of Object.entries(defaultFramework.subtypeAliases)) {
    await repo.insertAlias(alias, canonical, now, trx);
  }
}

/**
 * Creates the framework of `year` on first use: a copy of the latest earlier year's (with its
 * edits), or the built-in default when there is none. Returns the new id and its source.
 */
export async function createFrameworkForYear(
  repo: FrameworkRepository,
  year: number,
  now: string,
  trx: Kysely<Database>,
): Promise<{ id: number; copiedFromYear: number | null }> {
  const previous = await repo.latestBefore(year, trx);
  const id = previous
    ? await copyFramework(
        repo,
        previous.id,
        year,
        previous.name.replace(String(previous.year), String(year)),
        null,
        now,
        trx,
      )
    : await insertDefaultFramework(repo, year, null, now, trx);
  await ensureDefaultAliases(repo, now, trx);
  return { id, copiedFromYear: previous?.year ?? null };
}
