// Phrase banks per default framework area. Areas an administrator adds fall back to generic
// phrasings built from the area name. No phrase carries a figure or a date.

const TOPICS: Record<string, string[]> = {
  组织领导: [
    '强化组织领导，压实工作责任。',
    '加强统筹部署，落实主体责任。',
    '把牢政治方向，压紧压实责任。',
  ],
  理论学习: [
    '强化理论武装，筑牢思想根基。',
    '抓实理论学习，提升政治能力。',
    '坚持学思践悟，推动学习走深走实。',
  ],
  宣传教育: [
    '加强正面宣传，凝聚奋进力量。',
    '唱响主旋律，传播正能量。',
    '创新宣传方式，提升传播效果。',
  ],
  阵地管理: ['规范阵地管理，守好责任阵地。', '加强阵地建设，落实管理责任。'],
  舆情应对: ['健全应对机制，及时回应关切。', '规范舆情处置，维护良好形象。'],
  文明创建: ['深化文明创建，培育时代新风。', '践行核心价值观，推进文明创建。'],
  队伍建设: ['加强队伍建设，提升履职能力。', '抓好教育培训，锻造过硬队伍。'],
  督查考核: ['强化督查考核，推动任务落实。', '严格检查考核，抓实整改落实。'],
};

/** Topic sentences for an area's `（一）` subsection. */
export function areaTopics(area: string): string[] {
  return (
    TOPICS[area] ?? [
      `扎实推进${area}工作，推动任务落地见效。`,
      `统筹抓好${area}工作，提升工作实效。`,
    ]
  );
}

/** Topic sentences for an area with no records (自查报告 lists every area). */
export function emptyAreaTopics(area: string): string[] {
  return [`${area}工作有待加强，需补齐短板。`, `${area}工作还有差距，需加快推进。`];
}

/** Topic sentences for the subsection about subordinate organizations. */
export const SUBORDINATE_TOPICS = ['加强统筹指导，推动上下联动。', '强化指导督促，形成工作合力。'];

/** A plan point: a short headline and one sentence of substance. */
export interface PlanPhrase {
  headline: string;
  body: string;
}

const PLANS: Record<string, PlanPhrase[]> = {
  组织领导: [
    {
      headline: '持续压实意识形态工作责任',
      body: '坚持把意识形态工作纳入重要议事日程，定期专题研究、分析研判，推动责任落实到位。',
    },
  ],
  理论学习: [
    {
      headline: '持续深化理论武装',
      body: '坚持用习近平新时代中国特色社会主义思想凝心铸魂，抓好理论学习中心组学习和党员干部日常学习。',
    },
  ],
  宣传教育: [
    {
      headline: '做强正面宣传',
      body: '围绕中心工作讲好本单位故事，严格落实信息发布审核制度，提升宣传质量。',
    },
  ],
  阵地管理: [
    {
      headline: '加强阵地建设管理',
      body: '按照“谁主管谁负责”原则，定期梳理本单位宣传阵地，明确管理责任。',
    },
  ],
  舆情应对: [
    {
      headline: '提升舆情应对能力',
      body: '完善舆情应对预案，做到及时研判、妥善回应、闭环处置。',
    },
  ],
  文明创建: [
    {
      headline: '深化文明创建',
      body: '以培育和践行社会主义核心价值观为引领，持续开展文明创建和志愿服务活动。',
    },
  ],
  队伍建设: [
    {
      headline: '加强宣传思想工作队伍建设',
      body: '组织宣传思想工作人员参加业务培训，提升政治素养和业务能力。',
    },
  ],
  督查考核: [
    {
      headline: '强化督查考核',
      body: '加强对意识形态工作责任制落实情况的检查，推动问题整改落实。',
    },
  ],
};

/** Standard plan points for an area, used when the record yields too few of its own. */
export function areaPlans(area: string): PlanPhrase[] {
  return (
    PLANS[area] ?? [
      {
        headline: `持续抓好${area}工作`,
        body: '结合本单位实际细化工作措施，推动各项任务落地见效。',
      },
    ]
  );
}
