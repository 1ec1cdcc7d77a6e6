import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../cli/main';

// The commands are thin wrappers over the services tested on both dialects; here they run on
// a SQLite file of their own, whatever DATABASE_URL the suite uses.
describe('npx taizhang import / export', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-cli-'));
  const saved = { url: process.env.DATABASE_URL, files: process.env.FILES_DIR };
  const file = (name: string, lines: string[]) => {
    const target = path.join(dir, name);
    fs.writeFileSync(target, `${lines.join('\n')}\n`);
    return target;
  };
  const lines = [
    '{"format":"taizhang-ledger","version":1}',
    '{"kind":"unit","id":"u1","name":"青川市交通运输局党组","type":"党组","parent":null}',
    '{"kind":"unit","id":"u2","name":"青川市交通运输局机关党支部","type":"党支部","parent":"u1"}',
    '{"kind":"person","id":"p1","unit":"u1","name":"林志远","post":"党组书记、局长"}',
    '{"kind":"person","id":"p2","unit":"u1","name":"周明慧","post":"党组成员、副局长"}',
    '{"kind":"responsibility","id":"r1","unit":"u1","person":"p1","role":"第一责任人","year":2024}',
    '{"kind":"responsibility","id":"r2","unit":"u1","person":"p2","role":"直接责任人","areas":["宣传教育","阵地管理"],"year":2024}',
    '{"kind":"activity","id":"a1","unit":"u1","type":"meeting","subtype":"形势研判","date":"2024-03-28","title":"一季度意识形态领域形势分析研判会","summary":"分析研判。","participants":9}',
    '{"kind":"activity","id":"a2","unit":"u1","type":"study","subtype":"中心组学习","date":"2024-01-16","title":"中心组集中学习","topics":["党的二十大精神"],"attendance":[{"person":"p1","present":true},{"person":"p2","present":false,"reason":"公务出差"}]}',
    '{"kind":"activity","id":"a3","unit":"u1","type":"publicity","subtype":"稿件","date":"2024-05-09","title":"交通运输局开展安全宣传","outlet":"青川日报","link":"https://news.example.com/a3"}',
    '{"kind":"activity","id":"a4","unit":"u2","type":"event","subtype":"主题党日","date":"2024-06-21","title":"七一主题党日","participants":23}',
    '{"kind":"channel","id":"c1","unit":"u1","name":"青川交通","platform":"微信公众号","owner":"p2","registered":"2023-04-01","status":"active"}',
    '{"kind":"incident","id":"i1","unit":"u1","found":"2024-04-02","source":"本地论坛","summary":"网民反映线路调整","severity":"一般","status":"closed","closed":"2024-04-03","response":"发布说明。"}',
  ];
  let stderr: string[];
  let stdout: string[];

  beforeAll(() => {
    process.env.DATABASE_URL = `sqlite:${path.join(dir, 'cli.db')}`;
    process.env.FILES_DIR = path.join(dir, 'files');
    stderr = [];
    stdout = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      stdout.push(args.join(' '));
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterAll(() => {
    vi.restoreAllMocks();
    process.env.DATABASE_URL = saved.url;
    process.env.FILES_DIR = saved.files;
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    if (saved.files === undefined) delete process.env.FILES_DIR;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports the format’s example file and exports exactly the same lines, in the same order', async () => {
    process.exitCode = undefined;
    await runCli(['node', 'taizhang', 'import', file('in.jsonl', lines)]);
    expect(process.exitCode ?? 0).toBe(0);
    expect(stdout.join('\n')).toContain(
      '导入完成：单位 2，人员 2，责任分工 2，活动记录 4，阵地 1，舆情事件 1',
    );
    const out = path.join(dir, 'out.jsonl');
    await runCli(['node', 'taizhang', 'export', '--out', out]);
    expect(process.exitCode ?? 0).toBe(0);
    const exported = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(exported[0]).toBe(lines[0]);
    expect(exported).toEqual(lines);
    const sub = path.join(dir, 'sub.jsonl');
    await runCli([
      'node',
      'taizhang',
      'export',
      '--unit',
      '青川市交通运输局机关党支部',
      '--out',
      sub,
    ]);
    expect(fs.readFileSync(sub, 'utf8').trimEnd().split('\n')).toEqual([
      lines[0],
      '{"kind":"unit","id":"u2","name":"青川市交通运输局机关党支部","type":"党支部","parent":null}',
      lines[10],
    ]);
  });

  it('rejects a bad file with every error on stderr and exit code 1, writing nothing', async () => {
    process.exitCode = undefined;
    stderr.length = 0;
    const bad = file('bad.jsonl', [
      lines[0] ?? '',
      '{"kind":"activity","id":"b1","unit":"u1","type":"meeting","subtype":"专题研究","date":"2024-02-30","title":"错日期"}',
      '{"kind":"activity","id":"b2","unit":"u9","type":"meeting","subtype":"专题研究","date":"2024-02-01","title":"错单位"}',
    ]);
    await runCli(['node', 'taizhang', 'import', bad]);
    expect(process.exitCode).toBe(1);
    const text = stderr.join('');
    expect(text).toContain('第2行（活动记录 b1）：date：日期不是有效的日期');
    expect(text).toContain('第3行（活动记录 b2）：引用的单位「u9」');
    expect(text).toContain('错误：导入失败：发现 2 处错误，未写入任何数据');
    process.exitCode = undefined;
    await runCli(['node', 'taizhang', 'import', path.join(dir, 'missing.jsonl')]);
    expect(process.exitCode).toBe(2);
    process.exitCode = undefined;
  });
});
