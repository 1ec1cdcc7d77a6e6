import { DocxWriterError, officialDocumentFromText, renderDocx } from '@taizhang/docx-writer';
import { check } from '@taizhang/proofreader';
import type { DocumentKind } from '@taizhang/proofreader';
import { AppError } from '../../errors/app-error';
import type { Clock } from '../../shared/clock';
import type { Actor } from '../access/data-scope';
import { DocumentReadError, readDocument } from './document-reader';
import { findingsWorkbook } from './proofread-excel';
import { MAX_CHECK_FILE_BYTES, MAX_CHECK_TEXT_BYTES } from './proofread.schema';
import type {
  CheckFileResultDto,
  CheckResultDto,
  ExportDocxBody,
  ExportFindingsBody,
} from './proofread.schema';
import type { TermListsService } from './term-lists.service';

export interface CheckInput {
  text: string;
  date?: string | undefined;
  kind?: DocumentKind | undefined;
  termListIds?: number[] | undefined;
}

export interface ProofreadServiceDeps {
  termLists: TermListsService;
  clock: Clock;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Today's date in China, the fallback when a document names no date of its own. */
function todayInChina(clock: Clock): string {
  return new Date(clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Refuses text that is empty or above the limit of one check (or export). */
function requireText(text: string, action: '校对' | '导出'): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_CHECK_TEXT_BYTES) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `文字过长（${mb(bytes)}），一次最多${action} ${mb(MAX_CHECK_TEXT_BYTES)}，请分段${action}`,
    );
  }
  if (text.trim() === '') {
    const message = `请输入要${action}的文字`;
    throw new AppError('VALIDATION_FAILED', message, [{ path: 'text', message }]);
  }
}

/** Characters a file name must not carry (the title may have several lines). */
function fileNameOf(title: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what a file name must not carry
  return title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '').slice(0, 80) || '公文';
}

/** Checks pasted text or uploaded documents with the engine and the organization's term lists. */
export class ProofreadService {
  constructor(private readonly deps: ProofreadServiceDeps) {}

  async check(actor: Actor, input: CheckInput): Promise<CheckResultDto> {
    requireText(input.text, '校对');
    const { terms, lists } = await this.deps.termLists.compiledFor(actor, input.termListIds);
    let result;
    try {
      result = check(input.text, {
        ...(input.date ? { date: input.date } : {}),
        ...(input.kind ? { kind: input.kind } : {}),
        ...(terms ? { terms } : {}),
        fallbackDate: todayInChina(this.deps.clock),
      });
    } catch (error) {
      if (error instanceof RangeError) {
        throw new AppError('VALIDATION_FAILED', error.message, [
          { path: 'date', message: error.message },
        ]);
      }
      throw error;
    }
    return {
      date: result.date,
      dateSource: result.dateSource,
      dateReason: result.dateReason,
      kind: result.kind,
      termLists: lists,
      findings: result.findings,
    };
  }

  /** Reads an uploaded .txt/.md/.docx within limits and checks its text. */
  async checkFile(
    actor: Actor,
    file: { fileName: string; bytes: Buffer },
    options: Omit<CheckInput, 'text'>,
  ): Promise<CheckFileResultDto> {
    let document;
    try {
      document = await readDocument(file.bytes, file.fileName, { maxBytes: MAX_CHECK_FILE_BYTES });
    } catch (error) {
      if (error instanceof DocumentReadError) throw documentError(error);
      throw error;
    }
    const text = document.text.replace(/\r\n?/g, '\n');
    const result = await this.check(actor, { ...options, text });
    return { ...result, fileName: file.fileName, format: document.format, text };
  }

  /** The findings as an .xlsx named after the document. */
  async exportFindings(input: ExportFindingsBody): Promise<{ fileName: string; bytes: Buffer }> {
    return {
      fileName: `${fileNameOf(input.title ?? '')}-校对结果.xlsx`,
      bytes: await findingsWorkbook(input),
    };
  }

  /**
   * The text laid out as an official document (GB/T 9704-2012): title, 主送机关, headings by
   * their ordinals, signature and date read from the text itself.
   */
  async exportDocx(input: ExportDocxBody): Promise<{ fileName: string; bytes: Buffer }> {
    requireText(input.text, '导出');
    const document = officialDocumentFromText(input.text, input.title?.trim() || '公文');
    try {
      return { fileName: `${fileNameOf(document.title)}.docx`, bytes: await renderDocx(document) };
    } catch (error) {
      if (error instanceof DocxWriterError) {
        throw new AppError('VALIDATION_FAILED', error.message, [
          { path: 'text', message: error.message },
        ]);
      }
      throw error;
    }
  }
}

/** The reader's typed errors as API errors with the same Chinese message. */
function documentError(error: DocumentReadError): AppError {
  switch (error.status) {
    case 413:
      return new AppError('PAYLOAD_TOO_LARGE', error.message);
    case 415:
      return new AppError('UNSUPPORTED_MEDIA_TYPE', error.message);
    default:
      return new AppError('VALIDATION_FAILED', error.message, [
        { path: 'file', message: error.message },
      ]);
  }
}
