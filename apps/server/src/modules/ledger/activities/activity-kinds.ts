import { z } from 'zod';

// The vocabulary of the ledger: record types, their common subtypes and the framework areas.
// Subtypes are free text; these lists feed templates, pickers and the framework's mapping.

export const activityTypes = [
  'meeting',
  'study',
  'publicity',
  'event',
  'training',
  'other',
] as const;
export type ActivityType = (typeof activityTypes)[number];

export const activityTypeLabels: Record<ActivityType, string> = {
  meeting: '会议',
  study: '学习',
  publicity: '宣传',
  event: '活动',
  training: '培训',
  other: '其他',
};

export const commonSubtypes: Record<ActivityType, readonly string[]> = {
  meeting: ['专题研究', '形势研判', '民主生活会', '组织生活会', '工作部署会'],
  study: ['中心组学习', '党课', '专题辅导', '专题研讨', '集中学习'],
  publicity: ['稿件', '新媒体发布', '宣讲'],
  event: ['主题党日', '文明创建', '志愿服务', '比赛'],
  training: ['宣传干部培训', '网络宣传队伍培训', '业务培训'],
  other: ['其他'],
};

/** Framework area names (the default framework's first level). */
export const frameworkAreas = [
  '组织领导',
  '理论学习',
  '宣传教育',
  '阵地管理',
  '舆情应对',
  '文明创建',
  '队伍建设',
  '督查考核',
] as const;

export function activityTypeFromLabel(label: string): ActivityType | undefined {
  const trimmed = label.trim();
  if ((activityTypes as readonly string[]).includes(trimmed)) return trimmed as ActivityType;
  return activityTypes.find((t) => activityTypeLabels[t] === trimmed);
}

export const channelStatuses = ['active', 'suspended', 'closed'] as const;
export const channelStatusLabels: Record<(typeof channelStatuses)[number], string> = {
  active: '在用',
  suspended: '暂停',
  closed: '已关停',
};
export const incidentSeverities = ['一般', '较大', '重大'] as const;
export const incidentStatuses = ['open', 'handling', 'closed'] as const;

export const ledgerVocabulary = z.object({
  types: z.array(
    z.object({ code: z.enum(activityTypes), label: z.string(), subtypes: z.array(z.string()) }),
  ),
  areas: z.array(z.string()),
});

/** The vocabulary as one object, for forms and templates. */
export function vocabulary(): z.infer<typeof ledgerVocabulary> {
  return {
    types: activityTypes.map((code) => ({
      code,
      label: activityTypeLabels[code],
      subtypes: [...commonSubtypes[code]],
    })),
    areas: [...frameworkAreas],
  };
}
