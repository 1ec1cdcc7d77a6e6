/**
 * Names of the entries in a ZIP archive, read from its central directory (no decompression).
 * Returns null when the buffer is not a well-formed ZIP.
 */
export function zipEntryNames(buffer: Buffer): string[] | null {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  const minEocd = 22;
  if (buffer.length < minEocd) return null;
  const searchFrom = Math.max(0, buffer.length - minEocd - 0xffff);
  let eocd = -1;
  for (let i = buffer.length - minEocd; i >= searchFrom; i -= 1) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n += 1) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL) return null;
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const start = offset + 46;
    if (start + nameLength > buffer.length) return null;
    names.push(buffer.toString('utf8', start, start + nameLength));
    offset = start + nameLength + extraLength + commentLength;
  }
  return names;
}
