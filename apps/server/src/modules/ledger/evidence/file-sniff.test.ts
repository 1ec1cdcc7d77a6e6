import { describe, expect, it } from 'vitest';
import { checkEvidenceFile, sniffFile } from './file-sniff';
import { zipEntryNames } from './zip-entries';
import { minimalDocx, minimalZip } from '../test/sample-files';

describe('evidence file sniffing', () => {
  it('recognizes images, PDF, Office files and plain text by their bytes', () => {
    expect(sniffFile(Buffer.from('ffd8ffe000104a464946', 'hex')).kind).toBe('jpeg');
    expect(sniffFile(Buffer.from('89504e470d0a1a0a0000', 'hex')).kind).toBe('png');
    expect(sniffFile(Buffer.from('GIF89a....')).kind).toBe('gif');
    expect(sniffFile(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1')).kind).toBe('webp');
    expect(sniffFile(Buffer.from('%PDF-1.7\n')).kind).toBe('pdf');
    expect(sniffFile(minimalDocx()).kind).toBe('docx');
    expect(sniffFile(Buffer.from('会议纪要：\n一、学习传达……\n', 'utf8')).kind).toBe('text');
  });

  it('rejects markup, executables, bare ZIPs and binary junk', () => {
    expect(
      sniffFile(Buffer.from('<!DOCTYPE html><html><script>alert(1)</script>')).kind,
    ).toBeNull();
    expect(
      sniffFile(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')).kind,
    ).toBeNull();
    expect(sniffFile(Buffer.from('MZ\x90\x00\x03', 'latin1')).kind).toBeNull();
    expect(sniffFile(minimalZip({ 'evil.exe': 'x' })).kind).toBeNull();
    expect(sniffFile(Buffer.from([0, 1, 2, 3, 0xff, 0xfe])).kind).toBeNull();
  });

  it('reads the entry names of a ZIP from its central directory', () => {
    expect(zipEntryNames(minimalZip({ 'a.txt': 'A', 'dir/b.xml': '<b/>' }))).toEqual([
      'a.txt',
      'dir/b.xml',
    ]);
    expect(zipEntryNames(Buffer.from('PK\x03\x04broken', 'latin1'))).toBeNull();
  });

  it('accepts a file only when its content matches its extension', () => {
    expect(checkEvidenceFile('照片.JPG', Buffer.from('ffd8ffe0', 'hex'))).toMatchObject({
      ok: true,
      mime: 'image/jpeg',
    });
    const html = checkEvidenceFile('照片.jpg', Buffer.from('<html><body>hi</body></html>'));
    expect(html).toEqual({
      ok: false,
      message: '文件内容与扩展名不符：「照片.jpg」实际是HTML/SVG/XML 标记文本，不能上传',
    });
    expect(checkEvidenceFile('照片.jpg', Buffer.from('%PDF-1.4'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('实际是PDF 文档'),
    });
    expect(checkEvidenceFile('纪要.svg', Buffer.from('<svg/>'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('不支持的文件类型「.svg」'),
    });
    expect(checkEvidenceFile('setup.jpg', Buffer.from('MZ\x90\x00', 'latin1'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('可执行程序'),
    });
  });
});
