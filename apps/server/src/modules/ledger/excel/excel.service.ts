import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { AppError } from '../../../errors/app-error';
import type { ErrorDetail } from '../../../errors/app-error';
import type { Actor } from '../../access/data-scope';
import { unitPathInScope } from '../../access/data-scope';
import type { AuditService } from '../../audit/audit.service';
import type { UnitsRepository } from '../../units/units.repository';
import type { ActivitiesRepository } from '../activities/activities.repository';
import type { ActivitiesService } from '../activities/activities.service';
import { parseAttendance } from '../activities/activities.presenter';
import type { ActivityType } from '../activities/activity-kinds';
import {
  activityTypeFromLabel,
  activityTypeLabels,
  commonSubtypes,
} from '../activities/activity-kinds';
import type { ActivityInput, ActivityListQuery } from '../activities/activity.schema';
import { activityInput } from '../activities/activity.schema';
import type { LedgerLookupsRepository } from '../activities/ledger-lookups.repository';
import { sniffFile } from '../evidence/file-sniff';
import { parseStringArray } from '../../../shared/json-column';
import type { LedgerLimits } from '../ledger-limits';
import type { ExcelColumn, ExcelKey } from './excel-columns';
import {
  columnOfHeader,
  exportColumns,
  fieldLabels,
  splitList,
  splitNames,
  templateColumns,
} from './excel-columns';

export interface ExcelServiceDeps {
  db: Kysely<Database>;
  activities: ActivitiesService;
  activitiesRepo: ActivitiesRepository;
  units: UnitsRepository;
  lookups: LedgerLookupsRepository;
  audit: AuditService;
  limits: LedgerLimits;
}

const EXAMPLE_MARK = '【示例】';
const MAX_ERRORS = 500;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

function numberOrText(text: string): number | string | undefined {
  if (text === '') return undefined;
  return /^-?\d+(\.0+)?$/.test(text) ? Number(text) : text;
}

type Row = Partial<Record<ExcelKey, string>>;

/** Excel templates, all-or-nothing imports and exports of activity records. */
export class ExcelService {
  constructor(private readonly deps: ExcelServiceDeps) {}

  async template(actor: Actor, type: ActivityType): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(`${activityTypeLabels[type]}台账`);
    const columns = templateColumns(type);
    this.writeHeader(sheet, columns);
    const unit = await this.deps.units.findLive(actor.unitId);
    const example: Row = {
      unit: unit?.name ?? '',
      subtype: commonSubtypes[type][0] ?? '',
      date: '2024-03-28',
      title: `${EXAMPLE_MARK}此行为示例，导入时自动跳过，可删除`,
      summary: '简要记录内容、形式和成效。',
      participants: '12',
      topics: '学习贯彻党的二十大精神；意识形态工作责任制',
      areas: type === 'publicity' ? '宣传教育' : '理论学习',
      speakers: '林志远',
      present: '林志远；周明慧',
      absent: '沈浩然：公务出差',
      outlet: type === 'publicity' ? '青川日报' : '',
      link: 'https://www.example.com/news/1',
      audience: '',
    };
    sheet.addRow(columns.map((c) => example[c.key] ?? ''));
    const subtypeIndex = columns.findIndex((c) => c.key === 'subtype') + 1;
    for (let row = 2; row <= 1001; row += 1) {
      sheet.getCell(row, subtypeIndex).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${commonSubtypes[type].join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '子类型',
        error: '不在常用子类型中，仍可继续填写',
      };
    }
    const help = workbook.addWorksheet('填写说明');
    help.columns = [{ width: 18 }, { width: 90 }];
    help.addRow(['列', '说明']).font = { bold: true };
    for (const c of columns) help.addRow([c.header, c.note]);
    help.addRow([
      '',
      `每次最多导入 ${this.deps.limits.excelMaxRows} 行；任何一行有错误时整份文件都不会导入。`,
    ]);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  private writeHeader(sheet: ExcelJS.Worksheet, columns: ExcelColumn[]): void {
    sheet.columns = columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width,
      style: { numFmt: '@' },
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    columns.forEach((c, i) => {
      header.getCell(i + 1).note = c.note;
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }

  /** Reads, checks and imports an uploaded workbook; nothing is written when any row is wrong. */
  async importWorkbook(
    actor: Actor,
    bytes: Buffer,
    defaultType: ActivityType | undefined,
  ): Promise<{ created: number; skipped: number }> {
    if (sniffFile(bytes).kind !== 'xlsx')
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        '只能上传 .xlsx 格式的 Excel 文件（可先下载导入模板）',
      );
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new AppError('VALIDATION_FAILED', 'Excel 文件已损坏，无法读取');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new AppError('VALIDATION_FAILED', 'Excel 文件中没有工作表');
    // Rows that only carry formatting (the template's validation lists) do not count.
    const dataRows = sheet.actualRowCount - 1;
    if (dataRows > this.deps.limits.excelMaxRows) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `每次最多导入 ${this.deps.limits.excelMaxRows} 行，当前文件有 ${dataRows} 行`,
      );
    }
    const errors: string[] = [];
    const columns = new Map<number, ExcelColumn>();
    sheet.getRow(1).eachCell((cell, col) => {
      const text = cellText(cell.value);
      if (!text) return;
      const column = columnOfHeader(text);
      if (!column) errors.push(`第1行：无法识别的列「${text}」`);
      else columns.set(col, column);
    });
    const keys = new Set([...columns.values()].map((c) => c.key));
    for (const required of ['unit', 'subtype', 'date', 'title'] as const) {
      if (!keys.has(required)) errors.push(`第1行：缺少“${columnOfHeaderName(required)}”列`);
    }
    if (!keys.has('type') && !defaultType)
      errors.push('第1行：缺少“类型”列，请使用对应类型的导入模板');
    if (errors.length > 0) throw this.failed(errors);

    const unitsByName = await this.deps.lookups.unitsByName();
    const peopleCache = new Map<number, Map<string, number>>();
    const inputs: { line: number; input: ActivityInput }[] = [];
    let skipped = 0;
    for (let r = 2; r <= sheet.rowCount && errors.length < MAX_ERRORS; r += 1) {
      const row: Row = {};
      sheet.getRow(r).eachCell((cell, col) => {
        const column = columns.get(col);
        if (column) row[column.key] = cellText(cell.value);
      });
      const values = Object.entries(row).filter(([k, v]) => k !== 'id' && v !== '');
      if (values.length === 0) continue;
      if (row.title?.startsWith(EXAMPLE_MARK)) {
        skipped += 1;
        continue;
      }
      const rowErrors = (message: string) => errors.push(`第${r}行：${message}`);
      const type = row.type ? activityTypeFromLabel(row.type) : defaultType;
      if (!type) {
        rowErrors(`类型「${row.type ?? ''}」无效，须为会议、学习、宣传、活动、培训或其他`);
        continue;
      }
      const unit = row.unit ? unitsByName.get(row.unit) : undefined;
      if (!unit || !unitPathInScope(actor, unit.path)) {
        rowErrors(row.unit ? `所属单位「${row.unit}」不存在或无权访问` : '所属单位不能为空');
        continue;
      }
      let people = peopleCache.get(unit.id);
      if (!people) {
        people = await this.deps.lookups.peopleOfUnitByName(unit.id);
        peopleCache.set(unit.id, people);
      }
      const attendance: NonNullable<ActivityInput['attendance']> = [];
      const person = (name: string) => {
        const id = people.get(name);
        return id !== undefined ? { personId: id, name } : { name };
      };
      for (const name of splitNames(row.present ?? ''))
        attendance.push({ ...person(name), present: true });
      for (const item of splitList(row.absent ?? '')) {
        const match = /^([^：:（(]+)\s*(?:[：:]\s*(.*)|[（(]\s*(.*?)\s*[）)])?$/.exec(item);
        const name = (match?.[1] ?? item).trim();
        const reason = (match?.[2] ?? match?.[3] ?? '').trim();
        attendance.push({ ...person(name), present: false, ...(reason ? { reason } : {}) });
      }
      const candidate = {
        unitId: unit.id,
        type,
        subtype: row.subtype ?? '',
        date: row.date ?? '',
        title: row.title ?? '',
        ...(row.summary ? { summary: row.summary } : {}),
        ...(row.participants ? { participants: numberOrText(row.participants) } : {}),
        ...(row.topics ? { topics: splitList(row.topics) } : {}),
        ...(row.areas ? { areas: splitNames(row.areas) } : {}),
        ...(row.speakers ? { speakers: splitNames(row.speakers) } : {}),
        ...(attendance.length > 0 ? { attendance } : {}),
        ...(row.outlet ? { outlet: row.outlet } : {}),
        ...(row.link ? { link: row.link } : {}),
        ...(row.audience ? { audience: numberOrText(row.audience) } : {}),
      };
      const parsed = activityInput.safeParse(candidate);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = fieldLabels[String(issue.path[0] ?? '')];
          rowErrors(`${field ? `${field}：` : ''}${issue.message}`);
        }
        continue;
      }
      inputs.push({ line: r, input: parsed.data });
    }
    if (errors.length > 0) throw this.failed(errors);
    if (inputs.length === 0) throw new AppError('VALIDATION_FAILED', '文件中没有可导入的数据行');
    await this.deps.db.transaction().execute(async (trx) => {
      for (const { line, input } of inputs) {
        try {
          await this.deps.activities.insertRecord(actor, input, trx, { audit: false });
        } catch (error) {
          if (error instanceof AppError) throw this.failed([`第${line}行：${error.message}`]);
          throw error;
        }
      }
      await this.deps.audit.record(
        actor,
        {
          action: 'import',
          entity: 'activity',
          entityId: null,
          summary: `从 Excel 导入台账记录 ${inputs.length} 条`,
        },
        trx,
      );
    });
    return { created: inputs.length, skipped };
  }

  private failed(errors: string[]): AppError {
    const details: ErrorDetail[] = errors.map((message) => ({
      path: /^第(\d+)行/.exec(message)?.[1] ?? '',
      message,
    }));
    return new AppError(
      'VALIDATION_FAILED',
      `导入失败：发现 ${errors.length} 处错误${errors.length >= MAX_ERRORS ? '（仅列出前 500 处）' : ''}，未写入任何数据`,
      details,
    );
  }

  /** The filtered list as a workbook with every column; importable again. */
  async exportWorkbook(
    actor: Actor,
    query: Omit<ActivityListQuery, 'page' | 'pageSize'>,
  ): Promise<Buffer> {
    const { activities, activitiesRepo, limits } = this.deps;
    const filter = await activities.filterOf(actor, query);
    const total = await activitiesRepo.count(actor, filter);
    if (total > limits.excelMaxRows) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `符合条件的记录有 ${total} 条，超过单次导出上限 ${limits.excelMaxRows} 条，请缩小筛选范围`,
      );
    }
    const rows = await activitiesRepo.listAll(
      actor,
      filter,
      activities.sortOf(query.sort),
      limits.excelMaxRows,
    );
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账记录');
    this.writeHeader(sheet, exportColumns);
    for (const a of rows) {
      const attendance = parseAttendance(a.attendance);
      const row: Row = {
        id: String(a.id),
        type: activityTypeLabels[a.type as ActivityType] ?? a.type,
        unit: a.unit_name,
        subtype: a.subtype,
        date: a.date,
        title: a.title,
        summary: a.summary,
        participants: a.participants === null ? '' : String(a.participants),
        topics: parseStringArray(a.topics).join('；'),
        areas: parseStringArray(a.areas).join('；'),
        speakers: parseStringArray(a.speakers).join('；'),
        present: attendance
          .filter((e) => e.present)
          .map((e) => e.name)
          .join('；'),
        absent: attendance
          .filter((e) => !e.present)
          .map((e) => (e.reason ? `${e.name}：${e.reason}` : e.name))
          .join('；'),
        outlet: a.outlet ?? '',
        link: a.link ?? '',
        audience: a.audience === null ? '' : String(a.audience),
      };
      sheet.addRow(exportColumns.map((c) => row[c.key] ?? ''));
    }
    const ids = rows.map((r) => r.id);
    if (ids.length > 0) {
      const files = await this.deps.activities.evidenceNames(ids);
      const evidenceCol = exportColumns.findIndex((c) => c.key === 'evidence') + 1;
      rows.forEach((a, i) => {
        sheet.getCell(i + 2, evidenceCol).value = (files.get(a.id) ?? []).join('；');
      });
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
}

function columnOfHeaderName(key: ExcelKey): string {
  return exportColumns.find((c) => c.key === key)?.header ?? key;
}
