// A year and a bit of invented ledger records for the demo organization, with a few duties
// deliberately missed so that compliance status and reports have something to say. Titles,
// topics and figures are made up. Deterministic: a seeded PRNG and fixed calendar rules.
import type { Kysely } from 'kysely';
import type { Db } from '../db/database';
import type { Database } from '../db/schema';
import type { Clock } from '../shared/clock';
import { isoNow } from '../shared/clock';
import { pathUpperBound } from '../modules/access/data-scope';
import { AuditRepository } from '../modules/audit/audit.repository';
import { chinaToday } from '../modules/compliance/compliance.service';
import { FrameworkRepository } from '../modules/framework/framework.repository';
import { createFrameworkForYear } from '../modules/framework/framework-template';
import { searchText } from '../modules/ledger/search/search-tokens';
import { DEMO_ROOT_UNIT, demoUnits } from './demo-organization';
import type { DemoUnit } from './demo-organization';

/** The duties the demo misses on purpose (current year `Y`, previous year `Y-1`). */
export const demoMisses = {
  /** 运营调度中心党支部 holds no 形势研判 in Q2 of the current year. */
  noSituationAnalysisQ2: 'diaodu',
  /** 客运分公司党总支 holds only 2 中心组学习 in H1 of the current year (3 required). */
  shortCentralStudyH1: 'keyun',
  /** 交通工程建设公司党支部 held no training for publicity staff in the previous year. */
  noTrainingLastYear: 'gongcheng',
  /** 青川港航物流有限公司党支部 held only 1 专题研究 in the previous year (2 required). */
  oneSpecialStudyLastYear: 'wuliu',
} as const;

interface DemoRecord {
  unit: string;
  type: 'meeting' | 'study' | 'publicity' | 'event' | 'training';
  subtype: string;
  date: string;
  title: string;
  summary: string;
  topics: string[];
  participants: number | null;
  areas: string[];
  attendance: boolean;
  speakers: string[];
  outlet: string | null;
  audience: number | null;
}

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const STUDY_TOPICS = [
  '深入学习习近平新时代中国特色社会主义思想',
  '学习《中国共产党宣传工作条例》',
  '学习《党委（党组）意识形态工作责任制实施办法》',
  '网络意识形态安全与网络舆情应对',
  '弘扬新时代交通精神，服务群众平安出行',
  '深化文明服务窗口创建',
  '党风廉政建设与作风建设',
  '交通运输行业安全生产形势与风险防范',
];
const OUTLETS = ['青川日报', '青川交通微信公众号', '青川新闻网', '集团内网', '青川交通视频号'];
const PUBLICITY_TITLES = [
  '春运首日客流平稳有序',
  '“文明出行”志愿服务队走进候车大厅',
  '港航物流公司开展安全生产月活动',
  '集团召开年度宣传思想工作会议',
  '客运中心站推出适老化服务举措',
  '交通工程建设者坚守一线保工期',
  '调度中心夜班员工的一天',
  '党员先锋岗亮出服务新承诺',
  '暑运高峰客运保障工作扎实推进',
  '集团开展“七一”主题党日活动',
];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isCommittee(unit: DemoUnit): boolean {
  return unit.type !== '党支部';
}

/** Every demo record of one year, before trimming to today. */
function recordsOfYear(year: number, currentYear: number, random: () => number): DemoRecord[] {
  const day = (month: number) => `${year}-${pad(month)}-${pad(5 + Math.floor(random() * 22))}`;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const out: DemoRecord[] = [];
  const base = {
    topics: [],
    participants: null,
    attendance: false,
    speakers: [],
    outlet: null,
    audience: null,
  };
  for (const unit of demoUnits) {
    const short = unit.name.replace(/有限公司|党委|党总支|党支部/g, '');
    const size = isCommittee(unit) ? 9 : 6 + Math.floor(random() * 20);
    // 形势研判: one per quarter, in the quarter's second or third month.
    for (let q = 1; q <= 4; q += 1) {
      if (unit.key === demoMisses.noSituationAnalysisQ2 && q === 2 && year === currentYear)
        continue;
      const aliased = random() < 0.3;
      out.push({
        ...base,
        unit: unit.key,
        type: 'meeting',
        subtype: aliased ? '意识形态形势分析研判会' : '形势研判',
        date: day(q * 3 - (random() < 0.5 ? 1 : 0)),
        title: `${year}年第${'一二三四'[q - 1]}季度意识形态领域形势分析研判会`,
        summary: `${short}分析研判本季度意识形态领域形势，梳理${pick(['网络舆情', '职工思想动态', '窗口服务投诉', '重点工程舆论'])}等方面风险点，明确应对措施和责任人。`,
        participants: size,
        areas: ['组织领导'],
      });
    }
    // 专题研究: twice a year.
    const specials =
      unit.key === demoMisses.oneSpecialStudyLastYear && year === currentYear - 1 ? [3] : [3, 8];
    for (const month of specials) {
      out.push({
        ...base,
        unit: unit.key,
        type: 'meeting',
        subtype: '专题研究',
        date: day(month),
        title: `${isCommittee(unit) ? '党委（党总支）会' : '支部委员会'}专题研究意识形态工作`,
        summary: `传达学习上级关于意识形态工作的部署要求，研究${month < 6 ? '年度意识形态工作要点和责任清单' : '下半年意识形态工作重点任务'}。`,
        participants: isCommittee(unit) ? 7 : 5,
        areas: ['组织领导'],
      });
    }
    out.push({
      ...base,
      unit: unit.key,
      type: 'meeting',
      subtype: isCommittee(unit) ? '民主生活会' : '组织生活会',
      date: day(1 + Math.floor(random() * 2)),
      title: `${year - 1}年度${isCommittee(unit) ? '领导班子民主生活会' : '组织生活会'}`,
      summary: '把落实意识形态工作责任制情况纳入对照检查内容，逐一开展批评和自我批评。',
      participants: size,
      areas: ['组织领导'],
    });
    // 中心组学习: committees only; the root monthly, the 党总支 four times a half-year.
    if (isCommittee(unit)) {
      const months =
        unit.key === 'root' ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [1, 3, 4, 6, 7, 9, 10, 12];
      const kept =
        unit.key === demoMisses.shortCentralStudyH1 && year === currentYear
          ? months.filter((m) => m !== 1 && m !== 4)
          : months;
      for (const month of kept) {
        const topic = pick(STUDY_TOPICS);
        out.push({
          ...base,
          unit: unit.key,
          type: 'study',
          subtype: random() < 0.2 ? '理论学习中心组学习' : '中心组学习',
          date: day(month),
          title: `理论学习中心组${month}月集中学习`,
          summary: `围绕“${topic}”开展集中学习，班子成员结合分管工作交流发言。`,
          topics: [topic],
          attendance: true,
          speakers: [],
          areas: ['理论学习'],
        });
      }
      out.push({
        ...base,
        unit: unit.key,
        type: 'study',
        subtype: '专题研讨',
        date: day(5),
        title: '意识形态工作专题研讨',
        summary: '围绕落实意识形态工作责任制开展专题研讨，查找短板，提出改进措施。',
        topics: [pick(STUDY_TOPICS)],
        participants: size,
        areas: ['理论学习'],
      });
    } else {
      out.push({
        ...base,
        unit: unit.key,
        type: 'study',
        subtype: '专题辅导',
        date: day(4),
        title: '意识形态工作专题辅导',
        summary: '邀请集团党委宣传部同志作专题辅导，讲解网络意识形态安全常识。',
        topics: ['网络意识形态安全与网络舆情应对'],
        participants: size,
        areas: ['理论学习'],
      });
      // 主题党日 every month.
      for (let month = 1; month <= 12; month += 1) {
        out.push({
          ...base,
          unit: unit.key,
          type: 'event',
          subtype: '主题党日',
          date: day(month),
          title: `${month}月主题党日：${pick(['重温入党誓词', '学习先进典型', '走访慰问困难职工', '岗位建功', '安全隐患排查'])}`,
          summary: '组织党员开展主题党日活动。',
          participants: size,
          areas: ['文明创建'],
        });
      }
    }
    out.push({
      ...base,
      unit: unit.key,
      type: 'study',
      subtype: '党课',
      date: day(6 + Math.floor(random() * 2)),
      title: `书记讲党课：${pick(['守好意识形态阵地', '做新时代合格党员', '以党建引领服务提升', '从交通人的初心谈起'])}`,
      summary: '党组织书记结合本单位实际讲授专题党课。',
      participants: size,
      speakers: [],
      areas: ['理论学习'],
    });
    // Publicity: the root every month, the others every other month or so.
    for (let month = 1; month <= 12; month += 1) {
      if (unit.key !== 'root' && random() < 0.55) continue;
      const subtype = pick(['稿件', '稿件', '新媒体发布', '宣讲']);
      out.push({
        ...base,
        unit: unit.key,
        type: 'publicity',
        subtype,
        date: day(month),
        title:
          subtype === '宣讲'
            ? `${pick(['党的创新理论', '安全生产', '文明出行'])}进站区宣讲`
            : pick(PUBLICITY_TITLES),
        summary: subtype === '宣讲' ? '组织宣讲小分队深入一线开展宣讲。' : '经三审后发布。',
        outlet: subtype === '宣讲' ? null : pick(OUTLETS),
        audience: subtype === '宣讲' ? 30 + Math.floor(random() * 200) : null,
        areas: ['宣传教育'],
      });
    }
    for (const month of [3, 9]) {
      if (random() < 0.3) continue;
      out.push({
        ...base,
        unit: unit.key,
        type: 'event',
        subtype: month === 3 ? '志愿服务' : '文明创建',
        date: day(month),
        title: month === 3 ? '学雷锋志愿服务活动' : '文明服务窗口创建推进会',
        summary:
          month === 3
            ? '党员志愿者在站区开展引导、咨询和便民服务。'
            : '对照文明单位创建测评体系，逐项推进创建工作。',
        participants: 10 + Math.floor(random() * 30),
        areas: ['文明创建'],
      });
    }
    if (!(unit.key === demoMisses.noTrainingLastYear && year === currentYear - 1)) {
      out.push({
        ...base,
        unit: unit.key,
        type: 'training',
        subtype: unit.key === 'root' ? '宣传干部培训' : '网络宣传队伍培训',
        date: day(unit.key === 'root' ? 5 : 10),
        title: unit.key === 'root' ? '集团宣传思想文化干部培训班' : '网络评论和新媒体运营培训',
        summary: '围绕新闻写作、新媒体运营和信息发布审核开展培训。',
        participants: 12 + Math.floor(random() * 20),
        areas: ['队伍建设'],
      });
    }
  }
  return out;
}

export interface DemoRecordsResult {
  created: number;
}

/**
 * Adds the demo records (previous year and current year up to today) and the frameworks of
 * both years. Idempotent: does nothing once the demo units hold any record.
 */
export async function seedDemoRecords(db: Db, clock: Clock): Promise<DemoRecordsResult> {
  const kysely = db.kysely;
  const root = await kysely
    .selectFrom('units')
    .select(['id', 'path'])
    .where('name', '=', DEMO_ROOT_UNIT)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!root) return { created: 0 };
  const existing = await kysely
    .selectFrom('activities')
    .innerJoin('units', 'units.id', 'activities.unit_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('units.path', '>=', root.path)
    .where('units.path', '<', pathUpperBound(root.path))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return { created: 0 };

  const today = chinaToday(clock);
  const year = Number(today.slice(0, 4));
  const random = prng(20261121);
  const records = [...recordsOfYear(year - 1, year, random), ...recordsOfYear(year, year, random)]
    .filter((r) => r.date <= today)
    .sort((a, b) => (a.date === b.date ? a.unit.localeCompare(b.unit) : a.date < b.date ? -1 : 1));

  const now = isoNow(clock);
  await kysely.transaction().execute(async (trx) => {
    await ensureDemoFrameworks(trx, [year - 1, year], now);
    const units = await trx
      .selectFrom('units')
      .select(['id', 'name'])
      .where('path', '>=', root.path)
      .where('path', '<', pathUpperBound(root.path))
      .execute();
    const unitIds = new Map(units.map((u) => [u.name, u.id]));
    const people = await trx
      .selectFrom('people')
      .select(['id', 'name', 'unit_id'])
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    const attendanceRandom = prng(7);
    for (const record of records) {
      const unit = demoUnits.find((u) => u.key === record.unit);
      const unitId = unit ? unitIds.get(unit.name) : undefined;
      if (!unitId) throw new Error(`unknown demo unit ${record.unit}`);
      const members = people.filter((p) => p.unit_id === unitId);
      const attendance = record.attendance
        ? members.map((p, i) =>
            i > 0 && attendanceRandom() < 0.12
              ? {
                  personId: p.id,
                  name: p.name,
                  present: false,
                  reason: attendanceRandom() < 0.5 ? '公务出差' : '病假',
                }
              : { personId: p.id, name: p.name, present: true, reason: null },
          )
        : [];
      const participants = record.attendance
        ? attendance.filter((a) => a.present).length
        : record.participants;
      const { id } = await trx
        .insertInto('activities')
        .values({
          unit_id: unitId,
          type: record.type,
          subtype: record.subtype,
          date: record.date,
          title: record.title,
          summary: record.summary,
          participants,
          topics: JSON.stringify(record.topics),
          attendance: JSON.stringify(attendance),
          speakers: JSON.stringify(record.speakers),
          outlet: record.outlet,
          link: null,
          audience: record.audience,
          areas: JSON.stringify(record.areas),
          extra: '{}',
          external_id: null,
          search_text: searchText([record.title, record.subtype, record.summary, ...record.topics]),
          version: 1,
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (record.areas.length > 0) {
        await trx
          .insertInto('activity_areas')
          .values(record.areas.map((area) => ({ activity_id: id, area })))
          .execute();
      }
    }
    await new AuditRepository(trx).insertOperation({
      userId: null,
      username: 'system',
      action: 'import',
      entity: 'demo',
      entityId: null,
      summary: `创建演示台账记录 ${records.length} 条（${year - 1} 年至 ${today}）`,
      before: null,
      after: { records: records.length },
      ip: '127.0.0.1',
      createdAt: now,
    });
  });
  return { created: records.length };
}

async function ensureDemoFrameworks(
  trx: Kysely<Database>,
  years: number[],
  now: string,
): Promise<void> {
  const repo = new FrameworkRepository(trx);
  for (const year of years) {
    if (!(await repo.findByYear(year, trx))) await createFrameworkForYear(repo, year, now, trx);
  }
}
