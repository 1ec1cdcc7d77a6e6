// Reads a zip's central directory without inflating anything, to vet uploads before parsing.

/** One central-directory entry. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {}

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;

/** Lists the entries of a zip from its central directory; throws ZipFormatError if malformed. */
export function readCentralDirectory(buf: Buffer, maxEntries: number): ZipEntry[] {
  if (buf.length < 22) throw new ZipFormatError('文件过短，不是有效的压缩包');
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('找不到压缩包目录（文件可能已损坏或被截断）');
  const total = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (total === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    throw new ZipFormatError('不支持 ZIP64 格式的文档');
  }
  if (total > maxEntries)
    throw new ZipFormatError(`压缩包内文件数量（${total}）超过上限${maxEntries}`);
  if (cdOffset + cdSize > eocd) throw new ZipFormatError('压缩包目录位置无效（文件可能已损坏）');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < total; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CDH_SIG) {
      throw new ZipFormatError('压缩包目录项损坏');
    }
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localHeaderOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Offset of an entry's compressed data, after its local header. */
export function entryDataOffset(buf: Buffer, entry: ZipEntry): number {
  const p = entry.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LFH_SIG) {
    throw new ZipFormatError(`压缩包内“${entry.name}”的文件头损坏`);
  }
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + entry.compressedSize > buf.length) {
    throw new ZipFormatError(`压缩包内“${entry.name}”的数据不完整`);
  }
  return start;
}
