import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentReadError, readDocument, readDocumentFile } from './document-reader';

// --- a minimal zip writer, so no binary fixtures are committed -------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface ZipInput {
  name: string;
  data: Buffer;
  /** Lie about the uncompressed size in the headers (zip-bomb style). */
  declaredSize?: number;
}

function buildZip(entries: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const compressed = deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
}

function paragraphs(...texts: string[]): string {
  return texts.map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join('');
}

function buildDocx(documentXmlText: string, declaredSize?: number): Buffer {
  return buildZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'word/document.xml', data: Buffer.from(documentXmlText), declaredSize },
  ]);
}

async function expectReadError(
  promise: Promise<unknown>,
  code: string,
): Promise<DocumentReadError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentReadError);
  const e = error as DocumentReadError;
  expect(e.code).toBe(code);
  expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  expect(e.status).toBeGreaterThanOrEqual(400);
  expect(e.status).toBeLessThan(500);
  return e;
}

// --- tests --------------------------------------------------------------------------------

describe('readDocument', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'taizhang-reader-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads UTF-8 text and strips the BOM', async () => {
    const doc = await readDocument(
      Buffer.from('\uFEFF关于2024年上半年意识形态工作的报告\n正文。'),
      'a.txt',
    );
    expect(doc.text.startsWith('关于2024年')).toBe(true);
    expect(doc).toMatchObject({ format: 'txt', encoding: 'utf-8' });
  });

  it('drops Markdown hard-break spaces from .md files and keeps other spaces as written', async () => {
    const source = '集团机关第一党支部  \r\n2024年7月10日\n正文 。 \n';
    const md = await readDocument(Buffer.from(source), 'a.md');
    expect(md.text).toBe('集团机关第一党支部\r\n2024年7月10日\n正文 。 \n');
    const txt = await readDocument(Buffer.from(source), 'a.txt');
    expect(txt.text).toBe(source);
  });

  it('reads GB18030 text saved on Chinese Windows', async () => {
    // “意识形态” in GBK.
    const gbk = Buffer.from([0xd2, 0xe2, 0xca, 0xb6, 0xd0, 0xce, 0xcc, 0xac]);
    const doc = await readDocument(gbk, 'a.md');
    expect(doc).toMatchObject({ text: '意识形态', format: 'md', encoding: 'gb18030' });
  });

  it('rejects an empty file', async () => {
    await expectReadError(readDocument(Buffer.alloc(0), 'empty.txt'), 'DOCUMENT_EMPTY');
    await expectReadError(readDocument(Buffer.from(' \n\u3000\n'), 'blank.txt'), 'DOCUMENT_EMPTY');
    await expectReadError(readDocument(Buffer.alloc(0), 'empty.docx'), 'DOCUMENT_EMPTY');
  });

  it('rejects a binary file posing as text', async () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expectReadError(readDocument(binary, 'photo.txt'), 'DOCUMENT_BINARY');
  });

  it('rejects unsupported types with a hint', async () => {
    const e = await expectReadError(
      readDocument(Buffer.from('x'), 'old.doc'),
      'DOCUMENT_UNSUPPORTED_TYPE',
    );
    expect(e.message).toContain('.docx');
    await expectReadError(
      readDocument(Buffer.from('x'), 'sheet.xlsx'),
      'DOCUMENT_UNSUPPORTED_TYPE',
    );
  });

  it('rejects a 50 MB text file before reading it, and a 50 MB upload', async () => {
    const big = join(dir, 'big.txt');
    await writeFile(big, Buffer.alloc(50 * 1024 * 1024, 0x61));
    const e = await expectReadError(readDocumentFile(big), 'DOCUMENT_TOO_LARGE');
    expect(e.message).toContain('20 MB');
    expect(e.status).toBe(413);
    await expectReadError(
      readDocument(Buffer.alloc(50 * 1024 * 1024, 0x61), 'big.txt'),
      'DOCUMENT_TOO_LARGE',
    );
  });

  it('honours a configured size limit', async () => {
    await expectReadError(
      readDocument(Buffer.from('一二三四五'), 'a.txt', { maxBytes: 4 }),
      'DOCUMENT_TOO_LARGE',
    );
  });

  it('reports a missing file as unreadable', async () => {
    await expectReadError(readDocumentFile(join(dir, 'nope.txt')), 'DOCUMENT_UNREADABLE');
  });

  it('extracts the text of a .docx in a worker', async () => {
    const docx = buildDocx(
      documentXml(paragraphs('某局党组关于2024年上半年意识形态工作的报告', '一、主要工作')),
    );
    const doc = await readDocument(docx, 'report.docx');
    expect(doc.format).toBe('docx');
    expect(doc.text).toContain('某局党组关于2024年上半年意识形态工作的报告');
    expect(doc.text).toContain('一、主要工作');
  });

  it('rejects a broken .docx (not a zip, truncated zip, zip without a document)', async () => {
    await expectReadError(readDocument(Buffer.from('这不是Word文档'), 'fake.docx'), 'DOCX_BROKEN');
    const good = buildDocx(documentXml(paragraphs('正文')));
    await expectReadError(
      readDocument(good.subarray(0, good.length - 30), 'cut.docx'),
      'DOCX_BROKEN',
    );
    const noDocument = buildZip([{ name: 'readme.txt', data: Buffer.from('hello') }]);
    await expectReadError(readDocument(noDocument, 'nodoc.docx'), 'DOCX_BROKEN');
    const garbage = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
      { name: '_rels/.rels', data: Buffer.from(RELS) },
      { name: 'word/document.xml', data: Buffer.from('<w:document><w:body><w:p>') },
    ]);
    await expectReadError(readDocument(garbage, 'garbage.docx'), 'DOCX_BROKEN');
  });

  it('rejects a zip bomb by its compression ratio', async () => {
    const filler = `<w:p><w:r><w:t>${'的'.repeat(1000)}</w:t></w:r></w:p>`.repeat(800);
    const bomb = buildDocx(documentXml(filler));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const e = await expectReadError(readDocument(bomb, 'bomb.docx'), 'DOCX_ZIP_BOMB');
    expect(e.message).toContain('压缩');
  });

  it('rejects a zip bomb that lies about its size', async () => {
    const filler = paragraphs(...Array.from({ length: 2000 }, () => '正文'.repeat(200)));
    const liar = buildDocx(documentXml(filler), 1000);
    await expectReadError(readDocument(liar, 'liar.docx'), 'DOCX_ZIP_BOMB');
  });

  it('rejects too many entries and too much declared content', async () => {
    const many = buildZip(
      Array.from({ length: 30 }, (_, i) => ({ name: `f${i}.xml`, data: Buffer.from('x') })),
    );
    await expectReadError(readDocument(many, 'many.docx', { maxEntries: 10 }), 'DOCX_BROKEN');
    const docx = buildDocx(documentXml(paragraphs('正文')));
    await expectReadError(
      readDocument(docx, 'a.docx', { maxUncompressedBytes: 100 }),
      'DOCX_ZIP_BOMB',
    );
  });

  it('rejects a deeply nested .docx without parsing it', async () => {
    const depth = 20_000;
    const nested = `${'<w:sdt>'.repeat(depth)}${paragraphs('深')}${'</w:sdt>'.repeat(depth)}`;
    const e = await expectReadError(
      readDocument(buildDocx(documentXml(nested)), 'deep.docx'),
      'DOCX_TOO_DEEP',
    );
    expect(e.message).toContain('嵌套');
  });

  it('stops extraction at the time limit', async () => {
    const docx = buildDocx(documentXml(paragraphs('正文')));
    await expectReadError(readDocument(docx, 'slow.docx', { timeoutMs: 1 }), 'DOCX_TIMEOUT');
  });

  it('keeps working after bad inputs', async () => {
    const doc = await readDocument(buildDocx(documentXml(paragraphs('仍然可以解析'))), 'ok.docx');
    expect(doc.text).toContain('仍然可以解析');
  });
});
