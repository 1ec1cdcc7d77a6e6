import type { StructuredReport } from '@taizhang/composer';
import { renderHtml, renderMarkdown, toOfficialDocument } from '@taizhang/composer';
import { renderDocx } from '@taizhang/docx-writer';

export interface ExportedFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

function safeFileName(title: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what a file name must not carry
  return title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 120) || 'report';
}

/** A report as a file: .docx in the official layout, HTML, Markdown or the structured JSON. */
export async function exportReport(
  content: StructuredReport,
  format: 'docx' | 'html' | 'md' | 'json',
): Promise<ExportedFile> {
  const base = safeFileName(content.title);
  switch (format) {
    case 'docx':
      return {
        fileName: `${base}.docx`,
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        bytes: await renderDocx(toOfficialDocument(content)),
      };
    case 'html':
      return {
        fileName: `${base}.html`,
        contentType: 'text/html; charset=utf-8',
        bytes: Buffer.from(renderHtml(content), 'utf8'),
      };
    case 'md':
      return {
        fileName: `${base}.md`,
        contentType: 'text/markdown; charset=utf-8',
        bytes: Buffer.from(renderMarkdown(content), 'utf8'),
      };
    case 'json':
      return {
        fileName: `${base}.json`,
        contentType: 'application/json; charset=utf-8',
        bytes: Buffer.from(`${JSON.stringify(content, null, 2)}\n`, 'utf8'),
      };
  }
}
