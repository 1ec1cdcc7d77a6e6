import JSZip from 'jszip';

/** Unzipped parts of a .docx, for assertions on its XML. */
export interface DocxParts {
  document: string;
  settings: string;
  styles: string;
  fontTable: string;
  footers: Record<string, string>;
  rels: string;
}

export async function readDocx(buffer: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (path: string): Promise<string> => {
    const file = zip.file(path);
    if (!file) throw new Error(`missing ${path}`);
    return file.async('string');
  };
  const footers: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    const match = /^word\/(footer\d+\.xml)$/.exec(name);
    if (match?.[1]) footers[match[1]] = await read(name);
  }
  return {
    document: await read('word/document.xml'),
    settings: await read('word/settings.xml'),
    styles: await read('word/styles.xml'),
    fontTable: await read('word/fontTable.xml'),
    footers,
    rels: await read('word/_rels/document.xml.rels'),
  };
}

/** The `<w:p>…</w:p>` elements of a part, in order. */
export function paragraphs(xml: string): string[] {
  return xml.match(/<w:p>.*?<\/w:p>|<w:p\/>/g) ?? [];
}

/** Concatenated `<w:t>` text of an XML fragment. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

/** The paragraph whose text contains `needle`. */
export function paragraphContaining(xml: string, needle: string): string {
  const found = paragraphs(xml).find((p) => textOf(p).includes(needle));
  if (!found) throw new Error(`no paragraph contains ${needle}`);
  return found;
}

/** The run (`<w:r>`) whose text contains `needle`. */
export function runContaining(xml: string, needle: string): string {
  const found = (xml.match(/<w:r>.*?<\/w:r>/g) ?? []).find((r) => textOf(r).includes(needle));
  if (!found) throw new Error(`no run contains ${needle}`);
  return found;
}

/** An attribute value of the first element `tag` in `xml`. */
export function attr(xml: string, tag: string, name: string): string | undefined {
  const element = new RegExp(`<${tag}(?=[\\s/>])[^>]*>`).exec(xml)?.[0];
  if (!element) return undefined;
  return new RegExp(`${name}="([^"]*)"`).exec(element)?.[1];
}
