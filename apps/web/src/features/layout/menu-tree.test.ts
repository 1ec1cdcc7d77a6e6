import { describe, expect, it } from 'vitest';
import { findActiveTrail, visibleMenu } from './menu-tree';
import type { MenuEntry } from './menu-tree';

const menu: MenuEntry[] = [
  { key: 'home', label: '工作台', path: '/dashboard' },
  {
    key: 'org',
    label: '组织机构',
    children: [
      { key: 'units', label: '单位管理', path: '/org/units', permission: 'org:unit:list' },
      { key: 'people', label: '人员管理', path: '/org/people', permission: 'org:person:list' },
    ],
  },
  {
    key: 'system',
    label: '系统管理',
    children: [
      { key: 'users', label: '用户管理', path: '/system/users', permission: 'system:user:list' },
    ],
  },
];

describe('visibleMenu', () => {
  it('shows entries whose list permission the user holds and drops empty groups', () => {
    const visible = visibleMenu(menu, (code) => code === 'org:unit:list');
    expect(visible.map((e) => e.key)).toEqual(['home', 'org']);
    expect(visible[1]?.children?.map((e) => e.key)).toEqual(['units']);
  });
});

describe('findActiveTrail', () => {
  it('selects the menu entry of a detail page below it', () => {
    expect(findActiveTrail(menu, '/org/units/12').map((e) => e.key)).toEqual(['org', 'units']);
  });

  it('does not confuse paths that merely share a prefix', () => {
    expect(findActiveTrail(menu, '/org/unitsx')).toEqual([]);
  });
});
