const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Copies the UTF-16 code units of `text` into the start of `codes` (at least `text.length`
 * long) and returns `codes`. Under Node this is one native copy (lone surrogates included),
 * many times faster than a `charCodeAt` loop.
 */
export function copyCodeUnits(text: string, codes: Uint16Array): Uint16Array {
  if (codes.length < text.length) throw new RangeError('code unit array too short');
  if (NodeBuffer && LITTLE_ENDIAN) {
    NodeBuffer.from(codes.buffer, codes.byteOffset, 2 * text.length).write(text, 0, 'utf16le');
  } else {
    for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  }
  return codes;
}
