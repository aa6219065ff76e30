import type { Weighted } from '../random';
import { DemandCategory } from '@cppcc/channels';
import { NotRegisteredReason } from '@cppcc/channels';

/**
 * What the demo's demands say: words of an agenda item's title that tell its category, and how a
 * resident puts a matter of that category. Plausible, not real: no demo text names a real person.
 */
export const CATEGORY_WORDS: ReadonlyArray<readonly [DemandCategory, readonly string[]]> = [
  [
    DemandCategory.INFRASTRUCTURE,
    ['道路', '路', '路灯', '桥', '排水', '管网', '停车', '电梯', '供水', '积水', '硬化'],
  ],
  [
    DemandCategory.LAND_AND_HOUSING,
    ['土地', '流转', '宅基地', '老旧小区', '拆迁', '物业', '房屋', '征收'],
  ],
  [DemandCategory.SOCIAL_SECURITY, ['养老', '医保', '低保', '社保', '救助', '残疾', '老年']],
  [DemandCategory.EDUCATION, ['学校', '教育', '托育', '幼儿园', '校车', '课后']],
  [DemandCategory.HEALTH, ['卫生', '医疗', '诊所', '健康', '就医']],
  [DemandCategory.ENVIRONMENT, ['环境', '垃圾', '污水', '河道', '绿化', '厕所', '人居', '噪音']],
  [DemandCategory.AGRICULTURE, ['农', '灌溉', '渔', '种植', '养殖', '合作社', '大棚', '水利']],
  [DemandCategory.PUBLIC_SAFETY, ['安全', '消防', '电动车', '交通', '治安', '防汛']],
  [DemandCategory.EMPLOYMENT, ['就业', '务工', '技能', '创业', '工资']],
];

/** The category of a matter, from the words of its title. */
export function categoryOf(title: string): DemandCategory {
  for (const [category, words] of CATEGORY_WORDS) {
    if (words.some((word) => title.includes(word))) return category;
  }
  return DemandCategory.OTHER;
}

/** How residents put it: the matter's title goes in `{}`. */
export const DEMAND_PHRASES: readonly string[] = [
  '居民反映{}问题已有一段时间，希望尽快研究解决。',
  '村民代表提出：{}，群众意见较大，请帮助协调。',
  '多名居民来电反映{}，希望政协委员帮忙呼吁。',
  '群众希望就{}问题听取各方意见，拿出解决办法。',
  '关于{}，居民希望有关部门给出明确答复和时间表。',
];

/** Demands residents raise that have not yet reached an agenda. */
export const OPEN_MATTERS: readonly string[] = [
  '小区门口道路坑洼积水',
  '村里路灯损坏多日未修',
  '农田灌溉渠堵塞',
  '老年人就医排队时间长',
  '小区电动车充电桩不足',
  '河道垃圾清理不及时',
  '幼儿园入园名额紧张',
  '灵活就业人员社保缴费咨询',
  '宅基地确权登记进度',
  '学校周边交通安全隐患',
];

export const RESOLUTIONS: readonly string[] = [
  '经协商，由村（居）委会牵头、相关单位配合，已于当月落实整改。',
  '协商会上达成一致意见，费用由集体经济与群众自筹分担，已完成。',
  '相关部门现场答复并承诺限期解决，经回访群众满意。',
  '经解释政策、说明情况，群众表示理解，问题已化解。',
];

export const CLOSING_NOTES: readonly string[] = [
  '已向反映人当面反馈办理结果。',
  '已电话回访反映人，告知答复内容。',
  '已在村务公开栏公示办理情况。',
];

export const PARTY_GROUPS: readonly string[] = [
  '民革连云港市委会',
  '民盟连云港市委会',
  '民建连云港市委会',
  '民进连云港市委会',
  '农工党连云港市委会',
  '致公党连云港市总支',
  '九三学社连云港市委会',
  '市工商联',
];

/** Members' own proposals (not from a home's demand), by theme. */
export const PROPOSAL_TOPICS: readonly string[] = [
  '推进港产城融合发展',
  '加快连云港自贸片区制度创新',
  '提升县域医共体服务能力',
  '完善农村养老服务体系',
  '加强海洋生态环境保护',
  '促进高校毕业生留连就业',
  '推动乡村特色产业发展',
  '优化营商环境',
  '加强历史文化街区保护',
  '完善城市停车设施规划',
  '提升农村饮水安全保障水平',
  '推进中小学课后服务提质',
];

export const NOT_REGISTERED_REASONS: Weighted<NotRegisteredReason> = [
  [NotRegisteredReason.NO_CONCRETE_SUGGESTION, 4],
  [NotRegisteredReason.INDIVIDUAL_CASE, 3],
  [NotRegisteredReason.ALREADY_ADDRESSED, 3],
  [NotRegisteredReason.OUTSIDE_SCOPE, 2],
  [NotRegisteredReason.UNDER_LITIGATION, 1],
];

export const REPLY_PHRASES: Record<'A' | 'B' | 'C' | 'D', readonly string[]> = {
  A: [
    '建议已采纳，相关工作已完成，具体情况如下：{}已全部落实。',
    '经研究，{}已纳入今年实施项目并完工。',
  ],
  B: [
    '建议正在办理中，{}已列入明年计划，预计年底前完成。',
    '已制定工作方案，{}分两期推进，一期已开工。',
  ],
  C: ['受资金和用地条件限制，{}暂难实施，已作说明，待条件成熟时推进。'],
  D: ['建议留作参考，在编制相关规划时统筹考虑{}。'],
};

export const EVALUATION_COMMENTS: Record<string, readonly string[]> = {
  SATISFIED: ['答复具体，措施到位。', '办理认真，沟通充分。'],
  BASICALLY_SATISFIED: ['答复基本可行，希望加快进度。', '部分问题仍需跟进。'],
  DISSATISFIED: ['答复未明确时间表，希望重新研究。', '未与提案人沟通，措施不具体。'],
};

export const REJECT_REASONS: readonly string[] = [
  '信息内容与已编发信息重复。',
  '反映问题属个案，已转有关部门处理。',
  '情况不够具体，缺少调研数据支撑。',
];

export const LEADERS: Weighted<readonly [string, 'CITY' | 'PROVINCE']> = [
  [['市委书记', 'CITY'], 2],
  [['市长', 'CITY'], 3],
  [['分管副市长', 'CITY'], 5],
  [['省政协领导', 'PROVINCE'], 1],
];

export const INSTRUCTIONS: readonly string[] = [
  '请有关部门认真研究，提出解决意见。',
  '此情况值得重视，请抓紧落实并反馈。',
  '请结合年度重点工作统筹推进。',
];

export const FEEDBACK: readonly string[] = [
  '已会同属地政府开展专项排查，制定整改方案，正在推进。',
  '已将相关建议纳入明年工作计划，并向反映地区作了答复。',
  '经调研，相关问题已在新出台的政策中予以解决。',
];

export const DECLINE_REASONS: readonly string[] = [
  '大会发言名额有限，转为书面发言。',
  '主题与其他发言重复。',
];

export const OUTCOMES: readonly string[] = [
  '市委、市政府主要领导作出批示，相关部门已制定落实方案。',
  '有关建议被吸收进政府工作报告。',
  '相关部门召开专题会议研究，已出台配套措施。',
];

export const RESIDENT_SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙朱马胡郭林何高梁'];
export const RESIDENT_GIVEN = [...'秀英桂兰建国海军玉梅志强丽娟春生明华红霞德胜小平永芳'];
