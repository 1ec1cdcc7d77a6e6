import JSZip from 'jszip';
import type { FontFace } from './official-layout';
import { LATIN_FONT } from './official-layout';

function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function fontEntry(face: FontFace): string {
  // charset 86 = GB2312; Word and LibreOffice use w:altName when the named font is missing.
  return (
    `<w:font w:name="${escapeXml(face.eastAsia)}"><w:altName w:val="${escapeXml(face.fallback)}"/>` +
    '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
  );
}

const LATIN_ENTRY =
  `<w:font w:name="${LATIN_FONT}"><w:charset w:val="00"/><w:family w:val="roman"/>` +
  '<w:pitch w:val="variable"/></w:font>';

/**
 * The `docx` package writes an empty font table; declare each East Asian font with its fallback
 * so a machine without the GB2312 fonts substitutes FangSong / SimHei / KaiTi / SimSun.
 */
export async function addFontFallbacks(
  docx: Uint8Array,
  faces: readonly FontFace[],
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const path = 'word/fontTable.xml';
  const file = zip.file(path);
  if (!file) return Buffer.from(docx);
  const xml = await file.async('string');
  const entries = LATIN_ENTRY + faces.map(fontEntry).join('');
  const patched = xml.endsWith('/>')
    ? xml.replace(/<w:fonts([^>]*)\/>$/, `<w:fonts$1>${entries}</w:fonts>`)
    : xml.replace('</w:fonts>', `${entries}</w:fonts>`);
  zip.file(path, patched);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
