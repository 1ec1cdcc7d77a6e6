import type { UnitRow } from '../../../db/schema';
import type { ActivityRow } from '../../../db/schema-ledger';
import { notFound } from '../../../errors/app-error';
import { parseStringArray } from '../../../shared/json-column';
import type { Actor } from '../../access/data-scope';
import type { UnitsRepository } from '../../units/units.repository';
import { parseAttendance, parseExtra } from '../activities/activities.presenter';
import type { EvidenceRepository } from '../evidence/evidence.repository';
import type { InterchangeRepository } from './interchange.repository';
import { LEDGER_HEADER } from './ledger-format';

export interface LedgerExportDeps {
  interchange: InterchangeRepository;
  evidence: EvidenceRepository;
  units: UnitsRepository;
}

const BATCH = 1000;

/** Assigns each row its interchange id: the one it was imported with, else `<prefix><row id>`. */
class IdAssigner {
  private readonly used: Set<string>;
  readonly byRow = new Map<number, string>();

  constructor(
    private readonly prefix: string,
    private readonly stored: Map<number, string>,
    taken: Iterable<string> = stored.values(),
  ) {
    this.used = new Set(taken);
  }

  assign(rowId: number, own: string | null = this.stored.get(rowId) ?? null): string {
    let id = own;
    if (!id) {
      id = `${this.prefix}${rowId}`;
      // A generated id must not clash with an imported one of another row.
      for (let n = 2; this.used.has(id); n += 1) id = `${this.prefix}${rowId}-${n}`;
      this.used.add(id);
    }
    this.byRow.set(rowId, id);
    return id;
  }
}

const line = (value: Record<string, unknown>) => JSON.stringify(value);
function withExtra(value: Record<string, unknown>, extraText: string): Record<string, unknown> {
  const extra = parseExtra(extraText);
  for (const [k, v] of Object.entries(extra)) if (!(k in value)) value[k] = v;
  return value;
}

/** Writes the ledger as JSON Lines (ledger-format.md), in an order that re-imports identically. */
export class LedgerExportService {
  constructor(private readonly deps: LedgerExportDeps) {}

  /** Resolves `--unit NAME_OR_ID` / `unitId` to the export root (null: everything in scope). */
  async rootOf(actor: Actor | null, unit: string | number | undefined): Promise<UnitRow | null> {
    if (unit === undefined || unit === '') return null;
    const { units } = this.deps;
    const asId = typeof unit === 'number' ? unit : /^\d+$/.test(unit) ? Number(unit) : null;
    const row =
      asId !== null ? await units.findLive(asId) : await units.findLiveByName(String(unit));
    if (!row || (actor && !(await units.findVisible(actor, row.id))))
      throw notFound(`单位「${unit}」不存在或无权访问`);
    return row;
  }

  async *lines(actor: Actor | null, root: UnitRow | null): AsyncGenerator<string> {
    const { interchange, evidence } = this.deps;
    yield line(LEDGER_HEADER);

    const unitRows = await interchange.exportUnits(actor, root);
    const unitIds = new IdAssigner('u', await interchange.refsOf('unit'));
    for (const u of unitRows) {
      const id = unitIds.assign(u.id);
      const parent = u.parent_id === null ? null : (unitIds.byRow.get(u.parent_id) ?? null);
      yield line({
        kind: 'unit',
        id,
        name: u.name,
        type: u.type,
        parent,
        ...(u.remark ? { remark: u.remark } : {}),
      });
    }
    const exportedUnits = unitRows.map((u) => u.id);
    const unitRef = (id: number) => unitIds.byRow.get(id) as string;

    const personIds = new IdAssigner('p', await interchange.refsOf('person'));
    for (const p of await interchange.exportPeople(exportedUnits)) {
      yield line({
        kind: 'person',
        id: personIds.assign(p.id),
        unit: unitRef(p.unit_id),
        name: p.name,
        post: p.post,
      });
    }
    const respIds = new IdAssigner('r', await interchange.refsOf('responsibility'));
    for (const r of await interchange.exportResponsibilities(exportedUnits)) {
      const person = personIds.byRow.get(r.person_id);
      if (!person) continue;
      const areas = parseStringArray(r.areas);
      yield line({
        kind: 'responsibility',
        id: respIds.assign(r.id),
        unit: unitRef(r.unit_id),
        person,
        role: r.role,
        ...(areas.length > 0 ? { areas } : {}),
        year: r.year,
      });
    }

    const activityIds = new IdAssigner('a', new Map(), await interchange.activityExternalIds());
    for (let after = 0; ;) {
      const batch = await interchange.exportActivities(actor, root, after, BATCH);
      if (batch.length === 0) break;
      const files = await evidence.listForActivities(batch.map((a) => a.id));
      for (const a of batch) {
        if (!unitIds.byRow.has(a.unit_id)) continue;
        const id = activityIds.assign(a.id, a.external_id);
        yield line(
          activityLine(
            a,
            id,
            unitRef(a.unit_id),
            personIds.byRow,
            (files.get(a.id) ?? []).map((f) => f.file_name),
          ),
        );
      }
      after = batch[batch.length - 1]?.id ?? after;
      if (batch.length < BATCH) break;
    }

    const channels = await interchange.exportChannels(exportedUnits);
    const channelIds = new IdAssigner(
      'c',
      new Map(),
      channels.flatMap((c) => (c.external_id ? [c.external_id] : [])),
    );
    for (const c of channels) {
      const owner = c.owner_person_id === null ? undefined : personIds.byRow.get(c.owner_person_id);
      const value: Record<string, unknown> = {
        kind: 'channel',
        id: channelIds.assign(c.id, c.external_id),
        unit: unitRef(c.unit_id),
        name: c.name,
        platform: c.platform,
      };
      if (owner) value.owner = owner;
      if (c.purpose) value.purpose = c.purpose;
      if (c.registered) value.registered = c.registered;
      value.status = c.status;
      yield line(withExtra(value, c.extra));
    }

    const incidents = await interchange.exportIncidents(exportedUnits);
    const incidentIds = new IdAssigner(
      'i',
      new Map(),
      incidents.flatMap((i) => (i.external_id ? [i.external_id] : [])),
    );
    for (const i of incidents) {
      const value: Record<string, unknown> = {
        kind: 'incident',
        id: incidentIds.assign(i.id, i.external_id),
        unit: unitRef(i.unit_id),
        found: i.found,
        source: i.source,
      };
      if (i.link) value.link = i.link;
      Object.assign(value, { summary: i.summary, severity: i.severity, status: i.status });
      if (i.closed) value.closed = i.closed;
      if (i.response) value.response = i.response;
      yield line(withExtra(value, i.extra));
    }
  }
}

function activityLine(
  a: ActivityRow,
  id: string,
  unit: string,
  people: Map<number, string>,
  evidence: string[],
): Record<string, unknown> {
  const value: Record<string, unknown> = {
    kind: 'activity',
    id,
    unit,
    type: a.type,
    subtype: a.subtype,
    date: a.date,
    title: a.title,
  };
  if (a.summary) value.summary = a.summary;
  if (a.participants !== null) value.participants = a.participants;
  const topics = parseStringArray(a.topics);
  if (topics.length > 0) value.topics = topics;
  const attendance = parseAttendance(a.attendance).map((e) => {
    const person = e.personId !== null ? people.get(e.personId) : undefined;
    return {
      ...(person ? { person } : { name: e.name }),
      present: e.present,
      ...(e.reason ? { reason: e.reason } : {}),
    };
  });
  if (attendance.length > 0) value.attendance = attendance;
  const speakers = parseStringArray(a.speakers);
  if (speakers.length > 0) value.speakers = speakers;
  if (a.outlet !== null) value.outlet = a.outlet;
  if (a.link !== null) value.link = a.link;
  if (a.audience !== null) value.audience = a.audience;
  const areas = parseStringArray(a.areas);
  if (areas.length > 0) value.areas = areas;
  if (evidence.length > 0) value.evidence = evidence;
  return withExtra(value, a.extra);
}
