// npm run gen:scale — fills the database of DATABASE_URL with 10,000 units and 1,000,000 ledger
// records (deterministic: seeded PRNG, fixed dates), for bench:ledger. Needs an empty database.
// SCALE_UNITS / SCALE_RECORDS override the sizes for a quick run.
import type { Insertable, Kysely } from 'kysely';
import { sql } from 'kysely';
import { openDatabase } from '../apps/server/src/db/database';
import { migrateToLatest } from '../apps/server/src/db/migrator';
import type { Database } from '../apps/server/src/db/schema';
import { hashPassword } from '../apps/server/src/modules/auth/password';
import { searchText } from '../apps/server/src/modules/ledger/search/search-tokens';
import { RolesRepository } from '../apps/server/src/modules/roles/roles.repository';
import { ensureBuiltinRoles } from '../apps/server/src/modules/roles/ensure-builtin-roles';
import { UsersRepository } from '../apps/server/src/modules/users/users.repository';
import { SCALE_ADMIN, SCALE_PASSWORD } from './gen-scale-account';

/** Second-level committees: each heads a subtree of about 1,000 units. */
const SCALE_BRANCHES = 10;

const UNITS = Number(process.env.SCALE_UNITS ?? 10_000);
const RECORDS = Number(process.env.SCALE_RECORDS ?? 1_000_000);
const NOW = '2026-11-21T00:00:00.000Z';
const FIRST_DAY = Date.UTC(2025, 0, 1);
const DAYS = 690; // 2025-01-01 … 2026-11-21

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
const random = prng(20_261_121);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const KINDS: { type: string; weight: number; subtypes: string[]; area: string }[] = [
  {
    type: 'meeting',
    weight: 22,
    subtypes: [
      '形势研判',
      '意识形态形势分析研判会',
      '专题研究',
      '民主生活会',
      '组织生活会',
      '工作部署会',
    ],
    area: '组织领导',
  },
  {
    type: 'study',
    weight: 26,
    subtypes: ['中心组学习', '理论学习中心组学习', '党课', '专题辅导', '专题研讨', '集中学习'],
    area: '理论学习',
  },
  { type: 'publicity', weight: 26, subtypes: ['稿件', '新媒体发布', '宣讲'], area: '宣传教育' },
  {
    type: 'event',
    weight: 16,
    subtypes: ['主题党日', '文明创建', '志愿服务', '比赛'],
    area: '文明创建',
  },
  {
    type: 'training',
    weight: 6,
    subtypes: ['宣传干部培训', '网络宣传队伍培训', '业务培训'],
    area: '队伍建设',
  },
  { type: 'other', weight: 4, subtypes: ['其他'], area: '督查考核' },
];
const TOTAL_WEIGHT = KINDS.reduce((a, k) => a + k.weight, 0);
const TOPICS = [
  '学习宣传工作条例',
  '网络意识形态安全',
  '安全生产与舆情风险',
  '文明服务窗口创建',
  '作风建设',
  '新时代交通精神',
  '基层党建质量提升',
  '职工思想动态分析',
];
const PLACES = ['东城', '西城', '南港', '北站', '高新', '滨江', '临河', '青山', '白塔', '新桥'];

function kindOf(): (typeof KINDS)[number] {
  let r = random() * TOTAL_WEIGHT;
  for (const k of KINDS) {
    r -= k.weight;
    if (r < 0) return k;
  }
  return KINDS[0] as (typeof KINDS)[number];
}

function dateOf(): string {
  return new Date(FIRST_DAY + Math.floor(random() * DAYS) * 86_400_000).toISOString().slice(0, 10);
}

interface UnitSpec {
  id: number;
  parent_id: number | null;
  name: string;
  type: string;
  path: string;
  depth: number;
}

/** root → branches (党委) → 10 党总支 each → 党支部 spread evenly, ids 1…UNITS. */
function buildUnits(): UnitSpec[] {
  const units: UnitSpec[] = [
    {
      id: 1,
      parent_id: null,
      name: '青川市国有资本投资运营集团党委',
      type: '党委',
      path: '/1/',
      depth: 0,
    },
  ];
  const branches: UnitSpec[] = [];
  for (let b = 0; b < SCALE_BRANCHES && units.length < UNITS; b += 1) {
    const id = units.length + 1;
    const unit = {
      id,
      parent_id: 1,
      name: `${PLACES[b % PLACES.length]}${b + 1}号子集团党委`,
      type: '党委',
      path: `/1/${id}/`,
      depth: 1,
    };
    units.push(unit);
    branches.push(unit);
  }
  const generals: UnitSpec[] = [];
  for (const branch of branches) {
    for (let g = 0; g < 10 && units.length < UNITS; g += 1) {
      const id = units.length + 1;
      const unit = {
        id,
        parent_id: branch.id,
        name: `${branch.name.replace('党委', '')}第${g + 1}分公司党总支`,
        type: '党总支',
        path: `${branch.path}${id}/`,
        depth: 2,
      };
      units.push(unit);
      generals.push(unit);
    }
  }
  for (let i = 0; units.length < UNITS; i += 1) {
    const parent = generals[i % generals.length] as UnitSpec;
    const id = units.length + 1;
    units.push({
      id,
      parent_id: parent.id,
      name: `${parent.name.replace('党总支', '')}第${Math.floor(i / generals.length) + 1}党支部`,
      type: '党支部',
      path: `${parent.path}${id}/`,
      depth: 3,
    });
  }
  return units;
}

async function insertInBatches<T>(
  rows: readonly T[],
  size: number,
  insert: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? 'sqlite:./data/scale.db';
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const db = openDatabase(url);
  const kysely: Kysely<Database> = db.kysely;
  try {
    await migrateToLatest(db);
    const existing = await kysely
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(existing.n) > 0)
      throw new Error(
        `数据库不是空的（已有 ${existing.n} 个单位）：请使用新的数据库（${db.describe}）`,
      );
    console.log(`生成规模数据到 ${db.describe}：${UNITS} 个单位，${RECORDS} 条台账记录`);
    if (db.dialect === 'sqlite') await sql`pragma synchronous = off`.execute(kysely);

    const units = buildUnits();
    const unitRows = units.map((u) => ({
      ...u,
      sort_order: 0,
      remark: '',
      version: 1,
      created_by: null,
      created_at: NOW,
      updated_at: NOW,
    }));
    await kysely.transaction().execute(async (trx) => {
      await insertInBatches(unitRows, 1000, (batch) =>
        trx.insertInto('units').values(batch).execute(),
      );
      const roleIds = await ensureBuiltinRoles(new RolesRepository(trx), NOW, trx);
      const users = new UsersRepository(trx);
      const userId = await users.insert(
        {
          username: SCALE_ADMIN,
          display_name: '规模测试管理员',
          password_hash: await hashPassword(SCALE_PASSWORD),
          unit_id: 1,
          must_change_password: false,
        },
        NOW,
        trx,
      );
      await users.setRoles(userId, [roleIds.get('admin') as number], trx);
    });
    console.log(`单位 ${units.length} 个（${elapsed()}）`);

    const committees = new Set(units.filter((u) => u.type !== '党支部').map((u) => u.id));
    const BATCH = 1000;
    const PER_TRANSACTION = db.dialect === 'sqlite' ? 200_000 : 50_000;
    let id = 0;
    while (id < RECORDS) {
      const end = Math.min(RECORDS, id + PER_TRANSACTION);
      await kysely.transaction().execute(async (trx) => {
        for (let start = id; start < end; start += BATCH) {
          const activities: Insertable<Database['activities']>[] = [];
          const areas: { activity_id: number; area: string }[] = [];
          for (let n = start; n < Math.min(end, start + BATCH); n += 1) {
            const recordId = n + 1;
            // Records spread evenly over units (100 each at full scale), in a shuffled order.
            const unitId = (n % units.length) + 1;
            const kind = kindOf();
            const subtype = pick(kind.subtypes);
            const topic = pick(TOPICS);
            const title = `${pick(PLACES)}${subtype}：${topic}`;
            const summary = `围绕“${topic}”开展${subtype}，参加人员结合岗位实际交流体会。`;
            const studyWithList =
              kind.type === 'study' && committees.has(unitId) && subtype.includes('中心组');
            activities.push({
              id: recordId,
              unit_id: unitId,
              type: kind.type,
              subtype,
              date: dateOf(),
              title,
              summary,
              participants: 5 + Math.floor(random() * 40),
              topics: JSON.stringify([topic]),
              attendance: studyWithList
                ? '[{"personId":null,"name":"书记","present":true,"reason":null}]'
                : '[]',
              speakers: '[]',
              outlet:
                kind.type === 'publicity' ? pick(['青川日报', '集团公众号', '集团内网']) : null,
              link: null,
              audience: null,
              areas: JSON.stringify([kind.area]),
              extra: '{}',
              external_id: null,
              search_text: searchText([title, subtype, summary, topic]),
              version: 1,
              created_by: null,
              created_at: NOW,
              updated_at: NOW,
              deleted_at: null,
            });
            areas.push({ activity_id: recordId, area: kind.area });
          }
          await trx.insertInto('activities').values(activities).execute();
          await trx.insertInto('activity_areas').values(areas).execute();
        }
      });
      id = end;
      console.log(
        `台账记录 ${id.toLocaleString('en-US')} / ${RECORDS.toLocaleString('en-US')}（${elapsed()}）`,
      );
    }
    if (db.dialect === 'postgres') {
      await sql`select setval(pg_get_serial_sequence('units', 'id'), (select max(id) from units))`.execute(
        kysely,
      );
      await sql`select setval(pg_get_serial_sequence('activities', 'id'), (select max(id) from activities))`.execute(
        kysely,
      );
      // Sets the visibility map too, so index-only scans need no heap visits from the start.
      await sql`vacuum analyze`.execute(kysely);
    } else {
      await sql`analyze`.execute(kysely);
    }
    console.log(`完成，用时 ${elapsed()}。登录：${SCALE_ADMIN} / ${SCALE_PASSWORD}`);
  } finally {
    await db.close();
  }
}

await main();
