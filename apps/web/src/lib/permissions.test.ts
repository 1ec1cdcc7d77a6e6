import { describe, expect, it } from 'vitest';
import { hasPermission } from './permissions';

describe('hasPermission', () => {
  it('grants everything to the *:*:* wildcard', () => {
    expect(hasPermission(['*:*:*'], 'org:unit:add')).toBe(true);
  });

  it('matches exact codes only', () => {
    expect(hasPermission(['org:unit:list'], 'org:unit:list')).toBe(true);
    expect(hasPermission(['org:unit:list'], 'org:unit:add')).toBe(false);
  });

  it('lets a * segment stand for any value of that segment', () => {
    expect(hasPermission(['org:unit:*'], 'org:unit:remove')).toBe(true);
    expect(hasPermission(['org:unit:*'], 'org:person:remove')).toBe(false);
  });
});
