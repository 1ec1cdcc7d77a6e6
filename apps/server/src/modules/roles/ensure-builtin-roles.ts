import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { RolesRepository } from './roles.repository';
import { builtinRoles } from './builtin-roles';

/** Creates the built-in roles that are missing; returns code → id for all of them. */
export async function ensureBuiltinRoles(
  roles: RolesRepository,
  now: string,
  trx: Kysely<Database>,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const role of builtinRoles) {
    const existing = await roles.findByCode(role.code, trx);
    const id =
      existing?.id ??
      (await roles.insert(
        {
          name: role.name,
          code: role.code,
          data_scope: role.dataScope,
          permissions: JSON.stringify(role.permissions),
          remark: role.remark,
        },
        now,
        true,
        trx,
      ));
    ids.set(role.code, id);
  }
  return ids;
}
