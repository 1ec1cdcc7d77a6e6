import { describe, expect, it } from 'vitest';
import { cadenceText, evidenceText, monthDayText } from './framework-labels';
import type { Requirement } from './framework.types';

const requirement: Requirement = {
  id: 1,
  frameworkId: 1,
  areaId: 1,
  code: 'central-group-study',
  title: '理论学习中心组学习',
  description: '',
  cadence: 'half_year',
  minCount: 3,
  deadlines: [],
  tracking: 'activity',
  evidenceTypes: ['study'],
  evidenceSubtypes: ['中心组学习'],
  requireAttendance: true,
  countScope: 'unit',
  unitTypes: [],
  sortOrder: 0,
  version: 1,
};

describe('framework labels', () => {
  it('states cadence and minimum count in Chinese', () => {
    expect(cadenceText(requirement)).toBe('每半年至少 3 次');
    expect(cadenceText({ cadence: 'event', minCount: 1 })).toBe('按事件');
  });

  it('writes MM-DD deadlines without leading zeros', () => {
    expect(monthDayText('07-15')).toBe('7月15日');
    expect(monthDayText('01-05')).toBe('1月5日');
  });

  it('says which records count as evidence', () => {
    expect(evidenceText(requirement)).toBe('学习（中心组学习），须登记出席');
    expect(evidenceText({ ...requirement, evidenceTypes: [], evidenceSubtypes: [] })).toBe(
      '任何类型，须登记出席',
    );
    expect(evidenceText({ ...requirement, tracking: 'not_tracked' })).toBe('暂不按台账判定');
    expect(evidenceText({ ...requirement, requireAttendance: false, countScope: 'subtree' })).toBe(
      '学习（中心组学习），含下级单位的记录',
    );
  });
});
