import { describe, expect, it } from 'vitest';
import { excerpts, find } from '../../test/helpers';

describe('layout rule', () => {
  it('flags stray spaces between Chinese characters', () => {
    expect(excerpts('layout', '标题\n组织开展 宣传活动，效果　良好。')).toEqual([' ', '　']);
  });

  it('flags full-width digits and letters with half-width fixes', () => {
    const f = find('layout', '标题\n发布信息１２０条，ＡＢ岗制度。');
    expect(f.map((x) => [x.excerpt, x.suggestion])).toEqual([
      ['１２０', '120'],
      ['ＡＢ', 'AB'],
    ]);
  });

  it('flags hard line breaks inside a sentence', () => {
    const text =
      '标题\n通过门户网站和公众号及时发布天气信息和防灾减灾知识，服务群众，\n生产生活。\n加强对干部职工的\n思想引导。';
    expect(excerpts('layout', text)).toEqual(['，', '加强对干部职工的']);
  });

  it('does not flag headings, the title, or signature lines', () => {
    const text =
      '某局关于2024年上半年工作的报告\n一、主要工作\n开展学习。\n某局党组\n2024年7月10日';
    expect(excerpts('layout', text)).toEqual([]);
  });

  it('flags trailing spaces and half-width indentation but not full-width indentation', () => {
    expect(excerpts('layout', '标题\n  正文一。\n　　正文二。 ')).toEqual(['  ', ' ']);
  });
});
