import type { Db } from '../db/database';
import type { Clock } from '../shared/clock';
import { isoNow } from '../shared/clock';
import { hashPassword } from '../modules/auth/password';
import { AuditRepository } from '../modules/audit/audit.repository';
import { PeopleRepository } from '../modules/people/people.repository';
import { ResponsibilitiesRepository } from '../modules/responsibilities/responsibilities.repository';
import { RolesRepository } from '../modules/roles/roles.repository';
import { ensureBuiltinRoles } from '../modules/roles/ensure-builtin-roles';
import { UnitsRepository } from '../modules/units/units.repository';
import { UsersRepository } from '../modules/users/users.repository';
import {
  DEMO_PASSWORD,
  DEMO_ROOT_UNIT,
  demoPeople,
  demoResponsibilities,
  demoUnits,
  demoUsers,
} from './demo-organization';

export interface SeedResult {
  created: boolean;
  rootUnitId: number;
}

/**
 * Creates the demo organization, people, responsibilities and accounts in one transaction.
 * Idempotent: when the demo root unit exists already, nothing is written.
 */
export async function seedDemo(
  db: Db,
  clock: Clock,
  year = clock.now().getUTCFullYear(),
): Promise<SeedResult> {
  const units = new UnitsRepository(db.kysely);
  const existing = await units.findLiveByName(DEMO_ROOT_UNIT);
  if (existing) return { created: false, rootUnitId: existing.id };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = isoNow(clock);
  const rootUnitId = await db.kysely.transaction().execute(async (trx) => {
    const roleIds = await ensureBuiltinRoles(new RolesRepository(trx), now, trx);
    const unitRepo = new UnitsRepository(trx);
    const unitIds = new Map<string, { id: number; path: string; depth: number }>();
    for (const unit of demoUnits) {
      const parent = unit.parent ? (unitIds.get(unit.parent) ?? null) : null;
      const id = await unitRepo.insert(
        {
          parent,
          name: unit.name,
          type: unit.type,
          sort_order: unitIds.size,
          remark: '',
          created_by: null,
        },
        now,
        trx,
      );
      const row = await unitRepo.findLive(id, trx);
      if (!row) throw new Error('demo unit vanished');
      unitIds.set(unit.key, { id, path: row.path, depth: row.depth });
    }
    const unitId = (key: string) => {
      const found = unitIds.get(key);
      if (!found) throw new Error(`unknown demo unit ${key}`);
      return found.id;
    };
    const peopleRepo = new PeopleRepository(trx);
    const personIds = new Map<string, number>();
    for (const person of demoPeople) {
      const id = await peopleRepo.insert(
        {
          unit_id: unitId(person.unit),
          name: person.name,
          post: person.post,
          gender: person.gender,
          phone: null,
          remark: '',
        },
        null,
        now,
        trx,
      );
      personIds.set(person.key, id);
    }
    const respRepo = new ResponsibilitiesRepository(trx);
    for (const r of demoResponsibilities) {
      const personId = personIds.get(r.person);
      if (!personId) throw new Error(`unknown demo person ${r.person}`);
      for (const y of [year - 1, year]) {
        await respRepo.insert(
          {
            unit_id: unitId(r.unit),
            person_id: personId,
            role: r.role,
            areas: JSON.stringify(r.areas),
            year: y,
          },
          null,
          now,
          trx,
        );
      }
    }
    const userRepo = new UsersRepository(trx);
    for (const user of demoUsers) {
      const id = await userRepo.insert(
        {
          username: user.username,
          display_name: user.displayName,
          password_hash: passwordHash,
          unit_id: unitId(user.unit),
          must_change_password: true,
        },
        now,
        trx,
      );
      const roleId = roleIds.get(user.role);
      if (!roleId) throw new Error(`unknown role ${user.role}`);
      await userRepo.setRoles(id, [roleId], trx);
    }
    await new AuditRepository(trx).insertOperation({
      userId: null,
      username: 'system',
      action: 'import',
      entity: 'demo',
      entityId: null,
      summary: `创建演示组织「${DEMO_ROOT_UNIT}」`,
      before: null,
      after: { units: demoUnits.length, people: demoPeople.length, users: demoUsers.length },
      ip: '127.0.0.1',
      createdAt: now,
    });
    return unitId('root');
  });
  return { created: true, rootUnitId };
}
