// The demo organization: an invented transport group and its Party organizations. Names are
// made up; any likeness to a real unit or person is coincidental.

export interface DemoUnit {
  key: string;
  parent: string | null;
  name: string;
  type: '党委' | '党组' | '党工委' | '党总支' | '党支部' | '其他';
}

export interface DemoPerson {
  key: string;
  unit: string;
  name: string;
  post: string;
  gender: '男' | '女';
}

export interface DemoResponsibility {
  unit: string;
  person: string;
  role: '第一责任人' | '直接责任人' | '一岗双责';
  areas: string[];
}

export interface DemoUser {
  username: string;
  displayName: string;
  unit: string;
  role: string;
}

export const DEMO_ROOT_UNIT = '青川市交通运输集团有限公司党委';
export const DEMO_ADMIN = 'admin';
/** Initial password of every demo account; each must be changed at first login. */
export const DEMO_PASSWORD = 'Taizhang@2026';

export const demoUnits: DemoUnit[] = [
  { key: 'root', parent: null, name: DEMO_ROOT_UNIT, type: '党委' },
  { key: 'jiguan', parent: 'root', name: '集团机关党总支', type: '党总支' },
  { key: 'jiguan1', parent: 'jiguan', name: '集团机关第一党支部', type: '党支部' },
  { key: 'jiguan2', parent: 'jiguan', name: '集团机关第二党支部', type: '党支部' },
  { key: 'keyun', parent: 'root', name: '客运分公司党总支', type: '党总支' },
  { key: 'keyunzhan', parent: 'keyun', name: '青川客运中心站党支部', type: '党支部' },
  { key: 'diaodu', parent: 'keyun', name: '运营调度中心党支部', type: '党支部' },
  { key: 'wuliu', parent: 'root', name: '青川港航物流有限公司党支部', type: '党支部' },
  { key: 'gongcheng', parent: 'root', name: '交通工程建设公司党支部', type: '党支部' },
];

export const demoPeople: DemoPerson[] = [
  { key: 'lin', unit: 'root', name: '林志远', post: '党委书记、董事长', gender: '男' },
  { key: 'zhou', unit: 'root', name: '周明慧', post: '党委副书记、总经理', gender: '女' },
  { key: 'shen', unit: 'root', name: '沈浩然', post: '党委副书记（专职）', gender: '男' },
  { key: 'he', unit: 'root', name: '何淑敏', post: '党委委员、纪委书记', gender: '女' },
  { key: 'tang', unit: 'root', name: '唐立新', post: '党委委员、副总经理', gender: '男' },
  { key: 'xu', unit: 'root', name: '许文静', post: '党委宣传部部长', gender: '女' },
  { key: 'cao', unit: 'root', name: '曹一鸣', post: '党委宣传部干事', gender: '男' },
  { key: 'jiang', unit: 'jiguan', name: '江海涛', post: '党总支书记', gender: '男' },
  { key: 'fang', unit: 'jiguan1', name: '方晓雯', post: '党支部书记', gender: '女' },
  { key: 'lu', unit: 'jiguan1', name: '陆嘉宁', post: '宣传委员', gender: '男' },
  { key: 'yan', unit: 'jiguan2', name: '严思远', post: '党支部书记', gender: '男' },
  { key: 'qin', unit: 'keyun', name: '秦国栋', post: '党总支书记、分公司经理', gender: '男' },
  { key: 'bai', unit: 'keyunzhan', name: '白雪梅', post: '党支部书记、站长', gender: '女' },
  { key: 'gu', unit: 'keyunzhan', name: '顾晨阳', post: '宣传委员', gender: '男' },
  { key: 'pan', unit: 'diaodu', name: '潘志诚', post: '党支部书记', gender: '男' },
  { key: 'kong', unit: 'wuliu', name: '孔令辉', post: '党支部书记、总经理', gender: '男' },
  { key: 'ye', unit: 'wuliu', name: '叶小舟', post: '宣传委员', gender: '女' },
  { key: 'song', unit: 'gongcheng', name: '宋建国', post: '党支部书记、总经理', gender: '男' },
];

export const demoResponsibilities: DemoResponsibility[] = [
  { unit: 'root', person: 'lin', role: '第一责任人', areas: [] },
  {
    unit: 'root',
    person: 'shen',
    role: '直接责任人',
    areas: ['宣传教育', '阵地管理', '舆情应对', '文明创建'],
  },
  { unit: 'root', person: 'he', role: '直接责任人', areas: ['督查考核'] },
  { unit: 'root', person: 'zhou', role: '一岗双责', areas: [] },
  { unit: 'root', person: 'tang', role: '一岗双责', areas: [] },
  { unit: 'jiguan', person: 'jiang', role: '第一责任人', areas: [] },
  { unit: 'jiguan1', person: 'fang', role: '第一责任人', areas: [] },
  { unit: 'jiguan1', person: 'lu', role: '直接责任人', areas: ['理论学习', '宣传教育'] },
  { unit: 'jiguan2', person: 'yan', role: '第一责任人', areas: [] },
  { unit: 'keyun', person: 'qin', role: '第一责任人', areas: [] },
  { unit: 'keyunzhan', person: 'bai', role: '第一责任人', areas: [] },
  { unit: 'keyunzhan', person: 'gu', role: '直接责任人', areas: ['宣传教育', '阵地管理'] },
  { unit: 'diaodu', person: 'pan', role: '第一责任人', areas: [] },
  { unit: 'wuliu', person: 'kong', role: '第一责任人', areas: [] },
  { unit: 'wuliu', person: 'ye', role: '直接责任人', areas: ['宣传教育'] },
  { unit: 'gongcheng', person: 'song', role: '第一责任人', areas: [] },
];

export const demoUsers: DemoUser[] = [
  { username: DEMO_ADMIN, displayName: '系统管理员', unit: 'root', role: 'admin' },
  { username: 'xuanchuan', displayName: '许文静', unit: 'root', role: 'unit_admin' },
  { username: 'keyun', displayName: '秦国栋', unit: 'keyun', role: 'leader' },
  { username: 'jiguan1', displayName: '陆嘉宁', unit: 'jiguan1', role: 'clerk' },
  { username: 'keyunzhan', displayName: '顾晨阳', unit: 'keyunzhan', role: 'clerk' },
];
