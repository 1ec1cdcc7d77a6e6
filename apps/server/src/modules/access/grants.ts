import type { Actor } from './data-scope';
import { dataScopeLabels, scopeIncludes } from './data-scope';
import type { DataScope } from './data-scope';
import { ALL_PERMISSIONS } from './permissions';

/** What a role grants: its permission codes and its data scope. */
export interface Grant {
  permissions: readonly string[];
  dataScope: DataScope;
}

/**
 * Why the actor may not hand out (or manage) this grant, or null when it may: nobody grants a
 * permission they lack (unless they hold `*:*:*`) or a data scope broader than their own.
 */
export function grantViolation(
  actor: Pick<Actor, 'permissions' | 'dataScope'>,
  grant: Grant,
): string | null {
  if (!scopeIncludes(actor.dataScope, grant.dataScope)) {
    return `数据权限「${dataScopeLabels[grant.dataScope]}」超出了您自己的数据权限`;
  }
  if (actor.permissions.has(ALL_PERMISSIONS)) return null;
  const missing = grant.permissions.filter((p) => !actor.permissions.has(p));
  return missing.length > 0 ? `包含您自己没有的权限：${missing.join('、')}` : null;
}
