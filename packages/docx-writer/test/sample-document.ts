import type { OfficialDocument } from '../src/index';

/** A small document exercising every block kind and heading level. */
export function buildSampleDocument(overrides: Partial<OfficialDocument> = {}): OfficialDocument {
  return {
    title: '青川市交通运输局党组关于2024年上半年意识形态工作的报告',
    recipient: '中共青川市委宣传部：',
    blocks: [
      {
        kind: 'paragraph',
        text: '2024年上半年，局党组认真落实意识形态工作责任制。现将有关情况报告如下：',
      },
      { kind: 'heading', level: 1, number: '一、', text: '上半年工作开展情况' },
      {
        kind: 'heading',
        level: 2,
        number: '（一）',
        text: '强化组织领导，压实工作责任。',
        body: '上半年召开党组会议专题研究意识形态工作2次。',
      },
      { kind: 'heading', level: 3, number: '1.', text: '专题研究。', body: '3月28日开展研判。' },
      { kind: 'heading', level: 4, number: '（1）', text: '形势研判。' },
      { kind: 'paragraph', text: '一是宣传阵地管理还需加强。' },
    ],
    signature: '中共青川市交通运输局党组',
    date: '2024-07-10',
    ...overrides,
  };
}
