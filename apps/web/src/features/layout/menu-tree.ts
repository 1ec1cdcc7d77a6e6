import type { ReactNode } from 'react';

export interface MenuEntry {
  key: string;
  label: string;
  icon?: ReactNode;
  /** Path of a leaf entry; groups have children instead. */
  path?: string;
  /** The `…:list` permission that makes a leaf visible; none means every signed-in user. */
  permission?: string;
  testId?: string;
  children?: MenuEntry[];
}

/** The menu entries the user may see; groups without visible children disappear. */
export function visibleMenu(entries: MenuEntry[], can: (code: string) => boolean): MenuEntry[] {
  const result: MenuEntry[] = [];
  for (const entry of entries) {
    if (entry.children) {
      const children = visibleMenu(entry.children, can);
      if (children.length > 0) result.push({ ...entry, children });
    } else if (!entry.permission || can(entry.permission)) {
      result.push(entry);
    }
  }
  return result;
}

/** The leaf whose path is the longest prefix of the pathname, with its ancestors. */
export function findActiveTrail(entries: MenuEntry[], pathname: string): MenuEntry[] {
  let best: MenuEntry[] = [];
  const walk = (list: MenuEntry[], trail: MenuEntry[]) => {
    for (const entry of list) {
      const next = [...trail, entry];
      if (entry.children) walk(entry.children, next);
      else if (
        entry.path &&
        (pathname === entry.path || pathname.startsWith(`${entry.path}/`)) &&
        entry.path.length > (best.at(-1)?.path?.length ?? 0)
      ) {
        best = next;
      }
    }
  };
  walk(entries, []);
  return best;
}
