/**
 * The matters of petition sessions, briefings and cross-county sessions (the everyday ones are in
 * topics.ts), and the words around a session: agenda steps, presenters, venues, reasons to call
 * one off, how minutes name a kind and end. Data only; the generator picks and combines.
 */
import { HomeKind, PolicyArea } from '@cppcc/organization';
import type { Topic } from './topics';

export type { Topic } from './topics';

// The shorthands of topics.ts: the homes a matter comes up in, and the policy areas.
const V = [HomeKind.VILLAGER] as const;
const C = [HomeKind.CITIZEN] as const;
const BOTH = [HomeKind.VILLAGER, HomeKind.CITIZEN] as const;
const A = PolicyArea;

/** Petition matters (信访事项) for multi-party platform sessions. */
export const PETITION_MATTERS: readonly Topic[] = [
  {
    short: '征地补偿款分配',
    titles: ['征地补偿款分配争议'],
    description:
      '{place}部分村民对项目征地后补偿款在集体与个人之间、出嫁女和新增人口之间的分配方案有异议，多次到镇、县上访。',
    homes: V,
    areas: [A.LAND_AND_HOUSING, A.PETITIONS],
    consensus: [
      '补偿款分配方案依法经村民代表会议重新审议',
      '出嫁女等特殊群体的成员资格按政策逐户认定',
      '分配结果张榜公示，接受群众监督',
    ],
    disagreements: ['个别信访人对成员资格认定结果仍不认可，保留依法申请复核的权利'],
    actions: [
      '镇农经站会同司法所对分配方案进行合法性审查',
      '对有异议的农户逐户核实户籍和承包情况',
      '由法律工作者向信访人释法说理',
    ],
  },
  {
    short: '拆迁安置房交付延期',
    titles: ['拆迁安置房交付延期问题'],
    description:
      '{place}一批拆迁户的安置房未按约定时间交付，过渡费发放不及时，群众反映强烈并集体信访。',
    homes: BOTH,
    areas: [A.LAND_AND_HOUSING, A.PETITIONS],
    consensus: [
      '建设单位公开施工进度计划，明确交付时间节点',
      '逾期期间过渡费按协议标准足额发放',
      '群众代表每月参加一次工程进度现场查看',
    ],
    disagreements: ['逾期交付的违约补偿标准，群众要求高于协议约定'],
    actions: [
      '住建部门督促建设单位加快施工进度',
      '街道（镇）核对并补发拖欠的过渡费',
      '每月向拆迁户通报工程进度',
    ],
  },
  {
    short: '养殖场异味扰民',
    titles: ['规模养殖场异味扰民问题'],
    description:
      '{place}附近一处规模养殖场粪污处理不规范，夏季异味大、蚊蝇多，周边村民多次信访要求关停。',
    homes: V,
    areas: [A.ENVIRONMENT, A.PETITIONS],
    consensus: [
      '养殖场限期完成粪污处理设施改造',
      '生态环境部门对整改情况开展监测并公开结果',
      '整改期间适当压减存栏量',
    ],
    disagreements: ['部分村民坚持要求搬迁，养殖户认为搬迁成本过高'],
    actions: [
      '生态环境部门下达限期整改通知',
      '农业农村部门指导粪污资源化利用',
      '村里组织群众代表参与整改验收',
    ],
  },
  {
    short: '开发商配套设施未兑现',
    titles: ['小区开发商承诺配套设施未兑现问题'],
    description:
      '{place}某商品房小区交付多年，开发商承诺的幼儿园、会所和绿化等配套设施迟迟未兑现，业主多次集体信访。',
    homes: C,
    areas: [A.LAND_AND_HOUSING, A.PETITIONS],
    consensus: [
      '自然资源和规划部门核实规划许可中的配套设施内容',
      '开发商对可兑现的配套设施作出书面承诺和时间表',
      '业主委员会代表业主参与后续协商',
    ],
    disagreements: ['规划未载明的宣传承诺是否应当兑现，双方认识分歧较大'],
    actions: [
      '相关部门约谈开发商负责人',
      '由律师为业主提供法律咨询',
      '对已确认的配套设施建设进度跟踪督办',
    ],
  },
  {
    short: '农民工工资拖欠',
    titles: ['工程项目拖欠农民工工资问题'],
    description: '{place}一批在本地工程项目务工的群众反映工程完工后工资长期被拖欠，多次信访未果。',
    homes: BOTH,
    areas: [A.EMPLOYMENT, A.PETITIONS],
    consensus: [
      '人社部门约谈施工总承包单位，限期清偿',
      '核实每名务工人员的出勤和应付工资数额',
      '引导务工人员通过劳动保障监察和法律途径维权',
    ],
    disagreements: ['总包与分包单位互相推诿，清偿责任主体仍需进一步认定'],
    actions: [
      '人社部门立案调查并督促清欠',
      '法律援助机构为务工人员提供免费法律援助',
      '建立欠薪问题清欠台账，按周通报进展',
    ],
  },
  {
    short: '承包地边界纠纷',
    titles: ['承包地边界和面积纠纷'],
    description:
      '{place}两组村民因承包地边界和确权面积不一致产生纠纷，矛盾多次激化，已形成信访事项。',
    homes: V,
    areas: [A.AGRICULTURE, A.PETITIONS],
    consensus: [
      '由镇农经站组织重新实地测量，双方到场确认',
      '以二轮承包合同和确权登记为依据调处',
      '调处期间双方不得擅自耕种争议地块',
    ],
    disagreements: ['一方对确权登记面积有异议，申请行政复核'],
    actions: [
      '组织专业测绘人员实地复测',
      '人民调解委员会出具调解意见',
      '司法所对当事人开展法律释明',
    ],
  },
  {
    short: '沿街商铺油烟噪音扰民',
    titles: ['沿街商铺油烟噪音扰民问题'],
    description:
      '{place}沿街餐饮商铺油烟直排、夜间经营噪音大，楼上居民长期信访，商户与居民矛盾尖锐。',
    homes: C,
    areas: [A.ENVIRONMENT, A.PETITIONS],
    consensus: [
      '商户限期安装油烟净化设施并定期清洗',
      '夜间22时后停止室外经营',
      '社区牵头建立商户与居民沟通群',
    ],
    disagreements: ['居民要求商户迁出，商户认为证照齐全应允许经营'],
    actions: [
      '生态环境和城管部门联合开展检查',
      '社区跟踪回访楼上住户',
      '市场监管部门核查经营许可范围',
    ],
  },
];

/** Policies a briefing session (宣传政策) explains. */
export const POLICIES: readonly Topic[] = [
  {
    short: '城乡居民医保政策',
    titles: ['城乡居民基本医疗保险缴费和报销政策解读'],
    description: '讲解年度居民医保个人缴费标准、门诊和住院报销比例、异地就医备案办理方式。',
    homes: BOTH,
    areas: [A.HEALTH, A.SOCIAL_SECURITY],
    consensus: ['群众对医保报销流程有了更清楚的了解', '网格员协助老年人完成线上缴费'],
    disagreements: [],
    actions: ['汇总群众提出的报销问题转医保经办机构答复'],
  },
  {
    short: '城乡居民养老保险政策',
    titles: ['城乡居民基本养老保险政策宣讲'],
    description: '讲解缴费档次选择、政府补贴标准、待遇领取条件和资格认证方式。',
    homes: BOTH,
    areas: [A.SOCIAL_SECURITY],
    consensus: ['引导群众选择适合自身的缴费档次', '高龄老人待遇资格认证可由社区代办'],
    disagreements: [],
    actions: ['对符合条件未参保人员开展动员'],
  },
  {
    short: '耕地保护和种粮补贴政策',
    titles: ['耕地地力保护补贴和种粮农民补贴政策解读'],
    description: '讲解耕地保护“长牙齿”硬措施、耕地地力保护补贴发放对象和标准、违法占用耕地的后果。',
    homes: V,
    areas: [A.AGRICULTURE, A.LAND_AND_HOUSING],
    consensus: ['补贴发放名单在村务公开栏公示', '发现占用耕地行为及时报告'],
    disagreements: [],
    actions: ['核对补贴发放面积与承包面积是否一致'],
  },
  {
    short: '农村宅基地管理政策',
    titles: ['农村宅基地和村民建房管理政策宣讲'],
    description: '讲解“一户一宅”、建房审批流程、建房面积和层高标准。',
    homes: V,
    areas: [A.LAND_AND_HOUSING],
    consensus: ['村民建房先申请、后审批、再开工', '村里设立建房政策咨询点'],
    disagreements: [],
    actions: ['向有建房意愿的农户发放审批流程明白纸'],
  },
  {
    short: '民法典',
    titles: ['民法典与群众生活宣讲'],
    description: '结合婚姻家庭、继承、相邻关系和物业纠纷等常见案例，讲解民法典相关规定。',
    homes: BOTH,
    areas: [A.PUBLIC_SAFETY],
    consensus: ['群众遇到纠纷优先通过人民调解和法律途径解决'],
    disagreements: [],
    actions: ['在村（社区）公共法律服务室安排律师定期坐班'],
  },
  {
    short: '就业创业扶持政策',
    titles: ['就业创业扶持政策宣讲'],
    description: '讲解创业担保贷款、一次性创业补贴、职业技能培训补贴的申领条件和办理渠道。',
    homes: BOTH,
    areas: [A.EMPLOYMENT],
    consensus: ['有创业意愿的群众登记后由人社部门跟踪服务'],
    disagreements: [],
    actions: ['收集群众培训需求报人社部门'],
  },
  {
    short: '退役军人优待政策',
    titles: ['退役军人优待和抚恤政策宣讲'],
    description: '讲解退役军人及其家属在就业、医疗、住房等方面的优待政策和申请方式。',
    homes: BOTH,
    areas: [A.SOCIAL_SECURITY],
    consensus: ['退役军人服务站为群众提供政策咨询'],
    disagreements: [],
    actions: ['核对辖区退役军人信息采集情况'],
  },
  {
    short: '生活垃圾分类政策',
    titles: ['生活垃圾分类管理办法宣讲'],
    description: '讲解生活垃圾四分类标准、投放要求和违规投放的处理规定。',
    homes: C,
    areas: [A.ENVIRONMENT],
    consensus: ['居民按要求分类投放，楼栋长开展督导'],
    disagreements: [],
    actions: ['向居民发放分类投放指南'],
  },
];

/**
 * Matters that cross county lines, for the few sessions a city special committee coordinates
 * (rule 3, docs/domain.md). The rivers and roads are real ones of 连云港.
 */
export const CROSS_COUNTY_MATTERS: readonly Topic[] = [
  {
    short: '蔷薇河沿线水环境联合治理',
    titles: ['蔷薇河沿线水环境联合治理', '跨界断面水质达标和河道保洁责任划分'],
    description:
      '蔷薇河流经多个县区，是市区重要水源，沿线面源污染和保洁责任不清问题需要上下游共同协商。',
    homes: BOTH,
    areas: [A.ENVIRONMENT],
    consensus: [
      '建立上下游联防联控和信息通报机制',
      '交界河段保洁责任按断面划分，明确到镇村',
      '市有关部门统筹安排跨界河道整治资金',
    ],
    disagreements: ['交界河段保洁经费分担比例，两地仍需进一步协商'],
    actions: [
      '市生态环境局牵头制定跨界断面水质考核办法',
      '两地镇村签订交界河段保洁责任书',
      '市政协有关专门委员会跟踪协商成果落实',
    ],
  },
  {
    short: '县区交界断头路打通',
    titles: ['县区交界断头路打通', '交界地带道路建设资金分担'],
    description:
      '两个县区交界处道路未贯通，群众赶集、就医、上学需绕行十余公里，两地群众多次呼吁打通。',
    homes: BOTH,
    areas: [A.INFRASTRUCTURE],
    consensus: [
      '将断头路打通项目列入市级农村公路建设计划',
      '两地按辖区里程分别承担建设任务',
      '同步实施道路安全防护设施',
    ],
    disagreements: ['涉及的少量基本农田调整，需报批后方可实施'],
    actions: [
      '市交通运输局牵头完成项目前期工作',
      '两地自然资源部门协同办理用地手续',
      '市政协有关专门委员会开展专项民主监督',
    ],
  },
  {
    short: '交界区域秸秆禁烧联防联控',
    titles: ['交界区域秸秆禁烧联防联控'],
    description: '三夏三秋期间，交界区域管理存在空档，秸秆焚烧火点时有出现，需建立联防联控机制。',
    homes: [HomeKind.VILLAGER],
    areas: [A.ENVIRONMENT, A.AGRICULTURE],
    consensus: ['交界区域实行联合巡查', '秸秆收储点布局统筹考虑交界村'],
    disagreements: ['联合巡查人员的经费保障尚未明确'],
    actions: ['两地农业农村部门建立禁烧期间日报制度', '市农业农村局统筹安排秸秆离田补助'],
  },
  {
    short: '跨县区农产品产销对接',
    titles: ['跨县区特色农产品产销对接'],
    description: '相邻县区特色农产品品种相近，各自销售、相互压价，群众希望统一品牌、抱团发展。',
    homes: [HomeKind.VILLAGER],
    areas: [A.ECONOMY, A.AGRICULTURE],
    consensus: ['共同打造区域公用品牌', '联合参加展销活动，共享冷链物流设施'],
    disagreements: ['品牌使用的质量标准和准入条件尚需细化'],
    actions: ['市农业农村局牵头研究区域公用品牌建设方案', '组织两地合作社开展交流'],
  },
];

/** Items that open an agenda now and then: the report on what the last session agreed. */
export const FOLLOW_UP_REPORT = {
  title: '上次协商议事成果办理情况通报',
  description: '通报上次协商议定事项的落实情况，听取群众对办理结果的评价。',
} as const;

/** The second and later items of a petition session, after the petitioners' statement. */
export const PETITION_STEPS = [
  {
    title: '有关部门说明政策依据和办理情况',
    description: '承办部门介绍该事项的政策规定、已做工作和下一步打算。',
  },
  { title: '法律工作者释法说理', description: '律师、司法所工作人员就争议焦点提供法律意见。' },
  {
    title: '各方协商化解方案',
    description: '信访人、利益相关方、政协委员和有关部门面对面协商，形成化解方案。',
  },
] as const;

/** The second and later items of a briefing, after the policy itself. */
export const BRIEFING_STEPS = [
  { title: '现场答疑', description: '就群众关心的具体问题现场解答。' },
  {
    title: '收集群众意见建议',
    description: '收集群众对政策执行的意见建议，按程序向有关部门反映。',
  },
] as const;

/** Who presents an item, when it is not a member or a department. */
export const LOCAL_PRESENTERS: Record<HomeKind, readonly string[]> = {
  [HomeKind.VILLAGER]: ['村党支部书记', '村委会主任', '驻村第一书记', '镇分管负责同志', '村民代表'],
  [HomeKind.CITIZEN]: [
    '社区党委书记',
    '社区居委会主任',
    '街道分管负责同志',
    '物业服务企业负责人',
    '网格员',
  ],
};

/** Where a home meets, by the kind of place it is in; the place's name goes in front. */
export const VENUES = {
  village: ['村委会二楼会议室', '党群服务中心', '新时代文明实践站', '文化广场', '村民议事室'],
  community: ['党群服务中心', '居民议事厅', '二楼会议室', '新时代文明实践站'],
  town: ['人民政府三楼会议室', '党群服务中心', '政协委员活动室', '新时代文明实践所'],
  street: ['办事处会议室', '党群服务中心', '政协委员活动室'],
  other: ['党群服务中心会议室', '会议室'],
} as const;

/** Why a session was called off. */
export const CANCEL_REASONS: readonly string[] = [
  '受暴雨天气影响，活动改期另行安排',
  '主要承办部门负责同志临时有公务，无法到会',
  '议题涉及的问题已先行解决，取消本次活动',
  '正值三夏农忙，群众代表难以到会',
  '村（社区）“两委”换届期间，活动暂缓',
  '议题需进一步调研，待材料完善后再议',
];
/** Called off under the epidemic rules of 2020–2022. */
export const EPIDEMIC_CANCEL_REASON = '根据疫情防控要求暂停聚集性活动';

/** How a kind of session is called in a title and in its minutes. */
export const KIND_LABELS = {
  FORUM: '座谈会',
  COUNCIL: '协商议事会',
  FACE_TO_FACE: '面对面协商会',
  MULTI_PARTY: '信访事项多方协商会',
  BRIEFING: '政策宣讲会',
} as const;

/** Closing sentences of a summary. */
export const OUTCOMES = {
  agreed: [
    '与会人员充分发表意见，达成了共识',
    '经过充分协商，各方意见基本统一',
    '会议气氛热烈，群众反映的问题得到了回应',
  ],
  split: [
    '部分问题仍存在分歧，将在进一步调研后再次协商',
    '会议对主要问题形成了初步意见，个别事项待再议',
  ],
} as const;
