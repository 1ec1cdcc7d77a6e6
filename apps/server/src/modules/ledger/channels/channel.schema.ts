import { z } from 'zod';
import { pageQuery, pageSchema } from '../../../shared/pagination';
import { nameField, versionField } from '../../../shared/text-rules';
import { channelStatuses } from '../activities/activity-kinds';
import { dateField, ledgerText } from '../activities/activity.schema';
import { unitFilterQuery, versionedRowFields } from '../../versioned-rows/versioned-row.schema';

const status = z.enum(channelStatuses, {
  error: '状态须为 active（在用）、suspended（暂停）或 closed（已关停）',
});

export const channelFields = {
  unitId: z.number({ error: '请选择所属单位' }).int().positive(),
  name: nameField('阵地名称', 100),
  platform: ledgerText('平台类型', 50, true),
  ownerPersonId: z.number({ error: '负责人编号必须是数字' }).int().positive().nullable().optional(),
  purpose: ledgerText('用途', 500).optional(),
  registered: dateField('备案日期').nullable().optional(),
  status,
};
export const channelInput = z.strictObject(channelFields);
export type ChannelInput = z.infer<typeof channelInput>;

export const updateChannelBody = z.strictObject({
  version: versionField,
  unitId: channelFields.unitId.optional(),
  name: channelFields.name.optional(),
  platform: channelFields.platform.optional(),
  ownerPersonId: channelFields.ownerPersonId,
  purpose: channelFields.purpose,
  registered: channelFields.registered,
  status: status.optional(),
});
export type UpdateChannelInput = z.infer<typeof updateChannelBody>;

export const channelSchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  name: z.string(),
  platform: z.string(),
  ownerPersonId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  purpose: z.string(),
  registered: z.string().nullable(),
  status: z.string(),
  externalId: z.string().nullable(),
  ...versionedRowFields,
});
export type ChannelDto = z.infer<typeof channelSchema>;
export const channelPage = pageSchema(channelSchema);

export const channelListQuery = z.object({
  ...pageQuery,
  ...unitFilterQuery,
  status: status.optional(),
  keyword: z.string().trim().max(100).optional(),
});
export type ChannelListQuery = z.infer<typeof channelListQuery>;
