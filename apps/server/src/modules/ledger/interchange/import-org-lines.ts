import type { ImportContext, ParsedLine, UnitRef } from './import-context';
import { personLine, responsibilityLine, unitLine } from './ledger-format';

/** A unit line: reuses a live unit of the same name, else creates it under its parent. */
export async function importUnit(ctx: ImportContext, line: ParsedLine): Promise<void> {
  ctx.units.set(line.id, null);
  ctx.unknownFields(line);
  const parsed = unitLine.safeParse(line.value);
  if (!parsed.success) return ctx.zodFail(line, parsed.error);
  const input = parsed.data;
  let parent: UnitRef | null = null;
  if (input.parent) {
    const resolved = await ctx.resolveUnit(line, input.parent, '上级单位');
    if (!resolved.ok) return;
    parent = resolved.value;
  }
  const existing = await ctx.deps.interchange.liveUnitByName(input.name, ctx.trx);
  if (existing) {
    if (!ctx.inScope(existing.path))
      return ctx.fail(line, `无权在单位「${existing.name}」导入数据`);
    ctx.units.set(line.id, {
      id: existing.id,
      path: existing.path,
      depth: existing.depth,
      name: existing.name,
    });
    ctx.reused += 1;
    if ((await ctx.deps.interchange.refOfEntity('unit', existing.id, ctx.trx)) === undefined) {
      await ctx.deps.interchange.setRef('unit', existing.id, line.id, ctx.trx);
    }
    return;
  }
  if (!ctx.can('org:unit:add')) return ctx.fail(line, '没有新增单位的权限');
  if (!parent && ctx.actor && ctx.actor.dataScope !== 'all')
    return ctx.fail(line, '只有全部数据权限的用户可以导入顶级单位');
  if (ctx.actor && (ctx.actor.dataScope === 'unit' || ctx.actor.dataScope === 'self')) {
    return ctx.fail(line, '当前数据权限仅限本单位，不能新增下级单位');
  }
  const id = await ctx.unitRepo.insert(
    {
      parent,
      name: input.name,
      type: input.type,
      sort_order: 0,
      remark: input.remark ?? '',
      created_by: ctx.createdBy,
    },
    ctx.now,
    ctx.trx,
  );
  const row = await ctx.deps.interchange.liveUnit(id, ctx.trx);
  if (!row) return ctx.fail(line, '单位写入失败');
  await ctx.deps.interchange.setRef('unit', id, line.id, ctx.trx);
  ctx.units.set(line.id, { id, path: row.path, depth: row.depth, name: row.name });
  ctx.created.unit += 1;
}

export async function importPerson(ctx: ImportContext, line: ParsedLine): Promise<void> {
  ctx.people.set(line.id, null);
  ctx.unknownFields(line);
  const parsed = personLine.safeParse(line.value);
  if (!parsed.success) return ctx.zodFail(line, parsed.error);
  const input = parsed.data;
  const unit = await ctx.resolveUnit(line, input.unit);
  if (!unit.ok) return;
  const existing = await ctx.deps.interchange.livePersonByName(unit.value.id, input.name, ctx.trx);
  if (existing) {
    ctx.people.set(line.id, { id: existing.id, name: existing.name, unitId: existing.unit_id });
    ctx.reused += 1;
    return;
  }
  if (!ctx.can('org:person:add')) return ctx.fail(line, '没有新增人员的权限');
  const id = await ctx.peopleRepo.insert(
    {
      unit_id: unit.value.id,
      name: input.name,
      post: input.post ?? '',
      gender: input.gender ?? null,
      phone: input.phone ?? null,
      remark: input.remark ?? '',
    },
    ctx.createdBy,
    ctx.now,
    ctx.trx,
  );
  await ctx.deps.interchange.setRef('person', id, line.id, ctx.trx);
  ctx.people.set(line.id, { id, name: input.name, unitId: unit.value.id });
  ctx.created.person += 1;
}

export async function importResponsibility(ctx: ImportContext, line: ParsedLine): Promise<void> {
  ctx.unknownFields(line);
  const parsed = responsibilityLine.safeParse(line.value);
  if (!parsed.success) return ctx.zodFail(line, parsed.error);
  const input = parsed.data;
  const unit = await ctx.resolveUnit(line, input.unit);
  const person = await ctx.resolvePerson(line, input.person);
  if (!unit.ok || !person.ok) return;
  if (person.value.unitId !== unit.value.id)
    return ctx.fail(line, `人员「${person.value.name}」不属于单位「${unit.value.name}」`);
  const areas = input.areas ?? [];
  if (input.role === '直接责任人' && areas.length === 0)
    return ctx.fail(line, '直接责任人须填写分管领域（areas）');
  const values = {
    unit_id: unit.value.id,
    person_id: person.value.id,
    role: input.role,
    year: input.year,
  };
  const existing = await ctx.deps.interchange.sameResponsibility(values, ctx.trx);
  if (existing) {
    ctx.reused += 1;
    return;
  }
  if (!ctx.can('org:resp:add')) return ctx.fail(line, '没有新增责任分工的权限');
  if (
    input.role === '第一责任人' &&
    (await ctx.respRepo.findFirstResponsible(unit.value.id, input.year, ctx.trx))
  ) {
    return ctx.fail(line, `${input.year} 年度单位「${unit.value.name}」已有第一责任人`);
  }
  const id = await ctx.respRepo.insert(
    { ...values, areas: JSON.stringify(areas) },
    ctx.createdBy,
    ctx.now,
    ctx.trx,
  );
  await ctx.deps.interchange.setRef('responsibility', id, line.id, ctx.trx);
  ctx.created.responsibility += 1;
}
