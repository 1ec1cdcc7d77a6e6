// Deterministic benchmark input: a 1,000,000-character report-like document and a term list.

/** Small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCES = [
  '认真贯彻落实意识形态工作责任制，把意识形态工作纳入党建工作责任制，与业务工作同部署、同落实、同检查、同考核。',
  '党委理论学习中心组开展集中学习，围绕习近平新时代中国特色社会主义思想进行专题研讨，班子成员逐一交流发言。',
  '召开意识形态工作形势分析研判会，对网络舆情、职工思想动态进行分析，形成研判报告并报上级党委宣传部备案。',
  '在单位网站、微信公众号发布工作动态稿件，在市级以上媒体刊发宣传稿件，讲好本单位发展故事。',
  '组织开展主题党日活动，带领党员赴红色教育基地参观学习，重温入党誓词，坚定理想信念。',
  '严格落实信息发布三审制度，对宣传栏、电子屏、网站和新媒体平台发布内容进行审核，做到谁发布谁负责。',
  '举办宣传思想工作培训班，邀请专家围绕新闻写作、新媒体运营和舆情应对进行辅导授课。',
  '开展文明单位创建和志愿服务活动，组织志愿者深入社区开展政策宣讲、环境整治和关爱帮扶。',
  '对下属支部落实意识形态工作责任制情况开展督查，发现问题及时反馈，建立整改台账，明确整改时限。',
  '一是理论学习的深度还不够，学用结合不够紧密；二是宣传阵地建设还有短板，新媒体平台影响力不强；三是队伍能力有待提升。',
  '书记履行第一责任人职责，重要工作亲自部署、重要问题亲自过问、重大事件亲自处置，班子成员落实一岗双责。',
  '截至目前，共组织中心组学习6次、专题研讨2次，开展宣讲活动18场，覆盖干部职工900余人次。',
  '坚持正确政治方向、舆论导向和价值取向，弘扬社会主义核心价值观，凝聚干事创业的强大合力。',
  '加强网络阵地管理，建立网站、公众号和工作群台账，明确管理责任人，定期开展安全检查。',
];
const DEFECTS = [
  'XX党委召开会议X次，研究部署相关工作。',
  '进一步加强的的宣传引导,营造良好氛围。',
  '今年是新中国成立70周年，全体党员深受鼓舞。',
  '持续深入开展党史学习教育，迎接党的二十大胜利召开。',
  '本文档由某范文网整理，仅供学习使用。',
  '截止目前，各项工作按排有序推进。',
];
const UNITS = [
  '机关党委',
  '第一党支部',
  '第二党支部',
  '办公室党支部',
  '宣传科',
  '工会',
  '团委',
  '后勤党支部',
  '信息中心',
  '综合科',
  '财务科党支部',
  '离退休党支部',
  '执法大队',
  '档案室',
  '培训中心',
];
const HEADINGS = ['一、', '二、', '三、', '四、', '五、'];

/** A deterministic document of at least `size` characters (trimmed to exactly `size`). */
export function buildDocument(size: number, seed = 20240710): string {
  const rnd = prng(seed);
  const parts: string[] = ['某市直机关工委关于2024年上半年意识形态工作的报告\n'];
  let length = parts[0]?.length ?? 0;
  let h = 0;
  while (length < size) {
    let line = '';
    if (rnd() < 0.04) {
      line = `${HEADINGS[h % HEADINGS.length]}强化责任落实，推动工作见效\n`;
      h++;
    } else {
      const n = 2 + Math.floor(rnd() * 4);
      for (let i = 0; i < n; i++) {
        const pool = rnd() < 0.05 ? DEFECTS : SENTENCES;
        const unit = UNITS[Math.floor(rnd() * UNITS.length)] as string;
        const month = 1 + Math.floor(rnd() * 6);
        const day = 1 + Math.floor(rnd() * 28);
        line += `${month}月${day}日，${unit}${pool[Math.floor(rnd() * pool.length)]}`;
      }
      line += '\n';
    }
    parts.push(line);
    length += line.length;
  }
  return parts.join('').slice(0, size - 11) + '\n2024年7月10日';
}

const POOL =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';

/** `count` distinct terms: mostly random 3–6 character words, 0.2% drawn from the document. */
export function buildTerms(count: number, document: string, seed = 7): string[] {
  const rnd = prng(seed);
  const set = new Set<string>();
  while (set.size < count) {
    if (rnd() < 0.002) {
      const len = 3 + Math.floor(rnd() * 3);
      const at = Math.floor(rnd() * (document.length - len));
      const w = document.slice(at, at + len);
      if (!/[\s，。、；：“”]/.test(w)) set.add(w);
      continue;
    }
    const len = 3 + Math.floor(rnd() * 4);
    let w = '';
    for (let i = 0; i < len; i++) w += POOL[Math.floor(rnd() * POOL.length)];
    set.add(w);
  }
  return [...set];
}
