import { describe, expect, it } from 'vitest';
import { officialDocumentFromText, renderDocx } from '../src/index';
import { paragraphContaining, readDocx, textOf } from './docx-xml';

const DRAFT = [
  '',
  '集团机关第一党支部',
  '关于2024年上半年意识形态工作的报告',
  '',
  '集团公司党委：',
  '　　今年以来，支部认真落实意识形态工作责任制，现将有关情况报告如下。',
  '一、主要工作',
  '（一）强化组织领导。支部委员会专题研究意识形态工作2次。',
  '（二）加强理论学习',
  '1.集中学习。开展集中学习6次，参学率98.5%。',
  '1.5万人次参加网上答题活动。',
  '2.2025年下半年学习安排',
  '(1)线上学习。',
  '二、存在的问题',
  '',
  '集团机关第一党支部',
  '2024年7月10日',
  '',
].join('\r\n');

describe('officialDocumentFromText', () => {
  it('reads the title, recipient, headings with run-in bodies, signature and date', () => {
    expect(officialDocumentFromText(DRAFT)).toEqual({
      title: '集团机关第一党支部\n关于2024年上半年意识形态工作的报告',
      recipient: '集团公司党委：',
      blocks: [
        {
          kind: 'paragraph',
          text: '今年以来，支部认真落实意识形态工作责任制，现将有关情况报告如下。',
        },
        { kind: 'heading', level: 1, number: '一、', text: '主要工作' },
        {
          kind: 'heading',
          level: 2,
          number: '（一）',
          text: '强化组织领导。',
          body: '支部委员会专题研究意识形态工作2次。',
        },
        { kind: 'heading', level: 2, number: '（二）', text: '加强理论学习' },
        {
          kind: 'heading',
          level: 3,
          number: '1.',
          text: '集中学习。',
          body: '开展集中学习6次，参学率98.5%。',
        },
        // A decimal at the start of a line is not an ordinal.
        { kind: 'paragraph', text: '1.5万人次参加网上答题活动。' },
        { kind: 'heading', level: 3, number: '2.', text: '2025年下半年学习安排' },
        { kind: 'heading', level: 4, number: '(1)', text: '线上学习。' },
        { kind: 'heading', level: 1, number: '二、', text: '存在的问题' },
      ],
      signature: '集团机关第一党支部',
      date: '2024-07-10',
    });
  });

  it('falls back to the given title when the text starts with prose, and keeps a bad date as text', () => {
    const doc = officialDocumentFromText(
      '今年以来，支部认真落实责任制。\n存在的问题较多，需要整改。\n2024年2月30日',
      '支部报告',
    );
    expect(doc.title).toBe('支部报告');
    expect(doc.recipient).toBeUndefined();
    expect(doc.signature).toBeUndefined();
    expect(doc.date).toBeUndefined();
    expect(doc.blocks.map((b) => b.kind === 'paragraph' && b.text)).toEqual([
      '今年以来，支部认真落实责任制。',
      '存在的问题较多，需要整改。',
      '2024年2月30日',
    ]);
  });

  it('reads an item that starts with a month as a heading', () => {
    const doc = officialDocumentFromText('纪要\n\n1.11月底前完成方案。\n2.每月巡查1次。');
    expect(doc.blocks.map((b) => b.kind === 'heading' && b.number)).toEqual(['1.', '2.']);
  });

  it('does not take a lead-in line (…如下：) for the 主送机关', () => {
    const doc = officialDocumentFromText('工作报告\n\n现将有关情况报告如下：\n一、主要工作');
    expect(doc.recipient).toBeUndefined();
    expect(doc.blocks[0]).toEqual({ kind: 'paragraph', text: '现将有关情况报告如下：' });
  });

  it('takes a date without a signature when the line before it is prose', () => {
    const doc = officialDocumentFromText('标题\n\n正文第一段。\n2025年1月5日');
    expect(doc).toMatchObject({ title: '标题', date: '2025-01-05' });
    expect(doc.signature).toBeUndefined();
    expect(doc.blocks).toEqual([{ kind: 'paragraph', text: '正文第一段。' }]);
  });

  it('renders to a .docx in the official layout', async () => {
    const { document } = await readDocx(await renderDocx(officialDocumentFromText(DRAFT)));
    expect(textOf(paragraphContaining(document, '主要工作'))).toBe('一、主要工作');
    expect(textOf(paragraphContaining(document, '强化组织领导'))).toBe(
      '（一）强化组织领导。支部委员会专题研究意识形态工作2次。',
    );
    expect(textOf(paragraphContaining(document, '7月10日'))).toBe('2024年7月10日');
  });
});
