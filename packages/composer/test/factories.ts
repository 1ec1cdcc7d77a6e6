import type {
  ActivityGroup,
  AreaAggregate,
  ComposeInput,
  RequirementStatus,
  SampleRecord,
} from '../src/index';

let sampleSeq = 0;

export function buildSample(overrides: Partial<SampleRecord> = {}): SampleRecord {
  sampleSeq += 1;
  return { id: `rec-${sampleSeq}`, date: '2024-03-28', title: `活动${sampleSeq}`, ...overrides };
}

export function buildGroup(overrides: Partial<ActivityGroup> = {}): ActivityGroup {
  return {
    type: 'meeting',
    subtype: '专题研究',
    count: 2,
    participants: 0,
    firstDate: '2024-01-16',
    lastDate: '2024-04-02',
    samples: [],
    ...overrides,
  };
}

export function buildRequirement(overrides: Partial<RequirementStatus> = {}): RequirementStatus {
  return {
    id: 'req-special-meeting',
    area: '组织领导',
    title: '党委（党组）会专题研究意识形态工作',
    cadence: '每年不少于2次',
    required: 1,
    actual: 2,
    status: 'met',
    periodLabel: '2024年上半年',
    from: '2024-01-01',
    to: '2024-06-30',
    ...overrides,
  };
}

/** The record of a 局党组 for 2024 H1 across the default framework areas. */
export function buildAreas(): AreaAggregate[] {
  return [
    {
      area: '组织领导',
      groups: [
        buildGroup({
          subtype: '专题研究',
          count: 2,
          participants: 18,
          samples: [
            buildSample({ id: 'a-101', date: '2024-01-16', title: '党组会专题研究意识形态工作' }),
            buildSample({ id: 'a-102', date: '2024-04-02', title: '党组会研究年度责任清单' }),
          ],
        }),
        buildGroup({
          subtype: '形势研判',
          count: 2,
          participants: 20,
          firstDate: '2024-03-28',
          lastDate: '2024-06-25',
          samples: [
            buildSample({
              id: 'a-103',
              date: '2024-03-28',
              title: '一季度意识形态领域形势分析研判会',
            }),
            buildSample({
              id: 'a-104',
              date: '2024-06-25',
              title: '二季度意识形态领域形势分析研判会',
            }),
          ],
        }),
      ],
    },
    {
      area: '理论学习',
      groups: [
        buildGroup({
          type: 'study',
          subtype: '中心组学习',
          count: 6,
          participants: 0,
          attendancePresent: 52,
          firstDate: '2024-01-16',
          lastDate: '2024-06-18',
          topics: [
            '习近平总书记关于意识形态工作的重要论述',
            '全国两会精神',
            '《习近平谈治国理政》第四卷',
            '党纪学习教育',
          ],
          samples: [
            buildSample({ id: 'a-201', date: '2024-06-18', title: '中心组第六次集中学习' }),
          ],
        }),
        buildGroup({
          type: 'study',
          subtype: '党课',
          count: 1,
          participants: 46,
          firstDate: '2024-06-28',
          lastDate: '2024-06-28',
          samples: [
            buildSample({
              id: 'a-202',
              date: '2024-06-28',
              title: '书记讲党课',
              topics: ['守好意识形态阵地'],
            }),
          ],
        }),
        buildGroup({
          type: 'study',
          subtype: '专题辅导',
          count: 1,
          participants: 80,
          firstDate: '2024-05-10',
          lastDate: '2024-05-10',
          samples: [
            buildSample({
              id: 'a-203',
              date: '2024-05-10',
              title: '网络安全专题辅导报告',
              participants: 80,
            }),
          ],
        }),
      ],
    },
    {
      area: '宣传教育',
      groups: [
        buildGroup({
          type: 'publicity',
          subtype: '稿件',
          count: 14,
          firstDate: '2024-01-20',
          lastDate: '2024-06-27',
          outlets: [
            { outlet: '青川日报', count: 6 },
            { outlet: '学习强国青川学习平台', count: 5 },
            { outlet: '青川电视台', count: 3 },
          ],
          samples: [
            buildSample({
              id: 'a-301',
              date: '2024-05-09',
              title: '青川交通：“四好农村路”铺就乡村振兴路',
              outlet: '青川日报',
            }),
            buildSample({
              id: 'a-302',
              date: '2024-06-12',
              title: '青川公交开通夜间专线',
              outlet: '青川电视台',
            }),
          ],
        }),
        buildGroup({
          type: 'publicity',
          subtype: '新媒体发布',
          count: 63,
          firstDate: '2024-01-02',
          lastDate: '2024-06-30',
          outlets: [{ outlet: '青川交通微信公众号', count: 63 }],
          samples: [],
        }),
        buildGroup({
          type: 'publicity',
          subtype: '宣讲',
          count: 3,
          participants: 260,
          firstDate: '2024-03-05',
          lastDate: '2024-06-06',
          samples: [
            buildSample({
              id: 'a-303',
              date: '2024-03-05',
              title: '全国两会精神进站所宣讲',
              participants: 120,
            }),
          ],
        }),
      ],
    },
    { area: '阵地管理', groups: [] },
    { area: '舆情应对', groups: [] },
    {
      area: '文明创建',
      groups: [
        buildGroup({
          type: 'event',
          subtype: '志愿服务',
          count: 4,
          participants: 96,
          firstDate: '2024-03-05',
          lastDate: '2024-06-21',
          samples: [
            buildSample({
              id: 'a-401',
              date: '2024-03-05',
              title: '学雷锋文明交通志愿服务',
              participants: 30,
            }),
          ],
        }),
        buildGroup({
          type: 'event',
          subtype: '主题党日',
          count: 6,
          participants: 138,
          firstDate: '2024-01-26',
          lastDate: '2024-06-21',
          samples: [
            buildSample({
              id: 'a-402',
              date: '2024-06-21',
              title: '重温入党誓词主题党日',
              participants: 23,
            }),
          ],
        }),
      ],
    },
    {
      area: '队伍建设',
      groups: [
        buildGroup({
          type: 'training',
          subtype: '宣传干部培训',
          count: 1,
          participants: 35,
          firstDate: '2024-04-18',
          lastDate: '2024-04-18',
          samples: [
            buildSample({
              id: 'a-501',
              date: '2024-04-18',
              title: '新闻写作与新媒体运营培训班',
              participants: 35,
            }),
          ],
        }),
      ],
    },
    { area: '督查考核', groups: [] },
  ];
}

/** A complete half-year input; override any part. */
export function buildComposeInput(overrides: Partial<ComposeInput> = {}): ComposeInput {
  return {
    kind: 'half-year-summary',
    unit: { id: 'u-1', name: '中共青川市交通运输局党组', type: '党组', shortName: '局党组' },
    parentUnitName: '中共青川市委',
    period: { kind: 'half-year', label: '2024年上半年', from: '2024-01-01', to: '2024-06-30' },
    documentDate: '2024-07-10',
    activityTotal: 102,
    areas: buildAreas(),
    requirements: [
      buildRequirement(),
      buildRequirement({
        id: 'req-situation',
        title: '意识形态形势分析研判',
        cadence: '每季度不少于1次',
        required: 1,
        actual: 1,
        periodLabel: '2024年第一季度',
        from: '2024-01-01',
        to: '2024-03-31',
      }),
      buildRequirement({
        id: 'req-situation',
        title: '意识形态形势分析研判',
        cadence: '每季度不少于1次',
        required: 1,
        actual: 1,
        periodLabel: '2024年第二季度',
        from: '2024-04-01',
        to: '2024-06-30',
      }),
      buildRequirement({
        id: 'req-center-study',
        area: '理论学习',
        title: '理论学习中心组学习',
        cadence: '每半年不少于3次',
        required: 3,
        actual: 6,
      }),
      buildRequirement({
        id: 'req-channel-review',
        area: '阵地管理',
        title: '宣传阵地台账梳理',
        cadence: '每半年1次',
        required: 1,
        actual: 0,
        status: 'missed',
      }),
    ],
    incidents: {
      total: 3,
      bySeverity: { 一般: 2, 较大: 1 },
      closed: 3,
      medianResponseHours: 20,
      meanResponseHours: 26.666,
      assessedInTime: 3,
    },
    rectification: {
      total: 5,
      closed: 3,
      open: 2,
      overdue: 1,
      overdueItems: [{ id: 'r-1', title: '机关宣传栏内容更新不及时', deadline: '2024-05-31' }],
      asOf: '2024-07-10',
    },
    channels: {
      total: 6,
      active: 5,
      byPlatform: [
        { platform: '微信公众号', count: 1 },
        { platform: '宣传栏', count: 3 },
        { platform: 'LED显示屏', count: 2 },
      ],
    },
    releases: { published: 70, returned: 4 },
    subordinates: { units: 5, reported: 4, withRecords: 5, activities: 61 },
    problems: ['部分基层党支部理论学习形式比较单一'],
    plans: ['组织开展“学习强国”学习竞赛活动'],
    ...overrides,
  };
}
