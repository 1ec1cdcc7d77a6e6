import { describe, expect, it } from 'vitest';
import { isPasswordStrong } from './password-policy';

describe('isPasswordStrong', () => {
  it('accepts 8+ characters from at least three classes', () => {
    expect(isPasswordStrong('Taizhang2026')).toBe(true);
    expect(isPasswordStrong('taizhang@2026')).toBe(true);
    expect(isPasswordStrong('TAIZHANG@zz')).toBe(true);
  });

  it('rejects short passwords even with all four classes', () => {
    expect(isPasswordStrong('Ab1@xyz')).toBe(false);
  });

  it('rejects passwords from only two classes', () => {
    expect(isPasswordStrong('taizhang2026')).toBe(false);
    expect(isPasswordStrong('TAIZHANGabc')).toBe(false);
  });
});
