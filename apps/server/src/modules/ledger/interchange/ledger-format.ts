import { z } from 'zod';
import { freeTextField, nameField } from '../../../shared/text-rules';
import { responsibilityRoles } from '../../responsibilities/responsibilities.schema';
import { unitTypes } from '../../units/units.schema';
import { frameworkAreas } from '../activities/activity-kinds';

/** The first line of every ledger file. */
export const LEDGER_HEADER = { format: 'taizhang-ledger', version: 1 } as const;

export const ledgerKinds = [
  'unit',
  'person',
  'responsibility',
  'activity',
  'channel',
  'incident',
] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

export const ledgerKindLabels: Record<LedgerKind, string> = {
  unit: '单位',
  person: '人员',
  responsibility: '责任分工',
  activity: '活动记录',
  channel: '阵地',
  incident: '舆情事件',
};

const ref = (label: string) =>
  z
    .string({ error: `${label}须为文本编号` })
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(200);

export const unitLine = z.object({
  name: nameField('单位名称'),
  type: z.enum(unitTypes, { error: '单位类型须为：党委、党组、党工委、党总支、党支部、其他' }),
  parent: ref('上级单位（parent）').nullable().optional(),
  remark: freeTextField('备注', 500).optional(),
});

export const personLine = z.object({
  unit: ref('所属单位（unit）'),
  name: nameField('姓名', 50),
  post: z.string().trim().max(100, { error: '职务不能超过 100 个字符' }).optional(),
  gender: z.enum(['男', '女'], { error: '性别须为“男”或“女”' }).nullable().optional(),
  phone: z.string().trim().max(20).nullable().optional(),
  remark: freeTextField('备注', 500).optional(),
});

export const responsibilityLine = z.object({
  unit: ref('单位（unit）'),
  person: ref('人员（person）'),
  role: z.enum(responsibilityRoles, { error: '责任类型须为：第一责任人、直接责任人、一岗双责' }),
  areas: z
    .array(z.enum(frameworkAreas, { error: '分管领域不在意识形态工作领域清单中' }))
    .optional(),
  year: z.number({ error: '年度须为数字' }).int().min(1949).max(2100),
});

/** Attendance in a file: a person reference or a bare name. */
export const attendanceLine = z.strictObject({
  person: ref('出席人员（person）').optional(),
  name: nameField('姓名', 50).optional(),
  present: z.boolean({ error: '须注明是否出席（present: true/false）' }),
  reason: z.string().optional(),
});

/** Known keys of each kind; anything else goes to `extra` (activity, channel, incident) or is reported. */
export const knownKeys: Record<LedgerKind, readonly string[]> = {
  unit: ['kind', 'id', 'name', 'type', 'parent', 'remark'],
  person: ['kind', 'id', 'unit', 'name', 'post', 'gender', 'phone', 'remark'],
  responsibility: ['kind', 'id', 'unit', 'person', 'role', 'areas', 'year'],
  activity: [
    'kind',
    'id',
    'unit',
    'type',
    'subtype',
    'date',
    'title',
    'summary',
    'participants',
    'topics',
    'attendance',
    'speakers',
    'outlet',
    'link',
    'audience',
    'areas',
    'evidence',
  ],
  channel: ['kind', 'id', 'unit', 'name', 'platform', 'owner', 'purpose', 'registered', 'status'],
  incident: [
    'kind',
    'id',
    'unit',
    'found',
    'source',
    'link',
    'summary',
    'severity',
    'status',
    'closed',
    'response',
  ],
};

export const kindsWithExtra: ReadonlySet<LedgerKind> = new Set(['activity', 'channel', 'incident']);
