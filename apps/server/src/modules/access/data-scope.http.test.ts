import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGED_PASSWORD, createTestApp } from '../../../test/helpers/test-app';
import type { TestApp } from '../../../test/helpers/test-app';
import type { TestAgent } from '../../../test/helpers/test-agent';

// jiguan1 is a 台账专员 of 集团机关第一党支部 with data scope 本单位; keyun leads 客运分公司党总支
// with scope 本单位及下级. Neither may reach the other's units, people or assignments.
describe('data scope across units (every endpoint, via HTTP)', () => {
  let t: TestApp;
  let admin: TestAgent;
  let clerk: TestAgent;
  let ids: {
    ownUnit: number;
    otherUnit: number;
    otherPerson: number;
    ownPerson: number;
    otherResp: number;
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.ready('admin');
    clerk = await t.ready('jiguan1');
    const unitId = async (name: string) =>
      (await admin.get(`/api/units?keyword=${encodeURIComponent(name)}`)).json().items[0]
        .id as number;
    const ownUnit = await unitId('集团机关第一党支部');
    const otherUnit = await unitId('青川客运中心站党支部');
    const personOf = async (unit: number) =>
      (await admin.get(`/api/people?unitId=${unit}`)).json().items[0].id as number;
    const resp = (await admin.get(`/api/responsibilities?unitId=${otherUnit}`)).json().items[0]
      .id as number;
    ids = {
      ownUnit,
      otherUnit,
      otherPerson: await personOf(otherUnit),
      ownPerson: await personOf(ownUnit),
      otherResp: resp,
    };
  });
  afterAll(async () => t.close());

  it('a 党支部 clerk sees only its own unit in the tree and lists', async () => {
    const tree = (await clerk.get('/api/units/tree')).json();
    expect(tree).toHaveLength(1);
    expect(tree[0]).toMatchObject({ id: ids.ownUnit, children: [] });
    const units = (await clerk.get('/api/units')).json();
    expect(units.items.map((u: { id: number }) => u.id)).toEqual([ids.ownUnit]);
    const people = (await clerk.get('/api/people?pageSize=100')).json();
    expect(people.total).toBeGreaterThan(0);
    expect(people.items.every((p: { unitId: number }) => p.unitId === ids.ownUnit)).toBe(true);
    const resps = (await clerk.get('/api/responsibilities')).json();
    expect(resps.items.every((r: { unitId: number }) => r.unitId === ids.ownUnit)).toBe(true);
  });

  it('cannot list, read, create in, update or delete another unit’s people', async () => {
    expect((await clerk.get(`/api/people?unitId=${ids.otherUnit}`)).statusCode).toBe(404);
    expect((await clerk.get(`/api/people/${ids.otherPerson}`)).statusCode).toBe(404);
    expect(
      (await clerk.post('/api/people', { unitId: ids.otherUnit, name: '越权人员' })).statusCode,
    ).toBe(400);
    expect(
      (await clerk.patch(`/api/people/${ids.otherPerson}`, { version: 1, name: '篡改' }))
        .statusCode,
    ).toBe(404);
    expect((await clerk.delete(`/api/people/${ids.otherPerson}`)).statusCode).toBe(404);
    const untouched = (await admin.get(`/api/people/${ids.otherPerson}`)).json();
    expect(untouched.name).not.toBe('篡改');
    expect((await clerk.get(`/api/people/${ids.ownPerson}`)).statusCode).toBe(200);
  });

  it('cannot read, create, update or delete another unit’s responsibility assignments', async () => {
    expect((await clerk.get(`/api/responsibilities?unitId=${ids.otherUnit}`)).json().items).toEqual(
      [],
    );
    expect(
      (
        await clerk.post('/api/responsibilities', {
          unitId: ids.otherUnit,
          personId: ids.otherPerson,
          role: '一岗双责',
          areas: [],
          year: 2026,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await clerk.patch(`/api/responsibilities/${ids.otherResp}`, {
          version: 1,
          role: '一岗双责',
        })
      ).statusCode,
    ).toBe(404);
    expect((await clerk.delete(`/api/responsibilities/${ids.otherResp}`)).statusCode).toBe(404);
    expect(
      (await admin.get(`/api/responsibilities?unitId=${ids.otherUnit}`)).json().items.length,
    ).toBeGreaterThan(0);
  });

  it('a 党总支 leader sees its subtree but not its sibling branch, and cannot write without the permission', async () => {
    const leader = await t.ready('keyun');
    const tree = (await leader.get('/api/units/tree')).json();
    expect(tree).toHaveLength(1);
    expect(tree[0].name).toBe('客运分公司党总支');
    expect(tree[0].children.map((c: { name: string }) => c.name).sort()).toEqual(
      ['运营调度中心党支部', '青川客运中心站党支部'].sort(),
    );
    expect((await leader.get(`/api/units/${ids.otherUnit}`)).statusCode).toBe(200);
    expect((await leader.get(`/api/units/${ids.ownUnit}`)).statusCode).toBe(404);
    expect(
      (
        await leader.post('/api/units', {
          parentId: ids.otherUnit,
          name: '未授权党支部',
          type: '党支部',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('a unit admin with 本单位及下级 scope cannot reach units outside its subtree', async () => {
    // Give keyunzhan's clerk account the 单位管理员 role scoped to its own 党支部 subtree.
    const users = (await admin.get('/api/users?keyword=keyunzhan')).json();
    const user = users.items[0];
    const roles = (await admin.get('/api/roles')).json().items as { id: number; code: string }[];
    const unitAdmin = roles.find((r) => r.code === 'unit_admin')!;
    expect(
      (
        await admin.patch(`/api/users/${user.id}`, {
          version: user.version,
          roleIds: [unitAdmin.id],
        })
      ).statusCode,
    ).toBe(200);
    const scoped = await t.ready('keyunzhan');
    expect((await scoped.get(`/api/units/${ids.ownUnit}`)).statusCode).toBe(404);
    expect(
      (await scoped.patch(`/api/units/${ids.ownUnit}`, { version: 1, remark: '越权' })).statusCode,
    ).toBe(404);
    expect((await scoped.delete(`/api/units/${ids.ownUnit}`)).statusCode).toBe(404);
    expect(
      (
        await scoped.post('/api/units', {
          parentId: ids.ownUnit,
          name: '越权新增党支部',
          type: '党支部',
        })
      ).statusCode,
    ).toBe(400);
    const created = await scoped.post('/api/units', {
      parentId: ids.otherUnit,
      name: '客运站第一党小组',
      type: '其他',
    });
    expect(created.statusCode).toBe(201);
  });
  // Runs last: it changes jiguan1's role.
  it('cannot read, update or delete another unit, even with every unit permission', async () => {
    expect((await clerk.get(`/api/units/${ids.otherUnit}`)).statusCode).toBe(404);
    // A 支部管理员 role: all unit permissions, data scope 本单位.
    const role = await admin.post('/api/roles', {
      name: '支部管理员',
      code: 'branch_admin',
      dataScope: 'unit',
      permissions: [
        'org:unit:list',
        'org:unit:add',
        'org:unit:edit',
        'org:unit:remove',
        'org:person:list',
      ],
    });
    expect(role.statusCode).toBe(201);
    const user = (await admin.get('/api/users?keyword=jiguan1')).json().items[0];
    expect(
      (
        await admin.patch(`/api/users/${user.id}`, {
          version: user.version,
          roleIds: [role.json().id],
        })
      ).statusCode,
    ).toBe(200);
    const branchAdmin = await t.login('jiguan1', CHANGED_PASSWORD);
    const other = (await admin.get(`/api/units/${ids.otherUnit}`)).json();
    expect((await branchAdmin.get(`/api/units/${ids.otherUnit}`)).statusCode).toBe(404);
    expect(
      (
        await branchAdmin.patch(`/api/units/${ids.otherUnit}`, {
          version: other.version,
          remark: '越权修改',
        })
      ).statusCode,
    ).toBe(404);
    expect((await branchAdmin.delete(`/api/units/${ids.otherUnit}`)).statusCode).toBe(404);
    expect(
      (
        await branchAdmin.post('/api/units', {
          parentId: ids.otherUnit,
          name: '越权下级党小组',
          type: '其他',
        })
      ).statusCode,
    ).toBe(400);
    const after = (await admin.get(`/api/units/${ids.otherUnit}`)).json();
    expect(after).toMatchObject({
      version: other.version,
      remark: other.remark,
      childCount: other.childCount,
    });
    const own = (await branchAdmin.get(`/api/units/${ids.ownUnit}`)).json();
    expect(
      (
        await branchAdmin.patch(`/api/units/${ids.ownUnit}`, {
          version: own.version,
          remark: '本支部备注',
        })
      ).statusCode,
    ).toBe(200);
  });
});
