import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureRefs, StructuredReport } from '@taizhang/composer';
import { collectFigures, renderText, segmentText } from '@taizhang/composer';
import { createTestApp } from '../../../test/helpers/test-app';
import type { TestApp } from '../../../test/helpers/test-app';
import type { TestAgent } from '../../../test/helpers/test-agent';
import { testDialect } from '../../../test/helpers/test-db';
import { DEMO_ROOT_UNIT } from '../../demo/demo-organization';

// An oracle independent of the report's grouped SQL: load the (small) demo ledger row by row
// and count in plain code, the way a clerk would with the Excel ledger.

const AREA_OF_TYPE: Record<string, string> = {
  meeting: '组织领导',
  study: '理论学习',
  publicity: '宣传教育',
  event: '文明创建',
  training: '队伍建设',
  other: '组织领导',
};

interface LedgerRow {
  id: number;
  unitId: number;
  type: string;
  subtype: string;
  date: string;
  participants: number | null;
  outlet: string | null;
  present: number;
  hasAttendance: boolean;
  areas: string[];
}

async function loadLedger(t: TestApp) {
  const k = t.db.kysely;
  const [activities, tags, aliases, units, incidents, channels, reports, requirements, frameworks] =
    await Promise.all([
      k
        .selectFrom('activities')
        .select([
          'id',
          'unit_id',
          'type',
          'subtype',
          'date',
          'participants',
          'outlet',
          'attendance',
        ])
        .where('deleted_at', 'is', null)
        .execute(),
      k.selectFrom('activity_areas').select(['activity_id', 'area']).execute(),
      k.selectFrom('subtype_aliases').select(['alias', 'canonical']).execute(),
      k
        .selectFrom('units')
        .select(['id', 'path', 'type'])
        .where('deleted_at', 'is', null)
        .execute(),
      k.selectFrom('incidents').selectAll().where('deleted_at', 'is', null).execute(),
      k.selectFrom('channels').selectAll().where('deleted_at', 'is', null).execute(),
      k
        .selectFrom('reports')
        .select(['unit_id', 'status', 'period_key'])
        .where('deleted_at', 'is', null)
        .execute(),
      k.selectFrom('framework_requirements').selectAll().execute(),
      k.selectFrom('frameworks').select(['id', 'year']).execute(),
    ]);
  const alias = new Map(aliases.map((a) => [a.alias, a.canonical]));
  const rows: LedgerRow[] = activities.map((a) => {
    const attendance = JSON.parse(a.attendance) as { present: boolean }[];
    const own = tags.filter((tag) => tag.activity_id === a.id).map((tag) => tag.area);
    return {
      id: a.id,
      unitId: a.unit_id,
      type: a.type,
      subtype: alias.get(a.subtype) ?? a.subtype,
      date: a.date,
      participants: a.participants,
      outlet: a.outlet,
      present: attendance.filter((e) => e.present).length,
      hasAttendance: attendance.length > 0,
      areas: own.length > 0 ? own : [AREA_OF_TYPE[a.type] ?? '组织领导'],
    };
  });
  return { rows, units, incidents, channels, reports, requirements, frameworks };
}

type Ledger = Awaited<ReturnType<typeof loadLedger>>;

const hours = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 3_600_000;
const round1 = (v: number) => Math.round(v * 10) / 10;

function recompute(ledger: Ledger, refs: FigureRefs, periodKey: string): number {
  const unit = ledger.units.find((u) => String(u.id) === refs.unitId);
  if (!unit) throw new Error(`unknown unit ${refs.unitId}`);
  const inSubtree = (unitId: number) => {
    const u = ledger.units.find((x) => x.id === unitId);
    return !!u && (refs.subtree ? u.path.startsWith(unit.path) : u.id === unit.id);
  };
  const records = ledger.rows.filter(
    (r) => inSubtree(r.unitId) && r.date >= refs.from && r.date <= refs.to,
  );
  const matching = records.filter(
    (r) =>
      (refs.area === undefined || r.areas.includes(refs.area)) &&
      (refs.type === undefined || r.type === refs.type) &&
      (refs.subtype === undefined || r.subtype === refs.subtype),
  );
  const incidents = ledger.incidents.filter(
    (i) => inSubtree(i.unit_id) && i.found >= refs.from && i.found <= refs.to,
  );
  const closedSpans = incidents
    .filter((i) => i.status === 'closed' && i.closed)
    .map((i) => hours(i.found, i.closed as string));
  const channels = ledger.channels.filter(
    (c) => inSubtree(c.unit_id) && (c.registered === null || c.registered <= refs.to),
  );
  const below = ledger.units.filter((u) => u.path.startsWith(unit.path) && u.id !== unit.id);
  switch (refs.measure) {
    case 'activity.total':
      return records.length;
    case 'activity.count':
      return matching.length;
    case 'activity.participants':
      return matching.reduce((s, r) => s + (r.participants ?? 0), 0);
    case 'activity.attendance':
      return matching.reduce((s, r) => s + r.present, 0);
    case 'outlet.count':
      return matching.filter((r) => r.outlet === refs.outlet).length;
    case 'record.participants':
      return (
        ledger.rows.find((r) => String(r.id) === refs.recordIds?.[0])?.participants ?? Number.NaN
      );
    case 'subordinate.units':
      return below.length;
    case 'subordinate.activities':
      return records.filter((r) => r.unitId !== unit.id).length;
    case 'subordinate.withRecords':
      return new Set(records.filter((r) => r.unitId !== unit.id).map((r) => r.unitId)).size;
    case 'subordinate.reported':
      return new Set(
        ledger.reports
          .filter(
            (r) =>
              r.status === 'submitted' &&
              r.period_key === periodKey &&
              below.some((u) => u.id === r.unit_id),
          )
          .map((r) => r.unit_id),
      ).size;
    case 'incident.count':
      return refs.severity
        ? incidents.filter((i) => i.severity === refs.severity).length
        : incidents.length;
    case 'incident.closed':
      return incidents.filter((i) => i.status === 'closed').length;
    case 'incident.open':
      return incidents.filter((i) => i.status !== 'closed').length;
    case 'incident.responseHours.median': {
      const sorted = [...closedSpans].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      return round1(
        sorted.length % 2
          ? (sorted[mid] as number)
          : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2,
      );
    }
    case 'incident.responseHours.mean':
      return round1(closedSpans.reduce((a, b) => a + b, 0) / closedSpans.length);
    case 'channel.total':
      return channels.length;
    case 'channel.active':
      return channels.filter((c) => c.status === 'active').length;
    case 'channel.platform':
      return channels.filter((c) => c.platform === refs.platform).length;
    case 'requirement.required':
    case 'requirement.actual': {
      const requirement = ledger.requirements.find((r) => String(r.id) === refs.requirementId);
      if (!requirement) return Number.NaN;
      if (refs.measure === 'requirement.required') return requirement.min_count;
      const year = Number(refs.from.slice(0, 4));
      const starts =
        requirement.cadence === 'quarter'
          ? ['01', '04', '07', '10']
          : requirement.cadence === 'half_year'
            ? ['01', '07']
            : ['01'];
      const index = starts.indexOf(refs.from.slice(5, 7));
      const monthDay = (JSON.parse(requirement.deadlines) as string[])[index];
      const deadline = monthDay
        ? `${year}-${monthDay}` >= refs.from
          ? `${year}-${monthDay}`
          : `${year + 1}-${monthDay}`
        : refs.to;
      const windowEnd = deadline > refs.to ? deadline : refs.to;
      const types = JSON.parse(requirement.evidence_types) as string[];
      const subtypes = JSON.parse(requirement.evidence_subtypes) as string[];
      return ledger.rows.filter(
        (r) =>
          r.unitId === unit.id &&
          r.date >= refs.from &&
          r.date <= windowEnd &&
          (types.length === 0 || types.includes(r.type)) &&
          (subtypes.length === 0 || subtypes.includes(r.subtype)) &&
          (!requirement.require_attendance || r.hasAttendance),
      ).length;
    }
    default:
      throw new Error(`no oracle for ${refs.measure}`);
  }
}

describe(`report figures against the record on ${testDialect()}`, () => {
  let t: TestApp;
  let admin: TestAgent;
  const ids = new Map<string, number>();
  beforeAll(async () => {
    t = await createTestApp({ records: true });
    admin = await t.ready('admin');
    for (const u of await t.db.kysely.selectFrom('units').select(['id', 'name']).execute())
      ids.set(u.name, u.id);
    // A record without area tags counts in the area of its type (publicity → 宣传教育).
    const untagged = {
      unit_id: ids.get('青川客运中心站党支部') as number,
      type: 'publicity',
      subtype: '稿件',
      date: '2025-10-09',
      title: '客运中心站开展国庆假期文明出行引导',
      summary: '',
      participants: null,
      topics: '[]',
      attendance: '[]',
      speakers: '[]',
      outlet: '青川日报',
      link: null,
      audience: null,
      areas: '[]',
      extra: '{}',
      external_id: null,
      search_text: '',
      version: 1,
      created_by: null,
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
    };
    await t.db.kysely.insertInto('activities').values(untagged).execute();
    // A few incidents and channels, so their figures are checked too.
    const now = new Date().toISOString();
    const keyun = ids.get('客运分公司党总支') as number;
    const station = ids.get('青川客运中心站党支部') as number;
    const incident = (unit_id: number, found: string, severity: string, closed: string | null) => ({
      unit_id,
      found,
      source: '网络媒体',
      link: null,
      summary: `关于候车服务的网络反映（${found}）`,
      severity,
      status: closed ? 'closed' : 'handling',
      closed,
      response: '',
      extra: '{}',
      external_id: null,
      version: 1,
      created_by: null,
      created_at: now,
      updated_at: now,
    });
    await t.db.kysely
      .insertInto('incidents')
      .values([
        incident(station, '2025-08-03', '一般', '2025-08-04'),
        incident(station, '2025-09-10', '较大', '2025-09-13'),
        incident(keyun, '2025-11-20', '一般', null),
        incident(keyun, '2026-01-12', '一般', '2026-01-12'),
      ])
      .execute();
    const channel = (unit_id: number, name: string, platform: string, status: string) => ({
      unit_id,
      name,
      platform,
      owner_person_id: null,
      purpose: '信息发布',
      registered: '2024-05-01',
      status,
      extra: '{}',
      external_id: null,
      version: 1,
      created_by: null,
      created_at: now,
      updated_at: now,
    });
    await t.db.kysely
      .insertInto('channels')
      .values([
        channel(keyun, '客运分公司公众号', '微信公众号', 'active'),
        channel(station, '客运中心站宣传栏', '宣传栏', 'active'),
        channel(station, '客运中心站LED屏', 'LED', 'suspended'),
      ])
      .execute();
  }, 60_000);
  afterAll(async () => t.close());

  it(
    'every figure in every report equals the figure recomputed from the records',
    { timeout: 180_000 },
    async () => {
      // One subordinate has submitted its 2025 annual report, so the parent's roll-up counts it.
      const station = await admin.post('/api/reports', {
        unitId: ids.get('青川客运中心站党支部'),
        kind: 'summary',
        period: '2025',
      });
      const stationReport = station.json() as { id: number; version: number };
      expect(
        (
          await admin.post(`/api/reports/${stationReport.id}/submit`, {
            version: stationReport.version,
          })
        ).statusCode,
      ).toBe(200);

      let checked = 0;
      const measures = new Set<string>();
      for (const name of [
        DEMO_ROOT_UNIT,
        '客运分公司党总支',
        '青川客运中心站党支部',
        '青川港航物流有限公司党支部',
      ]) {
        for (const period of ['2026H1', '2025H2', '2025']) {
          for (const kind of ['summary', 'selfcheck', 'topical']) {
            const response = await admin.post('/api/reports', {
              unitId: ids.get(name),
              kind,
              period,
              ...(kind === 'topical' ? { topicArea: '理论学习' } : {}),
            });
            expect(response.statusCode, response.body).toBe(201);
            const report = response.json() as { content: StructuredReport; periodKey: string };
            const ledger = await loadLedger(t);
            const text = renderText(report.content);
            for (const figure of collectFigures(report.content)) {
              expect(text).toContain(segmentText(figure));
              expect(figure.value, `${name} ${period} ${kind}: ${figure.key}`).toBe(
                recompute(ledger, figure.refs, report.periodKey),
              );
              measures.add(figure.refs.measure);
              checked += 1;
            }
          }
        }
      }
      expect(checked).toBeGreaterThan(300);
      for (const m of [
        'activity.total',
        'activity.count',
        'activity.participants',
        'outlet.count',
        'record.participants',
        'requirement.actual',
        'subordinate.units',
        'subordinate.reported',
        'incident.count',
        'channel.total',
      ]) {
        expect(measures, m).toContain(m);
      }
    },
  );

  it(
    'lists the records behind a figure, and their number equals the figure',
    { timeout: 60_000 },
    async () => {
      const response = await admin.post('/api/reports', {
        unitId: ids.get('客运分公司党总支'),
        kind: 'summary',
        period: '2025',
      });
      const report = response.json() as { id: number; content: StructuredReport };
      const figures = collectFigures(report.content).filter(
        (f) =>
          f.refs.measure === 'activity.count' ||
          f.refs.measure === 'outlet.count' ||
          f.refs.measure === 'activity.total',
      );
      expect(figures.length).toBeGreaterThan(3);
      for (const figure of figures) {
        const records = await admin.get(
          `/api/reports/${report.id}/figures/${encodeURIComponent(figure.key)}/records?pageSize=100`,
        );
        expect(records.statusCode, records.body).toBe(200);
        expect((records.json() as { total: number }).total, figure.key).toBe(figure.value);
      }
      const list = await admin.get(`/api/reports/${report.id}/figures`);
      expect((list.json() as { key: string }[]).length).toBeGreaterThan(3);
    },
  );
});
