import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './operation-diff';

describe('diffSnapshots', () => {
  it('lists changed fields first and marks them', () => {
    const rows = diffSnapshots(
      { name: '机关一支部', sortOrder: 1, areas: ['理论学习'] },
      { name: '机关第一党支部', sortOrder: 1, areas: ['理论学习'] },
    );
    expect(rows.map((r) => [r.field, r.changed])).toEqual([
      ['name', true],
      ['sortOrder', false],
      ['areas', false],
    ]);
  });

  it('treats every field of a created record as changed', () => {
    const rows = diffSnapshots(null, { name: '新单位' });
    expect(rows).toEqual([{ field: 'name', before: undefined, after: '新单位', changed: true }]);
  });

  it('ignores snapshots that are not objects', () => {
    expect(diffSnapshots('text', [1, 2])).toEqual([]);
  });
});
