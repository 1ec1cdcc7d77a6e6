import { describe, expect, it } from 'vitest';
import { check } from '../index';
import { inferDocumentDate } from './infer-document-date';

describe('inferDocumentDate', () => {
  it('prefers the signature date at the end', () => {
    const r = inferDocumentDate('某局2024年上半年工作总结\n正文。\n某局党组\n2024年7月10日\n');
    expect(r).toMatchObject({ source: 'signature', date: { iso: '2024-07-10' } });
    expect(r.reason).toContain('落款');
  });

  it('reads Chinese-numeral signature dates', () => {
    expect(inferDocumentDate('标题\n正文。\n二〇二四年七月十日').date?.iso).toBe('2024-07-10');
  });

  it('falls back to the reporting period in the title', () => {
    expect(inferDocumentDate('某局2024年上半年意识形态工作自查报告\n正文。')).toMatchObject({
      source: 'title',
      date: { iso: '2024-07-15' },
    });
    expect(inferDocumentDate('某局2023年意识形态工作总结\n正文。').date?.iso).toBe('2024-01-15');
  });

  it('falls back to the most mentioned year, then gives up', () => {
    expect(
      inferDocumentDate('会议纪要\n2022年开展活动，2022年完成任务，2019年以来。').date?.iso,
    ).toBe('2022-12-31');
    expect(inferDocumentDate('会议纪要\n没有日期。')).toMatchObject({ date: null, source: 'none' });
  });

  it('check reports the date used and why, and honours an explicit date', () => {
    expect(check('标题\n正文。\n2024年7月10日')).toMatchObject({
      date: '2024-07-10',
      dateSource: 'signature',
    });
    expect(check('标题', { date: '2020-01-02' })).toMatchObject({
      date: '2020-01-02',
      dateSource: 'option',
    });
    expect(check('标题', { fallbackDate: '2025-03-01' })).toMatchObject({
      date: '2025-03-01',
      dateSource: 'fallback',
    });
    expect(() => check('标题', { date: '2024-02-30' })).toThrow(RangeError);
  });

  it('takes a speech’s date set in brackets under its title', () => {
    const r = inferDocumentDate(
      '在全市宣传思想文化工作会议上的讲话\n（2026年2月12日）\n同志们：2025年工作成效明显，2025年…\n',
    );
    expect(r).toMatchObject({ source: 'signature', date: { iso: '2026-02-12' } });
    expect(r.reason).toContain('标题下');
  });
});
