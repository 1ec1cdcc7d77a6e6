import { describe, expect, it } from 'vitest';
import type { Finding } from './proofread.types';
import {
  applySuggestions,
  buildSegments,
  findingKeys,
  findingRange,
  lineStarts,
} from './text-positions';

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
    expect(applySuggestions('标题\n由XX同志负责', [f])).toEqual({
      text: '标题\n由张三同志负责',
      applied: 1,
      skipped: 0,
    });
    expect(applySuggestions('标题\n由某某同志负责', [f])).toMatchObject({ applied: 0, skipped: 1 });
    const none = applySuggestions('标题\n由XX同志负责', [{ ...f, suggestion: undefined }]);
    expect(none).toEqual({ text: '标题\n由XX同志负责', applied: 0, skipped: 0 });
  });

  it('applies many suggestions at once, each only where its excerpt is, one per place', () => {
    const text = '标题\n由XX同志负责，的的确确,落实到位\n𠀀截止目前';
    const xx = finding({ line: 2, column: 2, length: 2, excerpt: 'XX', suggestion: '张三' });
    const comma = finding({ line: 2, column: 13, length: 1, excerpt: ',', suggestion: '，' });
    const cutoff = finding({ line: 3, column: 2, length: 2, excerpt: '截止', suggestion: '截至' });
    // Overlaps the placeholder (starts inside it): left out, whichever order it comes in.
    const overlapping = finding({
      line: 2,
      column: 3,
      length: 3,
      excerpt: 'X同志',
      suggestion: '',
    });
    // Its place no longer reads the excerpt.
    const moved = finding({ line: 2, column: 8, length: 2, excerpt: '的的', suggestion: '的' });
    const noSuggestion = finding({ line: 1, column: 1, length: 2, excerpt: '标题' });
    const result = applySuggestions(text, [
      cutoff,
      overlapping,
      comma,
      noSuggestion,
      moved,
      xx,
      { ...comma, rule: 'punctuation/other' },
    ]);
    expect(result).toEqual({
      text: '标题\n由张三同志负责，的的确确，落实到位\n𠀀截至目前',
      applied: 3,
      skipped: 2,
    });
    // Two insertions at the same point: only the first is made.
    const a = finding({ line: 1, column: 5, length: 0, excerpt: '', suggestion: '年' });
    const b = finding({ line: 1, column: 5, length: 0, excerpt: '', suggestion: '月' });
    expect(applySuggestions('2020上半年', [a, b])).toEqual({
      text: '2020年上半年',
      applied: 1,
      skipped: 1,
    });
    expect(applySuggestions(text, [])).toEqual({ text, applied: 0, skipped: 0 });
  });

  it('keys findings by rule, excerpt, nearby text and occurrence, not by position', () => {
    const text = '标题\nXX同志负责宣传思想文化工作，，网络安全和信息化工作由XX同志负责。';
    const f = finding({ line: 2, column: 1, length: 2, excerpt: 'XX' });
    const g = finding({ line: 2, column: 28, length: 2, excerpt: 'XX' });
    const before = findingKeys(text, [f, g]);
    expect(new Set(before).size).toBe(2);
    // A line inserted above and a fix elsewhere in the paragraph move them; the keys stay.
    const edited = '标题\n新增一行\nXX同志负责宣传思想文化工作，网络安全和信息化工作由XX同志负责。';
    expect(
      findingKeys(edited, [
        { ...f, line: 3 },
        { ...g, line: 3, column: 27 },
      ]),
    ).toEqual(before);
    // Same excerpt and context twice: told apart by occurrence.
    const twice = findingKeys('由XX同志负责，由XX同志负责', [
      { ...f, line: 1, column: 2 },
      { ...g, line: 1, column: 10 },
    ]);
    expect(new Set(twice).size).toBe(2);
    // Another rule on the same excerpt, or an edit right next to it, is another key.
    expect(findingKeys(text, [{ ...f, rule: 'placeholder/other' }])[0]).not.toBe(before[0]);
    expect(findingKeys(text.replace('XX同志负责宣传', 'XX书记负责宣传'), [f])[0]).not.toBe(
      before[0],
    );
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
