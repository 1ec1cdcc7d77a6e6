import { describe, expect, it } from 'vitest';
import { excerpts, find } from '../../test/helpers';

describe('punctuation rule', () => {
  it('flags half-width marks in Chinese text with full-width fixes', () => {
    const f = find('punctuation', '召开会议4次,研究部署工作;效果如何?(含线上)');
    expect(f.map((x) => [x.excerpt, x.suggestion])).toEqual([
      [',', '，'],
      [';', '；'],
      ['?', '？'],
      ['(', '（'],
      [')', '）'],
    ]);
  });

  it('leaves numbers, times and English alone', () => {
    expect(excerpts('punctuation', '共1,200册，会议9:30开始，见 Section 2, page 3.')).toEqual([]);
  });

  it('accepts correctly nested book titles and flags wrong nesting', () => {
    expect(excerpts('punctuation', '学习《关于印发〈实施办法〉的通知》。')).toEqual([]);
    expect(excerpts('punctuation', '学习《关于印发《实施办法》的通知》。')).toEqual(['《', '》']);
    expect(
      find('punctuation', '学习《关于印发＜实施办法＞的通知》。').map((x) => x.suggestion),
    ).toEqual(['〈', '〉']);
  });

  it('flags reversed, unbalanced and straight quotes', () => {
    expect(excerpts('punctuation', '开展”青春心向党“活动。')).toEqual(['”', '“']);
    expect(excerpts('punctuation', '开展“青春心向党活动。')).toEqual(['“']);
    expect(find('punctuation', '举办"强国有我"读书会。').map((x) => x.suggestion)).toEqual([
      '“',
      '”',
    ]);
  });

  it('flags mismatched and unclosed brackets', () => {
    expect(find('punctuation', '党委（党组)会议').map((x) => x.suggestion)).toEqual(['）']);
    expect(excerpts('punctuation', '党委（党组会议')).toEqual(['（']);
  });

  it('flags doubled marks and malformed ellipses', () => {
    expect(excerpts('punctuation', '审核稿件，，共180篇。。活动很多......还有…')).toEqual([
      '，，',
      '。。',
      '......',
      '…',
    ]);
    expect(excerpts('punctuation', '学习、宣传、教育……')).toEqual([]);
  });

  it('fixes ordinal punctuation', () => {
    const f = find(
      'punctuation',
      '1、强化领导。\n（一）、完善制度。\n二.加强学习。\n主要有：2、创新形式。\n第1、2季度。',
    );
    expect(f.map((x) => [x.excerpt, x.suggestion])).toEqual([
      ['1、', '1.'],
      ['（一）、', '（一）'],
      ['二.', '二、'],
      ['2、', '2.'],
    ]);
  });

  it('flags a comma inside a 顿号 series of parallel items', () => {
    expect(excerpts('punctuation', '与业务工作同部署、同落实、同检查，同考核。')).toEqual(['，']);
    expect(excerpts('punctuation', '围绕学习、宣传、教育等方面，细化措施，明确分工。')).toEqual([]);
  });

  it('reads citations of items and quotations of several paragraphs as written', () => {
    const text = '按第（一）、（二）项执行。\n他说：“纪律是戒尺。\n“规矩是准绳。”';
    expect(excerpts('punctuation', text)).toEqual([]);
    expect(excerpts('punctuation', '（一）、加强学习\n他说：“纪律是戒尺。\n正文。')).toEqual([
      '（一）、',
      '“',
    ]);
  });
});
