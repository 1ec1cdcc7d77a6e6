/** Data scope of a role, as RuoYi-style systems name them. */
export const dataScopes = ['all', 'unit_and_below', 'unit', 'self'] as const;
export type DataScope = (typeof dataScopes)[number];

export const dataScopeLabels: Record<DataScope, string> = {
  all: '全部',
  unit_and_below: '本单位及下级',
  unit: '本单位',
  self: '仅本人',
};

const breadth: Record<DataScope, number> = { all: 3, unit_and_below: 2, unit: 1, self: 0 };

/** A user with several roles gets the broadest of their scopes. */
export function broadestScope(scopes: readonly DataScope[]): DataScope {
  return scopes.reduce<DataScope>((best, s) => (breadth[s] > breadth[best] ? s : best), 'self');
}

export function scopeIncludes(outer: DataScope, inner: DataScope): boolean {
  return breadth[outer] >= breadth[inner];
}

/** The authenticated user acting on a request; services take it for every scoped operation. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  unitId: number;
  /** Materialized path of the user's unit, e.g. `/1/4/`. */
  unitPath: string;
  dataScope: DataScope;
  permissions: ReadonlySet<string>;
  ip: string;
}

/** Exclusive upper bound for a path prefix: every descendant path p has prefix <= p < bound. */
export function pathUpperBound(prefix: string): string {
  // Paths are `/id/id/`; '0' is the code point after '/', so `/1/5/` → `/1/50`.
  return `${prefix.slice(0, -1)}0`;
}

export function isPathWithin(path: string, prefix: string): boolean {
  return path.startsWith(prefix);
}

/**
 * Whether a unit (by its path) is inside the actor's scope. `self` sees only the user's own
 * unit as a unit; rows the user created are handled by each repository.
 */
export function unitPathInScope(actor: Actor, unitPath: string): boolean {
  switch (actor.dataScope) {
    case 'all':
      return true;
    case 'unit_and_below':
      return isPathWithin(unitPath, actor.unitPath);
    case 'unit':
    case 'self':
      return unitPath === actor.unitPath;
  }
}
