import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { DialectName } from '../../db/database';
import type { Database } from '../../db/schema';
import type { Actor } from '../access/data-scope';
import { pathUpperBound } from '../access/data-scope';
import { ownedRowVisible } from '../access/scope-query';
import { defaultAreaOfType } from './area-mapping';
import { presentCount, topicsOf } from './report-sql';

/** The activities a report counts: a unit (or its subtree) and an inclusive date range. */
export interface AggregateScope {
  unitId: number;
  unitPath: string;
  subtree: boolean;
  from: string;
  to: string;
  /** Leave the unit's own records out (the subordinates' roll-up). */
  excludeOwn?: boolean;
}

export interface GroupRow {
  area: string;
  type: string;
  subtype: string;
  count: number;
  participants: number;
  present: number;
  first_date: string;
  last_date: string;
}

export interface OutletRow {
  area: string;
  type: string;
  subtype: string;
  outlet: string;
  count: number;
}

export interface TopicRow {
  area: string;
  type: string;
  subtype: string;
  topic: string;
  count: number;
}

export interface SampleRow {
  area: string;
  type: string;
  subtype: string;
  id: number;
  date: string;
  title: string;
  topics: string;
  outlet: string | null;
  participants: number | null;
}

export interface FigureRecordFilter {
  area?: string | undefined;
  type?: string | undefined;
  subtype?: string | undefined;
  outlet?: string | undefined;
  recordIds?: readonly number[] | undefined;
}

export interface FigureRecordRow {
  id: number;
  unit_id: number;
  unit_name: string;
  type: string;
  subtype: string;
  date: string;
  title: string;
  outlet: string | null;
  participants: number | null;
}

const SAMPLES_PER_GROUP = 6;
const SUBTYPE = sql<string>`coalesce(sa.canonical, a.subtype)`;

/**
 * The grouped SQL behind a report: counts, sums and date ranges per framework area, type and
 * subtype, plus a bounded handful of sample records per group. No business rules here.
 */
export class ReportAggregatesRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  private scope(s: AggregateScope): RawBuilder<unknown> {
    const unit = s.subtree
      ? sql`a.unit_id in (select u.id from units u where u.path >= ${s.unitPath} and u.path < ${pathUpperBound(s.unitPath)} and u.deleted_at is null)`
      : sql`a.unit_id = ${s.unitId}`;
    const own = s.excludeOwn ? sql` and a.unit_id <> ${s.unitId}` : sql``;
    return sql`a.deleted_at is null and a.date >= ${s.from} and a.date <= ${s.to} and ${unit}${own}`;
  }

  /**
   * `from …` and `area` of the grouped queries: one row per area tag of a record, or — for a
   * record without tags — one row with the area of its type. Subtypes as written
   * (意识形态形势分析研判会) count under their canonical name (形势研判).
   */
  // Grouped queries group by column position: PostgreSQL does not treat the area expression,
  // whose literals become fresh parameters at each occurrence, as the same expression twice.
  private source(): { from: RawBuilder<unknown>; area: RawBuilder<string> } {
    const cases = Object.entries(defaultAreaOfType).map(
      ([type, area]) => sql`when ${type} then ${area}`,
    );
    return {
      from: sql`activities a left join activity_areas ra on ra.activity_id = a.id left join subtype_aliases sa on sa.alias = a.subtype`,
      area: sql<string>`coalesce(ra.area, case a.type ${sql.join(cases, sql` `)} else ${defaultAreaOfType.other} end)`,
    };
  }

  /** Distinct live activities in scope; those of units below the unit, and how many such units. */
  async totals(
    s: AggregateScope,
  ): Promise<{ total: number; belowActivities: number; belowUnits: number }> {
    const { rows } = await sql<{ n: number; below: number | null; units: number }>`
      select count(*) as n, sum(case when a.unit_id <> ${s.unitId} then 1 else 0 end) as below,
        count(distinct case when a.unit_id <> ${s.unitId} then a.unit_id end) as units
      from activities a where ${this.scope(s)}`.execute(this.db);
    const row = rows[0];
    return {
      total: Number(row?.n ?? 0),
      belowActivities: Number(row?.below ?? 0),
      belowUnits: Number(row?.units ?? 0),
    };
  }

  /** count, participants, present attendance and date range per area, type and subtype. */
  async groups(s: AggregateScope): Promise<GroupRow[]> {
    const src = this.source();
    const { rows } = await sql<GroupRow>`
        select ${src.area} as area, a.type as type, ${SUBTYPE} as subtype, count(*) as count,
          coalesce(sum(a.participants), 0) as participants,
          coalesce(sum(${presentCount(this.dialect)}), 0) as present,
          min(a.date) as first_date, max(a.date) as last_date
        from ${src.from}
        where ${this.scope(s)}
        group by 1, 2, 3`.execute(this.db);
    return rows.map((r) => ({
      ...r,
      count: Number(r.count),
      participants: Number(r.participants),
      present: Number(r.present),
    }));
  }

  /** Publicity records per outlet within each group. */
  async outlets(s: AggregateScope): Promise<OutletRow[]> {
    const src = this.source();
    const { rows } = await sql<OutletRow>`
        select ${src.area} as area, a.type as type, ${SUBTYPE} as subtype, a.outlet as outlet, count(*) as count
        from ${src.from}
        where ${this.scope(s)} and a.type = 'publicity' and a.outlet is not null and a.outlet <> ''
        group by 1, 2, 3, 4`.execute(this.db);
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  /** Study records per topic within each group. */
  async topics(s: AggregateScope): Promise<TopicRow[]> {
    const src = this.source();
    const { rows } = await sql<TopicRow>`
        select ${src.area} as area, a.type as type, ${SUBTYPE} as subtype, j.value as topic, count(*) as count
        from ${src.from} cross join ${topicsOf(this.dialect)}
        where ${this.scope(s)} and a.type = 'study' and a.topics <> '[]'
        group by 1, 2, 3, 4`.execute(this.db);
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  /** The most recent few records of each group (a window function; no other rows leave SQL). */
  async samples(s: AggregateScope): Promise<SampleRow[]> {
    const src = this.source();
    const { rows } = await sql<SampleRow>`
        select area, type, subtype, id, date, title, topics, outlet, participants from (
          select ${src.area} as area, a.type as type, ${SUBTYPE} as subtype, a.id as id, a.date as date,
            a.title as title, a.topics as topics, a.outlet as outlet, a.participants as participants,
            row_number() over (partition by ${src.area}, a.type, ${SUBTYPE} order by a.date desc, a.id desc) as rn
          from ${src.from}
          where ${this.scope(s)}
        ) ranked where rn <= ${SAMPLES_PER_GROUP}
        order by date desc, id desc`.execute(this.db);
    return rows;
  }

  /** Incidents found in the period: per severity and status, and found/closed dates of closed ones. */
  async incidents(s: AggregateScope): Promise<{
    bySeverity: { severity: string; closed: number; count: number }[];
    closedSpans: { found: string; closed: string }[];
  }> {
    const scope = this.incidentScope(s);
    const [bySeverity, closedSpans] = await Promise.all([
      sql<{ severity: string; closed: number; count: number }>`
        select i.severity as severity, case when i.status = 'closed' then 1 else 0 end as closed, count(*) as count
        from incidents i where ${scope}
        group by i.severity, case when i.status = 'closed' then 1 else 0 end`.execute(this.db),
      sql<{ found: string; closed: string }>`
        select i.found as found, i.closed as closed from incidents i
        where ${scope} and i.status = 'closed' and i.closed is not null order by i.found limit 5000`.execute(
        this.db,
      ),
    ]);
    return {
      bySeverity: bySeverity.rows.map((r) => ({
        severity: r.severity,
        closed: Number(r.closed),
        count: Number(r.count),
      })),
      closedSpans: closedSpans.rows,
    };
  }

  private incidentScope(s: AggregateScope): RawBuilder<unknown> {
    const unit = s.subtree
      ? sql`i.unit_id in (select u.id from units u where u.path >= ${s.unitPath} and u.path < ${pathUpperBound(s.unitPath)})`
      : sql`i.unit_id = ${s.unitId}`;
    return sql`i.deleted_at is null and i.found >= ${s.from} and i.found <= ${s.to} and ${unit}`;
  }

  /** Channels registered by the end of the period, per platform and status. */
  async channels(
    s: AggregateScope,
  ): Promise<{ platform: string; status: string; count: number }[]> {
    const unit = s.subtree
      ? sql`c.unit_id in (select u.id from units u where u.path >= ${s.unitPath} and u.path < ${pathUpperBound(s.unitPath)})`
      : sql`c.unit_id = ${s.unitId}`;
    const { rows } = await sql<{ platform: string; status: string; count: number }>`
      select c.platform as platform, c.status as status, count(*) as count from channels c
      where c.deleted_at is null and (c.registered is null or c.registered <= ${s.to}) and ${unit}
      group by c.platform, c.status`.execute(this.db);
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  /** Framework area names of a year, in framework order. */
  async frameworkAreas(year: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('framework_areas')
      .innerJoin('frameworks', 'frameworks.id', 'framework_areas.framework_id')
      .select('framework_areas.name')
      .where('frameworks.year', '=', year)
      .orderBy('framework_areas.sort_order')
      .orderBy('framework_areas.id')
      .execute();
    return rows.map((r) => r.name);
  }

  /** Live descendants of a unit (not the unit itself). */
  async descendants(
    unitPath: string,
  ): Promise<{ id: number; name: string; parent_id: number | null; path: string }[]> {
    return this.db
      .selectFrom('units')
      .select(['id', 'name', 'parent_id', 'path'])
      .where('deleted_at', 'is', null)
      .where('path', '>', unitPath)
      .where('path', '<', pathUpperBound(unitPath))
      .orderBy('path')
      .execute();
  }

  /** The records behind a figure, in date order, within the report's scope. */
  async figureRecords(
    actor: Actor,
    s: AggregateScope,
    filter: FigureRecordFilter,
    limit: number,
    offset: number,
  ): Promise<{ rows: FigureRecordRow[]; total: number }> {
    const conditions: RawBuilder<unknown>[] = [
      this.scope(s),
      ownedRowVisible(actor, 'a.unit_id', 'a.created_by'),
    ];
    if (filter.type) conditions.push(sql`a.type = ${filter.type}`);
    if (filter.subtype !== undefined)
      conditions.push(
        sql`coalesce((select sa.canonical from subtype_aliases sa where sa.alias = a.subtype), a.subtype) = ${filter.subtype}`,
      );
    if (filter.outlet) conditions.push(sql`a.outlet = ${filter.outlet}`);
    if (filter.recordIds) {
      conditions.push(
        filter.recordIds.length > 0
          ? sql`a.id in (${sql.join([...filter.recordIds])})`
          : sql`1 = 0`,
      );
    }
    if (filter.area) {
      const types = Object.entries(defaultAreaOfType)
        .filter(([, area]) => area === filter.area)
        .map(([type]) => type);
      const untagged =
        types.length > 0
          ? sql` or (a.type in (${sql.join(types)}) and not exists (select 1 from activity_areas x where x.activity_id = a.id))`
          : sql``;
      conditions.push(
        sql`(exists (select 1 from activity_areas ra where ra.activity_id = a.id and ra.area = ${filter.area})${untagged})`,
      );
    }
    const where = sql.join(conditions, sql` and `);
    const [rows, count] = await Promise.all([
      sql<FigureRecordRow>`
        select a.id as id, a.unit_id as unit_id, u.name as unit_name, a.type as type, a.subtype as subtype,
          a.date as date, a.title as title, a.outlet as outlet, a.participants as participants
        from activities a join units u on u.id = a.unit_id
        where ${where} order by a.date desc, a.id desc limit ${limit} offset ${offset}`.execute(
        this.db,
      ),
      sql<{ n: number }>`select count(*) as n from activities a where ${where}`.execute(this.db),
    ]);
    return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
  }

  /** Incidents behind an incident figure, within the report's scope and the actor's data scope. */
  async incidentRecords(
    actor: Actor,
    s: AggregateScope,
    filter: { severity?: string | undefined; closed?: boolean | undefined },
    limit: number,
    offset: number,
  ) {
    const conditions: RawBuilder<unknown>[] = [
      this.incidentScope(s),
      ownedRowVisible(actor, 'i.unit_id', 'i.created_by'),
    ];
    if (filter.severity) conditions.push(sql`i.severity = ${filter.severity}`);
    if (filter.closed === true) conditions.push(sql`i.status = 'closed'`);
    if (filter.closed === false) conditions.push(sql`i.status <> 'closed'`);
    const where = sql.join(conditions, sql` and `);
    const [rows, count] = await Promise.all([
      sql<{
        id: number;
        unit_name: string;
        found: string;
        summary: string;
        severity: string;
        status: string;
        closed: string | null;
      }>`
        select i.id as id, u.name as unit_name, i.found as found, i.summary as summary, i.severity as severity, i.status as status, i.closed as closed
        from incidents i join units u on u.id = i.unit_id where ${where} order by i.found desc, i.id desc limit ${limit} offset ${offset}`.execute(
        this.db,
      ),
      sql<{ n: number }>`select count(*) as n from incidents i where ${where}`.execute(this.db),
    ]);
    return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
  }

  /** Channels behind a channel figure. */
  async channelRecords(
    actor: Actor,
    s: AggregateScope,
    filter: { platform?: string | undefined; active?: boolean | undefined },
    limit: number,
    offset: number,
  ) {
    const unit = s.subtree
      ? sql`c.unit_id in (select u2.id from units u2 where u2.path >= ${s.unitPath} and u2.path < ${pathUpperBound(s.unitPath)})`
      : sql`c.unit_id = ${s.unitId}`;
    const conditions: RawBuilder<unknown>[] = [
      sql`c.deleted_at is null and (c.registered is null or c.registered <= ${s.to})`,
      unit,
      ownedRowVisible(actor, 'c.unit_id', 'c.created_by'),
    ];
    if (filter.platform) conditions.push(sql`c.platform = ${filter.platform}`);
    if (filter.active) conditions.push(sql`c.status = 'active'`);
    const where = sql.join(conditions, sql` and `);
    const [rows, count] = await Promise.all([
      sql<{
        id: number;
        unit_name: string;
        name: string;
        platform: string;
        status: string;
        registered: string | null;
      }>`
        select c.id as id, u.name as unit_name, c.name as name, c.platform as platform, c.status as status, c.registered as registered
        from channels c join units u on u.id = c.unit_id where ${where} order by c.id limit ${limit} offset ${offset}`.execute(
        this.db,
      ),
      sql<{ n: number }>`select count(*) as n from channels c where ${where}`.execute(this.db),
    ]);
    return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
  }
}
