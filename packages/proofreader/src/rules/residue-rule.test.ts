import { describe, expect, it } from 'vitest';
import { excerpts, find } from '../../test/helpers';

describe('residue rule', () => {
  it('flags sharing, advertising, contact and member-promotion lines as whole lines', () => {
    const text = [
      '上半年开展宣讲8场。',
      '  本资料仅供学习交流使用，禁止外传。',
      '更多范文请关注第一范文网。',
      '代写材料请加微信：abc12345',
      '开通VIP会员即可免费下载全文',
      '第 3 页 共 10 页',
    ].join('\n');
    expect(excerpts('residue', text)).toEqual([
      '本资料仅供学习交流使用，禁止外传。',
      '更多范文请关注第一范文网。',
      '代写材料请加微信：abc12345',
      '开通VIP会员即可免费下载全文',
      '第 3 页 共 10 页',
    ]);
  });

  it('flags template-site URLs but not the unit’s own links', () => {
    const text =
      '参见https://www.doc88.com/p-123.html。本单位网站https://www.example.gov.cn/news发布动态。';
    expect(excerpts('residue', text)).toEqual(['https://www.doc88.com/p-123.html']);
  });

  it('flags fill-in instructions and suggests deleting them', () => {
    const [f] = find('residue', '落款：（此处填写单位全称）');
    expect(f).toMatchObject({ excerpt: '（此处填写单位全称）', suggestion: '' });
  });

  it('leaves ordinary report text alone', () => {
    expect(
      excerpts('residue', '通过微信公众号发布信息120条，举办读书会3期，参与人员150人次。'),
    ).toEqual([]);
  });

  it('keeps a note that gives facts and flags one that instructs the writer', () => {
    expect(excerpts('residue', '共处置网络舆情12起（注：数据统计截至2025年6月30日）。')).toEqual(
      [],
    );
    expect(excerpts('residue', '共开展学习12次（注：可根据实际情况填写）。')).toEqual([
      '（注：可根据实际情况填写）',
    ]);
  });
});
