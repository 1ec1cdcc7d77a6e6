import { activityValues } from '../activities/activities.presenter';
import type { StoredAttendance } from '../activities/activities.presenter';
import { activityInput } from '../activities/activity.schema';
import { channelInput } from '../channels/channel.schema';
import { channelValues } from '../channels/channels.service';
import { incidentInput } from '../incidents/incident.schema';
import { incidentValues } from '../incidents/incidents.service';
import type { ImportContext, ParsedLine } from './import-context';
import { attendanceLine } from './ledger-format';

export async function importActivity(ctx: ImportContext, line: ParsedLine): Promise<void> {
  if (!ctx.checkNew(line)) return;
  const extra = ctx.unknownFields(line);
  const v = line.value;
  const unitRef = typeof v.unit === 'string' ? await ctx.resolveUnit(line, v.unit) : null;
  if (!unitRef) return ctx.fail(line, 'unit：缺少所属单位');
  const stored: StoredAttendance[] = [];
  const attendance: { personId?: number; name?: string; present: boolean; reason?: string }[] = [];
  let attendanceOk = true;
  if (v.attendance !== undefined) {
    if (!Array.isArray(v.attendance)) {
      ctx.fail(line, 'attendance：出席情况须为列表');
      attendanceOk = false;
    } else {
      for (const [i, raw] of (v.attendance as unknown[]).entries()) {
        const entry = attendanceLine.safeParse(raw);
        if (!entry.success) {
          for (const issue of entry.error.issues)
            ctx.fail(
              line,
              `attendance.${i}${issue.path.length ? `.${issue.path.join('.')}` : ''}：${issue.message}`,
            );
          attendanceOk = false;
          continue;
        }
        const e = entry.data;
        let personId: number | undefined;
        let name = e.name ?? '';
        if (e.person !== undefined) {
          const person = await ctx.resolvePerson(line, e.person);
          if (!person.ok) {
            attendanceOk = false;
            continue;
          }
          personId = person.value.id;
          name = person.value.name;
        }
        attendance.push({
          ...(personId !== undefined ? { personId } : {}),
          ...(name ? { name } : {}),
          present: e.present,
          ...(e.reason !== undefined ? { reason: e.reason } : {}),
        });
        stored.push({
          personId: personId ?? null,
          name,
          present: e.present,
          reason: e.reason ?? null,
        });
      }
    }
  }
  const evidence = v.evidence;
  const evidenceOk =
    evidence === undefined ||
    (Array.isArray(evidence) &&
      evidence.every((f) => typeof f === 'string' && f.trim().length > 0 && f.length <= 200));
  if (!evidenceOk) ctx.fail(line, 'evidence：证明材料须为文件名列表');
  const parsed = activityInput.safeParse({
    unitId: unitRef.ok ? unitRef.value.id : 1,
    type: v.type,
    subtype: v.subtype,
    date: v.date,
    title: v.title,
    ...pick(v, [
      'summary',
      'participants',
      'topics',
      'speakers',
      'outlet',
      'link',
      'audience',
      'areas',
    ]),
    ...(v.attendance !== undefined && attendanceOk ? { attendance } : {}),
  });
  if (!parsed.success) return ctx.zodFail(line, parsed.error);
  if (!unitRef.ok || !attendanceOk || !evidenceOk) return;
  const values = activityValues(parsed.data, stored, { extra, externalId: line.id });
  const id = await ctx.deps.activities.insert(
    values,
    parsed.data.areas ?? [],
    ctx.createdBy,
    ctx.now,
    ctx.trx,
  );
  for (const fileName of (evidence as string[] | undefined) ?? []) {
    await ctx.deps.evidence.insert(
      {
        activity_id: id,
        file_name: fileName,
        sha256: null,
        size: 0,
        content_type: 'application/octet-stream',
        created_by: ctx.createdBy,
        created_at: ctx.now,
      },
      ctx.trx,
    );
  }
  ctx.created.activity += 1;
}

export async function importChannel(ctx: ImportContext, line: ParsedLine): Promise<void> {
  if (!ctx.checkNew(line)) return;
  const extra = ctx.unknownFields(line);
  const v = line.value;
  const unitRef = typeof v.unit === 'string' ? await ctx.resolveUnit(line, v.unit) : null;
  if (!unitRef) return ctx.fail(line, 'unit：缺少所属单位');
  let ownerPersonId: number | null = null;
  if (v.owner !== undefined && v.owner !== null) {
    const owner = typeof v.owner === 'string' ? await ctx.resolvePerson(line, v.owner) : null;
    if (!owner) return ctx.fail(line, 'owner：负责人须为人员编号');
    if (!owner.ok) return;
    ownerPersonId = owner.value.id;
  }
  const parsed = channelInput.safeParse({
    unitId: unitRef.ok ? unitRef.value.id : 1,
    ownerPersonId,
    ...pick(v, ['name', 'platform', 'purpose', 'registered', 'status']),
  });
  if (!parsed.success) return ctx.zodFail(line, parsed.error);
  if (!unitRef.ok) return;
  await ctx.deps.channels.insert(
    channelValues(parsed.data, { extra, externalId: line.id }),
    ctx.createdBy,
    ctx.now,
    ctx.trx,
  );
  ctx.created.channel += 1;
}

export async function importIncident(ctx: ImportContext, line: ParsedLine): Promise<void> {
  if (!ctx.checkNew(line)) return;
  const extra = ctx.unknownFields(line);
  const v = line.value;
  const unitRef = typeof v.unit === 'string' ? await ctx.resolveUnit(line, v.unit) : null;
  if (!unitRef) return ctx.fail(line, 'unit：缺少所属单位');
  const parsed = incidentInput.safeParse({
    unitId: unitRef.ok ? unitRef.value.id : 1,
    ...pick(v, ['found', 'source', 'link', 'summary', 'severity', 'status', 'closed', 'response']),
  });
  if (!parsed.success) return ctx.zodFail(line, parsed.error);
  if (!unitRef.ok) return;
  await ctx.deps.incidents.insert(
    incidentValues(parsed.data, { extra, externalId: line.id }),
    ctx.createdBy,
    ctx.now,
    ctx.trx,
  );
  ctx.created.incident += 1;
}

function pick(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}
