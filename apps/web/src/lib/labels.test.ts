import { describe, expect, it } from 'vitest';
import { fieldLabel } from './labels';

describe('fieldLabel', () => {
  it('labels API field names and database column names alike', () => {
    expect(fieldLabel('unitId')).toBe('所属单位编号');
    expect(fieldLabel('unit_id')).toBe('所属单位编号');
    expect(fieldLabel('sort_order')).toBe('排序');
  });

  it('falls back to the raw name for unknown fields', () => {
    expect(fieldLabel('mystery_field')).toBe('mystery_field');
  });
});
