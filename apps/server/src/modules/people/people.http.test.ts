import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers/test-app';
import type { TestApp } from '../../../test/helpers/test-app';
import type { TestAgent } from '../../../test/helpers/test-agent';

describe('people and responsibility assignments', () => {
  let t: TestApp;
  let admin: TestAgent;
  let rootId: number;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.ready('admin');
    rootId = (await admin.get('/api/units/tree')).json()[0].id;
  });
  afterAll(async () => t.close());

  it('adds a person to a new unit and finds them by unit, subtree and keyword', async () => {
    const unit = (
      await admin.post('/api/units', { parentId: rootId, name: '融媒体中心党支部', type: '党支部' })
    ).json();
    const created = await admin.post('/api/people', {
      unitId: unit.id,
      name: '欧阳晓岚',
      post: '宣传委员',
      gender: '女',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      unitId: unit.id,
      unitName: '融媒体中心党支部',
      name: '欧阳晓岚',
      post: '宣传委员',
      version: 1,
    });
    expect(
      (await admin.get(`/api/people?unitId=${unit.id}`))
        .json()
        .items.map((p: { name: string }) => p.name),
    ).toEqual(['欧阳晓岚']);
    const subtree = (
      await admin.get(`/api/people?unitId=${rootId}&includeSubunits=true&pageSize=100`)
    ).json();
    expect(subtree.items.some((p: { name: string }) => p.name === '欧阳晓岚')).toBe(true);
    expect(
      (await admin.get(`/api/people?unitId=${rootId}&pageSize=100`))
        .json()
        .items.some((p: { name: string }) => p.name === '欧阳晓岚'),
    ).toBe(false);
    expect(
      (await admin.get(`/api/people?keyword=${encodeURIComponent('晓岚')}`)).json().total,
    ).toBe(1);
  });

  it('updates with optimistic locking and soft-deletes, logging before and after', async () => {
    const person = (
      await admin.post('/api/people', { unitId: rootId, name: '钟意', post: '干事' })
    ).json();
    const updated = await admin.patch(`/api/people/${person.id}`, {
      version: 1,
      post: '宣传部副部长',
    });
    expect(updated.json()).toMatchObject({ post: '宣传部副部长', version: 2 });
    expect(
      (await admin.patch(`/api/people/${person.id}`, { version: 1, post: '旧版本' })).statusCode,
    ).toBe(409);
    expect((await admin.delete(`/api/people/${person.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/people/${person.id}`)).statusCode).toBe(404);
    const log = (
      await admin.get(`/api/logs/operations?entity=person&entityId=${person.id}`)
    ).json();
    expect(log.items.map((i: { action: string }) => i.action)).toEqual([
      'delete',
      'update',
      'create',
    ]);
    expect(log.items[1].before.post).toBe('干事');
    expect(log.items[1].after.post).toBe('宣传部副部长');
  });

  it('assigns responsibilities per year: one 第一责任人, 直接责任人 with 分管领域', async () => {
    const unit = (
      await admin.post('/api/units', {
        parentId: rootId,
        name: '责任分工测试党支部',
        type: '党支部',
      })
    ).json();
    const secretary = (
      await admin.post('/api/people', { unitId: unit.id, name: '赵明远', post: '党支部书记' })
    ).json();
    const member = (
      await admin.post('/api/people', { unitId: unit.id, name: '钱多多', post: '宣传委员' })
    ).json();
    const first = await admin.post('/api/responsibilities', {
      unitId: unit.id,
      personId: secretary.id,
      role: '第一责任人',
      year: 2026,
    });
    expect(first.statusCode).toBe(201);
    const second = await admin.post('/api/responsibilities', {
      unitId: unit.id,
      personId: member.id,
      role: '第一责任人',
      year: 2026,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toContain('已有第一责任人');
    const noAreas = await admin.post('/api/responsibilities', {
      unitId: unit.id,
      personId: member.id,
      role: '直接责任人',
      year: 2026,
    });
    expect(noAreas.json().message).toBe('直接责任人须填写分管领域');
    const direct = await admin.post('/api/responsibilities', {
      unitId: unit.id,
      personId: member.id,
      role: '直接责任人',
      areas: ['宣传教育', '阵地管理'],
      year: 2026,
    });
    expect(direct.json()).toMatchObject({ personName: '钱多多', areas: ['宣传教育', '阵地管理'] });
    const badArea = await admin.post('/api/responsibilities', {
      unitId: unit.id,
      personId: member.id,
      role: '直接责任人',
      areas: ['炒股'],
      year: 2025,
    });
    expect(badArea.statusCode).toBe(400);
    const list = (await admin.get(`/api/responsibilities?unitId=${unit.id}&year=2026`)).json();
    expect(list.items.map((r: { role: string }) => r.role).sort()).toEqual(
      ['直接责任人', '第一责任人'].sort(),
    );
    const otherPerson = (await admin.get('/api/people?keyword=林志远')).json().items[0];
    const wrongUnit = await admin.post('/api/responsibilities', {
      unitId: unit.id,
      personId: otherPerson.id,
      role: '一岗双责',
      year: 2026,
    });
    expect(wrongUnit.json().message).toBe('人员不存在或不属于该单位');

    // Edits carry the version they were made on; a stale one is refused and changes nothing.
    const edited = await admin.patch(`/api/responsibilities/${direct.json().id}`, {
      version: direct.json().version,
      areas: ['宣传教育'],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      areas: ['宣传教育'],
      version: direct.json().version + 1,
    });
    const stale = await admin.patch(`/api/responsibilities/${direct.json().id}`, {
      version: direct.json().version,
      areas: ['阵地管理'],
    });
    expect(stale.statusCode).toBe(409);
    const after = (await admin.get(`/api/responsibilities?unitId=${unit.id}&year=2026`)).json();
    expect(after.items.find((r: { id: number }) => r.id === direct.json().id)?.areas).toEqual([
      '宣传教育',
    ]);
  });
});
