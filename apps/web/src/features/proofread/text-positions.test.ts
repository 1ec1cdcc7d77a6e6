import { describe, expect, it } from 'vitest';
import type { Finding } from './proofread.types';
import { applySuggestion, buildSegments, findingRange, lineStarts } from './text-positions';

const finding = (over: Partial<Finding>): Finding => ({
  category: 'typo',
  rule: 'typo/test',
  severity: 'warning',
  line: 1,
  column: 1,
  length: 1,
  excerpt: '',
  message: '测试',
  ...over,
});

describe('text positions', () => {
  it('counts columns in code points, so characters outside the BMP take one column', () => {
    const text = '第一行\n𠀀𠀁的的错';
    const f = finding({ line: 2, column: 3, length: 2, excerpt: '的的' });
    const { start, end } = findingRange(text, lineStarts(text), f);
    expect(text.slice(start, end)).toBe('的的');
  });

  it('applies a suggestion only where the excerpt is still in place', () => {
    const f = finding({ line: 2, column: 2, length: 2, excerpt: 'XX', suggestion: '张三' });
    expect(applySuggestion('标题\n由XX同志负责', f)).toBe('标题\n由张三同志负责');
    expect(applySuggestion('标题\n由某某同志负责', f)).toBeNull();
    expect(applySuggestion('标题\n由XX同志负责', { ...f, suggestion: undefined })).toBeNull();
  });

  it('cuts overlapping findings into segments and keeps empty findings as anchors', () => {
    const segments = buildSegments(10, [
      { start: 2, end: 6 },
      { start: 4, end: 8 },
      { start: 10, end: 10 },
    ]);
    expect(segments.map((s) => [s.start, s.end, s.covering, s.starting])).toEqual([
      [0, 2, [], []],
      [2, 4, [0], [0]],
      [4, 6, [0, 1], [1]],
      [6, 8, [1], []],
      [8, 10, [], []],
      [10, 10, [], [2]],
    ]);
  });
});
