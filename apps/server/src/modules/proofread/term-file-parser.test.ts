import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error';
import { parseTermFile } from './term-file-parser';
import { readXlsxRows } from './xlsx-rows-reader';

async function workbookBytes(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('词表'));
  workbook.addWorksheet('填写说明').addRow(['说明', '不是词条']);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

function rejection(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('term file parser', () => {
  it('maps columns by header name in any order and accepts Chinese and English labels', () => {
    const tsv = ['备注\t词条\t级别\t类别', '说明\t甲\t警告\t禁用', '\t乙\t\tPreferred'].join(
      '\r\n',
    );
    expect(parseTermFile(Buffer.from(tsv), 'x.tsv')).toEqual([
      {
        row: 2,
        term: '甲',
        category: 'forbidden',
        severity: 'warning',
        suggestion: null,
        note: '说明',
      },
      { row: 3, term: '乙', category: 'preferred', severity: null, suggestion: null, note: null },
    ]);
  });

  it('reads headerless files in template order, skipping blank and # lines', () => {
    const tsv = '# 注释\n\n丙\t慎用\terror\t丁\t备\n';
    expect(parseTermFile(Buffer.from(tsv), 'x.txt')).toEqual([
      {
        row: 3,
        term: '丙',
        category: 'discouraged',
        severity: 'error',
        suggestion: '丁',
        note: '备',
      },
    ]);
  });

  it('decodes UTF-16 (Excel “Unicode 文本”) and GB18030 text files', () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('词条\t类别\n戊\t禁用\n', 'utf16le'),
    ]);
    expect(parseTermFile(utf16, 'x.txt').map((e) => e.term)).toEqual(['戊']);
    const gbk = Buffer.from([0xbc, 0xba, 0x09, 0xbd, 0xfb, 0xd3, 0xc3]); // 己\t禁用 in GB18030
    expect(parseTermFile(gbk, 'x.tsv').map((e) => e.term)).toEqual(['己']);
  });

  it('reports every bad row with its number, and too-long or control-character cells', () => {
    const error = rejection(() =>
      parseTermFile(
        Buffer.from(`${'长'.repeat(101)}\t禁用\n好\t禁用\t\t好\n坏\u0001\t禁用\n`),
        'x.tsv',
      ),
    );
    expect(error.details?.map((d) => d.message)).toEqual([
      '第1行：词条超过 100 个字',
      '第2行：建议与词条相同',
      '第3行：词条包含换行、制表符或控制字符',
    ]);
  });

  it('reads the first sheet of an .xlsx: shared strings, rich text, numbers and formula results', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['词条', '类别', '级别', '建议', '备注']);
      sheet.addRow([
        { richText: [{ text: '富', font: { bold: true } }, { text: '文本&<>' }] },
        '禁用',
        'error',
        '',
        12,
      ]);
      sheet.getCell('A4').value = '隔行';
      sheet.getCell('B4').value = { formula: '"慎"&"用"', result: '慎用' };
    });
    expect(readXlsxRows(bytes, 5)).toEqual([
      { row: 1, cells: ['词条', '类别', '级别', '建议', '备注'] },
      { row: 2, cells: ['富文本&<>', '禁用', 'error', '', '12'] },
      { row: 4, cells: ['隔行', '慎用', '', '', ''] },
    ]);
    expect(parseTermFile(bytes, '词表.xlsx').map((e) => [e.row, e.term, e.category])).toEqual([
      [2, '富文本&<>', 'forbidden'],
      [4, '隔行', 'discouraged'],
    ]);
  });

  it('refuses files that are not term lists with clear messages', () => {
    expect(rejection(() => parseTermFile(Buffer.alloc(0), 'x.tsv')).message).toBe('文件为空');
    expect(rejection(() => parseTermFile(Buffer.from('abc'), 'x.xls')).message).toContain('.xlsx');
    expect(
      rejection(() => parseTermFile(Buffer.from('PK\u0003\u0004junk'), 'x.xlsx')).message,
    ).toContain('Excel 文件无法读取');
    expect(rejection(() => parseTermFile(Buffer.from([1, 0, 2]), 'x.tsv')).message).toContain(
      '二进制',
    );
  });
});
