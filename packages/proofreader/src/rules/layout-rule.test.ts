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

  it('leaves 纪要 field lines, subtitles and the spaces of a phrase title alone', () => {
    const text = [
      '铭记伟大胜利　汲取奋进力量',
      '——在全县纪念中国人民抗日战争胜利80周年宣讲报告会上的宣讲',
      '出席：县委宣传部、县委网信办、县教育局、县文旅局有关负责同志',
      '会议听取了各单位汇报。',
    ].join('\n');
    expect(excerpts('layout', text)).toEqual([]);
    // A space inside an ordinary title is still stray.
    expect(excerpts('layout', '某局关于2024年上半年工作的　报告\n正文。')).toEqual(['　']);
  });

  it('leaves padded names in a list, 【】 headings and table rows alone', () => {
    const text = [
      '值守安排',
      '本季度轮值代表：王　芳、李　明、张建国。',
      '【工作动态】区文化馆举办第一季度公共文化服务工作推进会暨业务培训',
      '会议听取了各分馆的工作汇报。',
      '网格值守安排如下：',
      '第一网格（1—6号楼）：网格员王芳，每日巡查2次',
      '第二网格（7—12号楼）：网格员赵磊，每日巡查2次',
    ].join('\n');
    expect(excerpts('layout', text)).toEqual([]);
  });

  it('leaves byline spaces and the spaces of quoted phrase names alone', () => {
    const text = [
      '聚焦“小切口”\u3000讲好“大理论”',
      '宣传部部长\u3000周立群',
      '青川融媒讯（记者\u3000宋晓琳\u3000通讯员\u3000马俊）活动举行。',
      '推出“百年风华\u3000青川印记”系列展览。',
    ].join('\n');
    expect(excerpts('layout', text)).toEqual([]);
    // A space inside a quoted sentence is still stray.
    expect(excerpts('layout', '标题\n他强调，“是中国人民\u3000弥足珍贵的精神财富”。')).toEqual([
      '\u3000',
    ]);
  });
});
