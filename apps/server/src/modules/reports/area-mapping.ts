import type { ActivityType } from '@taizhang/composer';

/** The framework area an activity without area tags counts in, by its type. */
export const defaultAreaOfType: Record<ActivityType, string> = {
  meeting: '组织领导',
  study: '理论学习',
  publicity: '宣传教育',
  event: '文明创建',
  training: '队伍建设',
  other: '组织领导',
};

/** The default framework's areas, used when no framework exists for the year. */
export const defaultAreas = [
  '组织领导',
  '理论学习',
  '宣传教育',
  '阵地管理',
  '舆情应对',
  '文明创建',
  '队伍建设',
  '督查考核',
];
