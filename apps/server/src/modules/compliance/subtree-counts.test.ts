import { describe, expect, it } from 'vitest';
import { sumOverSubtrees } from './subtree-counts';

describe('sumOverSubtrees', () => {
  const tree = [
    { id: 1, path: '/1/' },
    { id: 5, path: '/1/5/' },
    { id: 12, path: '/1/5/12/' },
    { id: 13, path: '/1/5/13/' },
    { id: 7, path: '/1/7/' },
    // A sibling whose path shares a prefix with 1's as text, not as a path.
    { id: 15, path: '/1/5/15/' },
  ];
  const own = new Map([
    [1, [1, 100]],
    [5, [2, 200]],
    [12, [3, 300]],
    [13, [4, 400]],
    [7, [5, 500]],
  ]);

  it('sums the marked columns over each unit and everything below it, and keeps the others', () => {
    const result = sumOverSubtrees(tree, own, [true, false]);
    expect(result.get(12)).toEqual([3, 300]);
    expect(result.get(15)).toEqual([0, 0]);
    expect(result.get(5)).toEqual([2 + 3 + 4, 200]);
    expect(result.get(7)).toEqual([5, 500]);
    expect(result.get(1)).toEqual([1 + 2 + 3 + 4 + 5, 100]);
  });

  it('counts a subtree given as a branch (its parent missing) from the branch down', () => {
    const branch = tree.filter((u) => u.path.startsWith('/1/5/'));
    const result = sumOverSubtrees(branch, own, [true, true]);
    expect(result.get(5)).toEqual([9, 900]);
    expect(result.has(1)).toBe(false);
    expect(own.get(5)).toEqual([2, 200]); // the input is left as it was
  });
});
