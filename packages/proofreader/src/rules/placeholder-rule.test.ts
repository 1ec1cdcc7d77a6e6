import { describe, expect, it } from 'vitest';
import { excerpts, find } from '../../test/helpers';

const check_ = (text: string) => find('placeholder', text);

describe('placeholder rule', () => {
  it('flags XX runs, X月X日, X次 and XXX同志', () => {
    expect(excerpts('placeholder', 'XX党委于X月X日召开会议X次，XXX同志主持。')).toEqual([
      'XX',
      'X',
      'X',
      'X',
      'XXX',
    ]);
  });

  it('flags full-width and × placeholders', () => {
    expect(excerpts('placeholder', 'ＸＸ支部开展活动××次。')).toEqual(['ＸＸ', '××']);
  });

  it('flags 某某 and 某局-style stand-ins but not 某些', () => {
    expect(excerpts('placeholder', '某某同志反映某局存在问题，某些支部已整改。')).toEqual([
      '某某',
      '某局',
    ]);
  });

  it('flags 【…】 and {…} slots and blanks', () => {
    const f = find('placeholder', '报送【单位名称】的材料，负责人{姓名}，电话______。');
    expect(f.map((x) => x.excerpt)).toEqual(['【单位名称】', '{姓名}', '______']);
    expect(f.every((x) => x.severity === 'error')).toBe(true);
  });

  it('does not flag legitimate Latin text', () => {
    expect(
      excerpts('placeholder', '采用XML格式交换数据，安排X光检查，设备型号X1，Xbox除外。'),
    ).toEqual([]);
  });

  it('reports positions per line for CRLF text', () => {
    const [f] = check_('第一行\r\n第二行XX');
    expect(f).toMatchObject({ line: 2, column: 4, excerpt: 'XX' });
  });

  it('reports positions in code points', () => {
    const [f] = find('placeholder', '第一行\n𠀀党委XX');
    expect(f).toMatchObject({ line: 2, column: 4, length: 2, excerpt: 'XX' });
  });

  it('keeps column headings, 1+X, X片 and 某区域, and still flags slots', () => {
    const text =
      '【工作动态】区文化馆举办推进会。\n【活动时间】2025年4月23日\n推进1+X证书制度试点，拍X片复查，人员在某区域聚集。';
    expect(excerpts('placeholder', text)).toEqual([]);
    expect(
      excerpts('placeholder', '【填写单位名称】\n报送材料：【单位名称】责任清单，由某区负责。'),
    ).toEqual(['【填写单位名称】', '【单位名称】', '某区']);
  });
});
