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

  it('keeps a unit’s own services, notices and instructions to its recipients', () => {
    const text = [
      '放射防护咨询电话0573-82012345，政策咨询电话12333。',
      '报送稿件须为可编辑修改的Word文档。本文档为审核记录的补充说明。',
      '本网站原创稿件转载请注明来源，版权归原作者所有。',
      '读者可通过图书馆App免费下载电子图书（仅供个人学习研究使用），更多精品阅读活动见公众号。',
      '扫码关注“青禾图书馆”公众号即可报名；7名职工成为工会会员。',
      '临时电子表格用后删除。请于5月10日前报送（请填写附件1，纸质版和电子版各一份）。',
      '（注：值守表由各网格按实际到岗人数填写，数据统计截至6月30日）',
    ].join('\n');
    expect(excerpts('residue', text)).toEqual([]);
    expect(excerpts('residue', '开展学习（注：此处可根据实际情况修改）。')).toEqual([
      '（注：此处可根据实际情况修改）',
    ]);
  });

  it('points at residue words inside a long paragraph instead of deleting it', () => {
    const long = `${'上半年开展理论学习和宣讲活动，'.repeat(6)}本文档由网友上传，请勿外传。`;
    const [f] = find('residue', long);
    expect(f).toMatchObject({ severity: 'warning', excerpt: '本文档由' });
    expect(f?.suggestion).toBeUndefined();
  });
});
