import { describe, expect, it } from 'vitest';
import { copyCodeUnits } from './code-units';

describe('copyCodeUnits', () => {
  it('copies every UTF-16 code unit, lone surrogates included, and leaves the rest alone', () => {
    const text = '党委𠀀a\uD800b\uDC00，。\n';
    const codes = new Uint16Array(text.length + 3).fill(7);
    expect(copyCodeUnits(text, codes)).toBe(codes);
    const expected = Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
    expect(Array.from(codes.subarray(0, text.length))).toEqual(expected);
    expect(Array.from(codes.subarray(text.length))).toEqual([7, 7, 7]);
  });

  it('copies into a view that starts inside its buffer', () => {
    const text = '意识形态';
    const whole = new Uint16Array(16);
    const view = whole.subarray(5, 5 + text.length);
    copyCodeUnits(text, view);
    expect(String.fromCharCode(...whole.subarray(5, 9))).toBe(text);
    expect(whole[4]).toBe(0);
    expect(whole[9]).toBe(0);
  });

  it('refuses an array that is too short', () => {
    expect(() => copyCodeUnits('党委', new Uint16Array(1))).toThrow(RangeError);
  });
});
