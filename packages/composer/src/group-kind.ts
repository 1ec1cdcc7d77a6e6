import type { ActivityGroup, ActivityType } from './compose-input';

/** The common activity subtypes the genre writes about in their own words. */
export type GroupKind =
  | 'special-meeting'
  | 'situation'
  | 'life-meeting'
  | 'center-study'
  | 'party-lecture'
  | 'tutorial'
  | 'seminar'
  | 'article'
  | 'new-media'
  | 'preach'
  | 'party-day'
  | 'civility'
  | 'volunteer'
  | 'contest'
  | 'training'
  | 'generic';

// Order matters: the first pattern that matches the subtype wins.
const PATTERNS: [RegExp, GroupKind][] = [
  [/研判/, 'situation'],
  [/民主生活会/, 'life-meeting'],
  [/专题研究|专题会议|党委会|党组会/, 'special-meeting'],
  [/中心组/, 'center-study'],
  [/党课/, 'party-lecture'],
  [/辅导|讲座/, 'tutorial'],
  [/研讨/, 'seminar'],
  [/稿件|投稿|报道|用稿/, 'article'],
  [/新媒体|公众号|微博|视频号|抖音|网站/, 'new-media'],
  [/宣讲/, 'preach'],
  [/主题党日/, 'party-day'],
  [/文明/, 'civility'],
  [/志愿/, 'volunteer'],
  [/比赛|竞赛|演讲|知识竞答/, 'contest'],
  [/培训|轮训/, 'training'],
];

/** Classifies a group by its free-text subtype, falling back to its type. */
export function classifyGroup(group: Pick<ActivityGroup, 'type' | 'subtype'>): GroupKind {
  for (const [pattern, kind] of PATTERNS) if (pattern.test(group.subtype)) return kind;
  if (group.type === 'training') return 'training';
  return 'generic';
}

const TYPE_LABELS: Record<ActivityType, string> = {
  meeting: '会议',
  study: '学习',
  publicity: '宣传工作',
  event: '主题活动',
  training: '培训',
  other: '相关工作',
};

/** Printable name of a group: its subtype, or a label for its type. */
export function groupLabel(group: Pick<ActivityGroup, 'type' | 'subtype'>): string {
  const subtype = group.subtype.trim();
  return subtype === '' ? TYPE_LABELS[group.type] : subtype;
}

const TYPE_ORDER: ActivityType[] = ['meeting', 'study', 'publicity', 'event', 'training', 'other'];

/** Meetings first, then study, publicity, events, training, other; larger groups first. */
export function compareGroups(a: ActivityGroup, b: ActivityGroup): number {
  const byType = TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type);
  if (byType !== 0) return byType;
  if (a.count !== b.count) return b.count - a.count;
  return a.subtype < b.subtype ? -1 : a.subtype > b.subtype ? 1 : 0;
}

/** Topic sentences for a subsection about one kind of activity (专题报告). */
export function groupTopics(kind: GroupKind, label: string): string[] {
  switch (kind) {
    case 'special-meeting':
      return ['坚持专题研究，加强统筹部署。', '定期研究部署，把牢工作方向。'];
    case 'situation':
      return ['定期分析研判，把握工作主动。', '坚持形势研判，增强工作预见性。'];
    case 'life-meeting':
      return ['开好民主生活会，认真对照检查。'];
    case 'center-study':
      return ['发挥中心组引领作用，带头学深悟透。', '抓实中心组学习，示范带动全员学习。'];
    case 'party-lecture':
      return ['讲好专题党课，深化理论教育。'];
    case 'tutorial':
      return ['开展专题辅导，深化学习理解。'];
    case 'seminar':
      return ['组织专题研讨，推动学用结合。'];
    case 'article':
      return ['加强新闻宣传，讲好本单位故事。', '做好对外宣传，展示工作成效。'];
    case 'new-media':
      return ['用好新媒体平台，扩大传播覆盖。'];
    case 'preach':
      return ['深入开展宣讲，推动理论普及。'];
    case 'party-day':
      return ['开展主题党日，增强组织活力。'];
    case 'civility':
      return ['推进文明创建，弘扬文明新风。'];
    case 'volunteer':
      return ['开展志愿服务，践行为民宗旨。'];
    case 'contest':
      return ['举办比赛活动，营造浓厚氛围。'];
    case 'training':
      return ['加强教育培训，提升业务能力。'];
    case 'generic':
      return [`扎实开展${label}，推动工作落实。`];
    default: {
      const unknown: never = kind;
      throw new Error(`unknown group kind ${String(unknown)}`);
    }
  }
}
