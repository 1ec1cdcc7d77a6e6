// Worker thread: vets word/document.xml (size, nesting depth) and extracts text with mammoth.
// Plain JavaScript so it runs in a worker without the TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';

/** Maximum element nesting depth of an XML string (tags only; comments/PIs/CDATA skipped). */
function xmlDepth(xml, limit) {
  let depth = 0;
  let max = 0;
  let i = xml.indexOf('<');
  while (i >= 0) {
    const next = xml.charCodeAt(i + 1);
    if (next === 47 /* / */) depth--;
    else if (next !== 63 /* ? */ && next !== 33 /* ! */) {
      const close = xml.indexOf('>', i);
      if (close < 0) break;
      if (xml.charCodeAt(close - 1) !== 47) {
        depth++;
        if (depth > max) max = depth;
        if (max > limit) return max;
      }
      i = xml.indexOf('<', close);
      continue;
    }
    i = xml.indexOf('<', i + 1);
  }
  return max;
}

function fail(code, message) {
  parentPort.postMessage({ ok: false, code, message });
}

async function main() {
  const { buffer, documentEntry, maxXmlDepth } = workerData;
  const buf = Buffer.from(buffer);
  const { dataOffset, compressedSize, uncompressedSize, method } = documentEntry;
  const raw = buf.subarray(dataOffset, dataOffset + compressedSize);
  let xml;
  try {
    // The declared size bounds the output: a lying size is a zip bomb.
    const bytes =
      method === 0 ? raw : inflateRawSync(raw, { maxOutputLength: Math.max(1, uncompressedSize) });
    xml = bytes.toString('utf8');
  } catch (error) {
    const tooBig = error && error.code === 'ERR_BUFFER_TOO_LARGE';
    if (tooBig) fail('DOCX_ZIP_BOMB', '文档正文解压后超出声明的大小，疑似压缩炸弹');
    else fail('DOCX_BROKEN', '文档正文无法解压，文件可能已损坏');
    return;
  }
  const depth = xmlDepth(xml, maxXmlDepth);
  if (depth > maxXmlDepth) {
    fail('DOCX_TOO_DEEP', `文档结构嵌套过深（超过${maxXmlDepth}层），拒绝解析`);
    return;
  }
  xml = undefined;
  try {
    const result = await mammoth.extractRawText({ buffer: buf });
    parentPort.postMessage({ ok: true, text: result.value });
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : String(error);
    fail('DOCX_BROKEN', `无法解析 .docx 文档（${detail}）`);
  }
}

main().catch((error) =>
  fail('DOCX_BROKEN', `无法解析 .docx 文档（${String(error).slice(0, 200)}）`),
);
