import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers/test-app';
import type { TestApp } from '../../../test/helpers/test-app';
import type { TestAgent } from '../../../test/helpers/test-agent';
import { DEMO_ROOT_UNIT } from '../../demo/demo-organization';

interface TreeNode {
  id: number;
  name: string;
  children: TreeNode[];
}

function findNode(nodes: TreeNode[], name: string): TreeNode | undefined {
  for (const node of nodes) {
    if (node.name === name) return node;
    const found = findNode(node.children, name);
    if (found) return found;
  }
  return undefined;
}

describe('units', () => {
  let t: TestApp;
  let admin: TestAgent;
  let rootId: number;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.ready('admin');
    const tree = (await admin.get('/api/units/tree')).json() as TreeNode[];
    rootId = tree[0]!.id;
  });
  afterAll(async () => t.close());

  it('shows the demo organization as one tree under the 党委', async () => {
    const tree = (await admin.get('/api/units/tree')).json() as TreeNode[];
    expect(tree).toHaveLength(1);
    expect(tree[0]?.name).toBe(DEMO_ROOT_UNIT);
    expect(findNode(tree, '青川客运中心站党支部')).toBeDefined();
  });

  it('creates a unit under the 党委, logs the operation and shows it in the tree', async () => {
    const created = await admin.post('/api/units', {
      parentId: rootId,
      name: '新媒体中心党支部',
      type: '党支部',
    });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    expect(unit).toMatchObject({
      name: '新媒体中心党支部',
      parentId: rootId,
      parentName: DEMO_ROOT_UNIT,
      version: 1,
      childCount: 0,
      peopleCount: 0,
    });
    const tree = (await admin.get('/api/units/tree')).json() as TreeNode[];
    expect(findNode(tree, '新媒体中心党支部')?.id).toBe(unit.id);
    const log = (await admin.get(`/api/logs/operations?entity=unit&entityId=${unit.id}`)).json();
    expect(log.items[0]).toMatchObject({ action: 'create', entity: 'unit', username: 'admin' });
    expect(log.items[0].after).toMatchObject({ name: '新媒体中心党支部' });
  });

  it('returns 409 with a Chinese message when an update carries a stale version', async () => {
    const unit = (
      await admin.post('/api/units', { parentId: rootId, name: '乐观锁测试党支部', type: '党支部' })
    ).json();
    const first = await admin.patch(`/api/units/${unit.id}`, {
      version: unit.version,
      remark: '第一次修改',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(unit.version + 1);
    const stale = await admin.patch(`/api/units/${unit.id}`, {
      version: unit.version,
      remark: '基于旧版本的修改',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'VERSION_CONFLICT',
      message: '数据已被他人修改，请刷新后重试',
    });
    expect((await admin.get(`/api/units/${unit.id}`)).json().remark).toBe('第一次修改');
    const log = (
      await admin.get(`/api/logs/operations?entity=unit&entityId=${unit.id}&action=update`)
    ).json();
    expect(log.total).toBe(1);
    expect(log.items[0].before.remark).toBe('');
    expect(log.items[0].after.remark).toBe('第一次修改');
  });

  it('moves a unit with its subtree and refuses to move it under itself', async () => {
    const parent = (
      await admin.post('/api/units', { parentId: rootId, name: '移动测试党总支', type: '党总支' })
    ).json();
    const child = (
      await admin.post('/api/units', {
        parentId: parent.id,
        name: '移动测试党支部',
        type: '党支部',
      })
    ).json();
    const list = (await admin.get('/api/units?keyword=集团机关党总支')).json();
    const target = list.items[0];
    const moved = await admin.patch(`/api/units/${parent.id}`, {
      version: parent.version,
      parentId: target.id,
    });
    expect(moved.statusCode).toBe(200);
    const tree = (await admin.get('/api/units/tree')).json() as TreeNode[];
    expect(findNode(findNode(tree, '集团机关党总支')!.children, '移动测试党支部')?.id).toBe(
      child.id,
    );
    const loop = await admin.patch(`/api/units/${parent.id}`, {
      version: moved.json().version,
      parentId: child.id,
    });
    expect(loop.statusCode).toBe(409);
  });

  it('soft-deletes an empty unit and refuses one with sub-units', async () => {
    const withChild = (await admin.get('/api/units?keyword=客运分公司党总支')).json().items[0];
    const refused = await admin.delete(`/api/units/${withChild.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('下级单位');
    const empty = (
      await admin.post('/api/units', { parentId: rootId, name: '待删除党支部', type: '党支部' })
    ).json();
    expect((await admin.delete(`/api/units/${empty.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/units/${empty.id}`)).statusCode).toBe(404);
    const row = await t.db.kysely
      .selectFrom('units')
      .select('deleted_at')
      .where('id', '=', empty.id)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
  });

  it('lists with search, type filter, sort and pagination', async () => {
    const page1 = (await admin.get('/api/units?type=党支部&pageSize=2&page=1&sort=name')).json();
    const page2 = (await admin.get('/api/units?type=党支部&pageSize=2&page=2&sort=name')).json();
    expect(page1.total).toBe(page2.total);
    expect(page1.items).toHaveLength(2);
    expect(page1.items.every((u: { type: string }) => u.type === '党支部')).toBe(true);
    expect(page1.items[0].id).not.toBe(page2.items[0].id);
    const names = page1.items.map((u: { name: string }) => u.name);
    expect([...names].sort()).toEqual(names);
    expect((await admin.get('/api/units?keyword=%25')).json().total).toBe(0);
  });
});
