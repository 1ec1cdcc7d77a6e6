import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database, UnitRow } from '../../../db/schema';
import { isoNow } from '../../../shared/clock';
import type { Actor } from '../../access/data-scope';
import { unitPathInScope } from '../../access/data-scope';
import { hasPermission } from '../../access/permissions';
import { PeopleRepository } from '../../people/people.repository';
import { ResponsibilitiesRepository } from '../../responsibilities/responsibilities.repository';
import { UnitsRepository } from '../../units/units.repository';
import { createdByOf } from '../activities/activities.service';
import type { RefKind } from './interchange.repository';
import type { LedgerKind } from './ledger-format';
import { kindsWithExtra, knownKeys, ledgerKindLabels } from './ledger-format';
import type { LedgerImportDeps } from './ledger-import.service';

export interface ParsedLine {
  line: number;
  kind: LedgerKind;
  id: string;
  value: Record<string, unknown>;
}

export type Resolved<T> = { ok: true; value: T } | { ok: false };

export interface UnitRef {
  id: number;
  path: string;
  depth: number;
  name: string;
}

/** The state of one import: what each file id became, the errors and counts so far. */
export class ImportContext {
  readonly created: Record<LedgerKind, number> = {
    unit: 0,
    person: 0,
    responsibility: 0,
    activity: 0,
    channel: 0,
    incident: 0,
  };
  reused = 0;
  readonly warnings: string[] = [];
  readonly now: string;
  readonly createdBy: number | null;
  readonly units = new Map<string, UnitRef | null>();
  readonly people = new Map<string, { id: number; name: string; unitId: number } | null>();
  readonly takenExternal = new Map<LedgerKind, Set<string>>();
  readonly unitRepo: UnitsRepository;
  readonly peopleRepo: PeopleRepository;
  readonly respRepo: ResponsibilitiesRepository;

  constructor(
    readonly deps: LedgerImportDeps,
    readonly actor: Actor | null,
    readonly trx: Kysely<Database>,
    private readonly errors: string[],
  ) {
    this.now = isoNow(deps.clock);
    this.createdBy = actor ? createdByOf(actor) : null;
    this.unitRepo = new UnitsRepository(trx);
    this.peopleRepo = new PeopleRepository(trx);
    this.respRepo = new ResponsibilitiesRepository(trx);
  }

  fail(line: ParsedLine, message: string): void {
    this.errors.push(`第${line.line}行（${ledgerKindLabels[line.kind]} ${line.id}）：${message}`);
  }

  zodFail(line: ParsedLine, error: z.ZodError): void {
    for (const issue of error.issues) {
      const path = issue.path.map(String).join('.');
      this.fail(line, `${path ? `${path}：` : ''}${issue.message}`);
    }
  }

  can(permission: string): boolean {
    return !this.actor || hasPermission(this.actor.permissions, permission);
  }

  inScope(path: string): boolean {
    return !this.actor || unitPathInScope(this.actor, path);
  }

  async checkExternalIds(lines: ParsedLine[]): Promise<void> {
    const tables = { activity: 'activities', channel: 'channels', incident: 'incidents' } as const;
    for (const kind of ['activity', 'channel', 'incident'] as const) {
      const ids = lines.filter((l) => l.kind === kind).map((l) => l.id);
      this.takenExternal.set(
        kind,
        ids.length > 0
          ? await this.deps.interchange.externalIdsTaken(tables[kind], ids, this.trx)
          : new Set(),
      );
    }
  }

  unknownFields(line: ParsedLine): Record<string, unknown> {
    const known = knownKeys[line.kind];
    const extra: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(line.value))
      if (!known.includes(key)) extra[key] = value;
    if (!kindsWithExtra.has(line.kind)) {
      for (const key of Object.keys(extra))
        this.warnings.push(
          `第${line.line}行：${ledgerKindLabels[line.kind]}没有保存字段「${key}」的位置，已忽略`,
        );
    }
    return extra;
  }

  async dbRef(kind: RefKind, ref: string, prefix: string): Promise<number | undefined> {
    const mapped = await this.deps.interchange.entityOfRef(kind, ref, this.trx);
    if (mapped !== undefined) return mapped;
    const generated = new RegExp(`^${prefix}(\\d+)$`).exec(ref);
    return generated ? Number(generated[1]) : undefined;
  }

  async resolveUnit(line: ParsedLine, ref: string, label = '单位'): Promise<Resolved<UnitRef>> {
    if (this.units.has(ref)) {
      const known = this.units.get(ref);
      if (!known) {
        this.fail(line, `引用的${label}「${ref}」所在行有错误`);
        return { ok: false };
      }
      return { ok: true, value: known };
    }
    const byId = await this.dbRef('unit', ref, 'u');
    let row: UnitRow | undefined =
      byId !== undefined ? await this.deps.interchange.liveUnit(byId, this.trx) : undefined;
    row ??= await this.deps.interchange.liveUnitByName(ref, this.trx);
    if (!row) {
      this.fail(
        line,
        `引用的${label}「${ref}」既不是前面各行定义的编号，也不是系统中已有单位的名称`,
      );
      return { ok: false };
    }
    if (!this.inScope(row.path)) {
      this.fail(line, `无权在单位「${row.name}」导入数据`);
      return { ok: false };
    }
    const value = { id: row.id, path: row.path, depth: row.depth, name: row.name };
    this.units.set(ref, value);
    return { ok: true, value };
  }

  async resolvePerson(
    line: ParsedLine,
    ref: string,
  ): Promise<Resolved<{ id: number; name: string; unitId: number }>> {
    if (this.people.has(ref)) {
      const known = this.people.get(ref);
      if (!known) {
        this.fail(line, `引用的人员「${ref}」所在行有错误`);
        return { ok: false };
      }
      return { ok: true, value: known };
    }
    const byId = await this.dbRef('person', ref, 'p');
    const row =
      byId !== undefined ? await this.deps.interchange.livePerson(byId, this.trx) : undefined;
    const unit = row ? await this.deps.interchange.liveUnit(row.unit_id, this.trx) : undefined;
    if (!row || !unit || !this.inScope(unit.path)) {
      this.fail(line, `引用的人员「${ref}」不是前面各行定义的编号，也不是系统中已有的人员`);
      return { ok: false };
    }
    const value = { id: row.id, name: row.name, unitId: row.unit_id };
    this.people.set(ref, value);
    return { ok: true, value };
  }

  checkNew(line: ParsedLine): boolean {
    if (this.takenExternal.get(line.kind)?.has(line.id)) {
      this.fail(line, `编号「${line.id}」的${ledgerKindLabels[line.kind]}已经导入过，不能重复导入`);
      return false;
    }
    return true;
  }
}
