import { describe, expect, it } from 'vitest';
import { excerpts, find } from '../../test/helpers';
import { scrambledVariants } from './typo-rule';

describe('typo rule', () => {
  it('flags curated misspellings and idiom errors with the right form', () => {
    const f = find('typo', '及时部暑工作，再接再励，兢兢叶叶。');
    expect(f.map((x) => [x.excerpt, x.suggestion])).toEqual([
      ['部暑', '部署'],
      ['再接再励', '再接再厉'],
      ['兢兢叶叶', '兢兢业业'],
    ]);
  });

  it('respects context exceptions (按排名 is not 按排)', () => {
    expect(excerpts('typo', '按排名顺序公布，按排专人负责。')).toEqual(['按排']);
  });

  it('flags 截止 used for 截至 but not 截止 meaning a deadline', () => {
    expect(excerpts('typo', '截止目前完成12次，截止6月底完成20次。')).toEqual(['截止', '截止']);
    expect(excerpts('typo', '报名于6月30日截止，截止日期不变，截至目前已有30人报名。')).toEqual([]);
  });

  it('flags a year missing 年 before a period word', () => {
    const f = find('typo', '2020上半年，党委开展学习；2021年上半年继续开展。');
    expect(f.map((x) => [x.excerpt, x.suggestion])).toEqual([['2020', '2020年']]);
  });

  it('flags canonical phrases with characters out of order', () => {
    const f = find('typo', '深入学习习近平新时代特色中国社会主义思想，防范形态意识风险。');
    expect(f.map((x) => [x.excerpt, x.suggestion])).toEqual([
      ['习近平新时代特色中国社会主义思想', '习近平新时代中国特色社会主义思想'],
      ['形态意识', '意识形态'],
    ]);
  });

  it('does not flag rotations read across a real occurrence', () => {
    expect(excerpts('typo', '在中国特色社会主义中国化实践中，坚持意识形态意识。')).toEqual([]);
  });

  it('generates block swaps and character swaps', () => {
    const v = scrambledVariants('意识形态');
    expect(v).toContain('形态意识');
    expect(v).toContain('意形识态');
    expect(v).not.toContain('意识形态');
  });

  it('does not correct 急流勇进, a phrase in its own right', () => {
    expect(excerpts('typo', '勇立潮头、急流勇进。')).toEqual([]);
  });

  it('reads 既使…又使, 按排查, 干部暑期, 2024年底 and 截止到 as written', () => {
    const text =
      '既使干部受到教育，又使群众得到实惠。按排查出的问题逐项整改。组织青年干部暑期读书班。2024年底前完成。截止到目前完成12次。';
    expect(excerpts('typo', text)).toEqual([]);
    expect(excerpts('typo', '既使遇到困难，也不能放松。既使遇到困难，绝不放松。')).toEqual([
      '既使',
    ]);
    expect(excerpts('typo', '2024上半年完成，及时部暑工作。')).toEqual(['2024', '部暑']);
  });

  it('corrects 一岗双则', () => {
    expect(find('typo', '落实一岗双则要求。').map((f) => f.suggestion)).toEqual(['一岗双责']);
  });
});
