import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { parseStringArray } from '../../shared/json-column';
import type { RolesRepository } from './roles.repository';
import { builtinRoles } from './builtin-roles';

/**
 * Creates the built-in roles that are missing and gives existing ones any default permission
 * a newer release introduced (permissions an admin added are kept; built-in roles always hold
 * their defaults — custom needs get custom roles). Returns code → id for all of them.
 */
export async function ensureBuiltinRoles(
  roles: RolesRepository,
  now: string,
  trx: Kysely<Database>,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const role of builtinRoles) {
    const existing = await roles.findByCode(role.code, trx);
    if (existing) {
      const held = parseStringArray(existing.permissions);
      const missing = role.permissions.filter((p) => !held.includes(p));
      if (missing.length > 0) {
        const permissions = JSON.stringify([...held, ...missing]);
        await roles.update(existing.id, existing.version, { permissions }, now, trx);
      }
      ids.set(role.code, existing.id);
      continue;
    }
    const id = await roles.insert(
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
    );
    ids.set(role.code, id);
  }
  return ids;
}
