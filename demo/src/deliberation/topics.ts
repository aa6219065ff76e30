/**
 * What the demo's sessions talk about: the matters villages and communities of 连云港 bring to
 * their homes, in the words their minutes use. Data only; the generator picks and combines.
 * `{place}` in a text stands for the home's place (浦南镇李庄村, 朐阳街道…). The matters of
 * petitions, briefings and cross-county sessions, and the words around them, are in content.ts.
 */
import { HomeKind, PolicyArea } from '@cppcc/organization';

/** A matter a session can put on its agenda, with what sessions on it tend to conclude. */
export interface Topic {
  /** Short name for session titles: 道路硬化. */
  short: string;
  /** Agenda item titles (one is picked). */
  titles: readonly string[];
  description: string;
  /** The homes it comes up in. */
  homes: readonly HomeKind[];
  /** Finds the departments and the special committee that deal with it. */
  areas: readonly PolicyArea[];
  consensus: readonly string[];
  disagreements: readonly string[];
  actions: readonly string[];
}

const V = [HomeKind.VILLAGER] as const;
const C = [HomeKind.CITIZEN] as const;
const BOTH = [HomeKind.VILLAGER, HomeKind.CITIZEN] as const;
const A = PolicyArea;

/** Matters for forums, councils and face-to-face consultations (座谈会、协商议事会、面对面协商). */
export const TOPICS: readonly Topic[] = [
  {
    short: '道路硬化',
    titles: ['村组道路硬化工程选线及筹资方案', '“四好农村路”建设中村内断头路打通'],
    description:
      '{place}部分村组道路仍为砂石路，雨天泥泞、农用车通行困难，村民多次反映，需协商确定硬化路段的先后顺序和群众投工投劳方式。',
    homes: V,
    areas: [A.INFRASTRUCTURE],
    consensus: [
      '优先硬化通往学校和卫生室的主干道，其余路段分两年实施',
      '工程由村务监督委员会全程监督，资金使用情况按月公开',
      '涉及占用少量承包地的农户，由村集体按标准给予补偿',
    ],
    disagreements: [
      '个别农户对道路拓宽占用门前空地仍有顾虑',
      '偏远自然组希望同步实施，对分期安排意见不一',
    ],
    actions: [
      '委托有资质的单位完成道路勘测设计并公示选线方案',
      '向交通运输部门申报农村公路建设补助项目',
      '逐户走访占地农户，签订补偿协议',
    ],
  },
  {
    short: '农村人居环境整治',
    titles: ['农村人居环境整治提升及长效管护', '村庄垃圾收运和河塘清淤'],
    description:
      '{place}房前屋后杂物堆放、沟塘淤积问题反复出现，保洁员力量不足，需协商建立村民参与的长效管护机制。',
    homes: V,
    areas: [A.ENVIRONMENT],
    consensus: [
      '推行“门前三包”责任制，每季度评选“美丽庭院”示范户',
      '增设垃圾分类收集点，保洁员实行网格化分片负责',
      '结合冬春水利，对村内重点沟塘集中清淤',
    ],
    disagreements: ['保洁费是否向农户收取、按什么标准收取，意见尚不统一'],
    actions: [
      '制定村规民约中人居环境条款，提交村民代表会议表决',
      '协调镇环卫所增加垃圾清运频次',
      '组织党员志愿者开展每月一次的集中清洁活动',
    ],
  },
  {
    short: '土地流转',
    titles: ['土地承包经营权流转价格及合同规范', '规模经营主体土地流转租金兑付'],
    description:
      '{place}部分农户有意将承包地流转给种植大户和合作社，但对流转价格、期限和租金支付方式存在疑虑，需公开协商、规范签约。',
    homes: V,
    areas: [A.AGRICULTURE, A.LAND_AND_HOUSING],
    consensus: [
      '流转合同统一使用规范文本，经镇农经站备案',
      '租金实行“先付后种”，按年度一次性支付',
      '流转价格参照周边水平，每三年协商调整一次',
    ],
    disagreements: [
      '部分老年农户希望保留口粮田，不愿整片流转',
      '租金以现金还是以稻麦实物折价计算，仍有分歧',
    ],
    actions: [
      '镇农经站对已签流转合同开展一次集中清理规范',
      '建立流转租金支付台账，由村务监督委员会跟踪',
      '组织农户代表赴先进村考察规模经营做法',
    ],
  },
  {
    short: '高标准农田建设',
    titles: ['高标准农田建设项目区沟渠路配套', '农田灌溉设施维修及用水管理'],
    description:
      '{place}列入高标准农田建设项目区，群众关心沟渠路桥涵的布局是否方便耕作，以及建成后的管护责任。',
    homes: V,
    areas: [A.AGRICULTURE, A.INFRASTRUCTURE],
    consensus: [
      '施工前由村民代表参与现场踏勘，调整不合理的渠道走向',
      '建成后设立管护员，管护经费由村集体统筹',
      '泵站开机实行轮灌制度，用水排班张榜公布',
    ],
    disagreements: ['低洼田块是否改种经济作物，农户之间意见不一'],
    actions: [
      '向农业农村部门反映群众对项目设计的修改意见',
      '组织施工方与村民代表召开现场对接会',
      '制定农田水利设施管护办法',
    ],
  },
  {
    short: '秸秆综合利用',
    titles: ['秸秆禁烧与综合利用', '夏收秋种期间秸秆离田收储'],
    description:
      '三夏、三秋期间{place}秸秆禁烧压力大，农户反映秸秆还田成本高、离田收储点远，需协商解决秸秆出路。',
    homes: V,
    areas: [A.ENVIRONMENT, A.AGRICULTURE],
    consensus: [
      '在村内设立临时秸秆收储点，由合作社统一打捆离田',
      '秸秆还田作业补贴按亩直接发放到户',
      '禁烧期间实行党员干部包片巡查',
    ],
    disagreements: ['收储点选址靠近居民区，部分村民担心火灾隐患'],
    actions: [
      '对接生物质发电企业签订秸秆收购协议',
      '落实收储点消防器材和专人值守',
      '公布秸秆还田补贴标准和申领方式',
    ],
  },
  {
    short: '村集体经济',
    titles: ['村集体经济发展项目选择', '村集体资产资源发包及收益分配'],
    description:
      '{place}集体经营性收入偏低，有村民建议利用闲置厂房和坑塘发展项目，需协商项目选择、风险防范和收益分配。',
    homes: V,
    areas: [A.ECONOMY, A.AGRICULTURE],
    consensus: [
      '闲置资产通过农村产权交易平台公开发包',
      '集体收益优先用于村内公益事业和困难群众帮扶',
      '项目引进前须经村民代表会议审议',
    ],
    disagreements: ['是否入股镇级联合体项目，村民对收益风险看法不同'],
    actions: [
      '完成集体资产清产核资并公示',
      '邀请农业专家对特色种养项目开展可行性论证',
      '将项目方案提交村民代表会议表决',
    ],
  },
  {
    short: '农村养老服务',
    titles: ['农村互助养老睦邻点建设', '留守老人助餐及日间照料'],
    description:
      '{place}60岁以上老人占比较高，子女多在外务工，独居老人吃饭难、看病难，需协商互助养老的场地、人员和经费。',
    homes: V,
    areas: [A.SOCIAL_SECURITY],
    consensus: [
      '利用闲置村小校舍改建互助养老睦邻点',
      '组织低龄健康老人结对帮扶高龄独居老人',
      '助餐点实行政府补贴、集体补助、个人少付的方式',
    ],
    disagreements: ['助餐费用个人负担部分的标准尚需进一步测算'],
    actions: [
      '向民政部门申报农村互助养老服务设施建设补助',
      '建立独居、高龄老人信息台账并定期走访',
      '招募志愿者组建助老服务队',
    ],
  },
  {
    short: '农村饮水安全',
    titles: ['自来水管网改造及水费收缴', '农村供水保障和水质监测'],
    description:
      '{place}部分自然组供水管网老化，夏季用水高峰水压不足，群众对水质和水费收缴方式有意见。',
    homes: V,
    areas: [A.INFRASTRUCTURE, A.HEALTH],
    consensus: [
      '管网改造纳入区域供水年度计划，优先改造老化严重的支管',
      '水费实行线上缴纳，抄表数据每月公示',
      '每季度公开一次水质检测结果',
    ],
    disagreements: ['入户管道改造费用由供水企业承担还是农户分担，意见不一'],
    actions: [
      '协调供水企业对低水压区域开展排查',
      '向水利部门反映管网改造资金需求',
      '组织群众代表参与水质抽检',
    ],
  },
  {
    short: '农房改善',
    titles: ['宅基地审批及农房翻建规范', '农民群众住房条件改善项目安置方案'],
    description:
      '{place}一批农户有翻建住房意愿，对宅基地审批流程、建房面积标准和集中安置的选址、户型关注度高。',
    homes: V,
    areas: [A.LAND_AND_HOUSING],
    consensus: [
      '翻建审批实行“一窗受理”，村里明确专人代办',
      '集中安置点户型设计征求群众意见后确定',
      '严格执行“一户一宅”，对违规建房早发现早制止',
    ],
    disagreements: ['集中安置后老宅基地复垦补偿标准，群众期望与政策仍有差距'],
    actions: [
      '印发农房翻建审批流程明白纸并入户发放',
      '组织群众代表参观已建成的农房改善项目',
      '梳理群众对安置户型的意见反馈设计单位',
    ],
  },
  {
    short: '农产品销售',
    titles: ['特色农产品品牌打造和线上销售', '合作社农产品产销对接'],
    description:
      '{place}特色农产品产量增加但销路不稳，农户希望借助电商和产销对接拓宽渠道，提升品牌和收益。',
    homes: V,
    areas: [A.ECONOMY, A.AGRICULTURE],
    consensus: [
      '依托村级电商服务站开展直播带货培训',
      '合作社统一品牌、统一包装、统一质量标准',
      '积极对接商超和机关食堂开展订单销售',
    ],
    disagreements: ['散户是否加入合作社统一销售，部分农户担心价格被压低'],
    actions: [
      '组织电商技能培训班',
      '申报农产品地理标志或绿色食品认证',
      '联系商务部门参加农产品展销会',
    ],
  },
  {
    short: '移风易俗',
    titles: ['红白喜事简办和移风易俗', '村规民约修订'],
    description:
      '{place}婚丧事宜大操大办、人情往来负担重，群众希望通过村规民约和红白理事会加以约束。',
    homes: V,
    areas: [A.CULTURE_AND_HISTORY],
    consensus: [
      '修订村规民约，明确宴席桌数和礼金上限的倡导标准',
      '红白理事会成员由群众推选，提供免费操办服务',
      '党员干部带头简办并接受群众监督',
    ],
    disagreements: ['对礼金上限是否写入村规民约，部分村民认为应尊重个人意愿'],
    actions: [
      '将村规民约修订稿提交村民代表会议表决',
      '建设村级公益性集中办事场所',
      '开展移风易俗宣传进户活动',
    ],
  },
  {
    short: '停车难',
    titles: ['小区停车难及车位规划', '小区内部停车秩序和收费管理'],
    description:
      '{place}老旧小区建设时未规划停车位，车辆乱停乱放，消防通道被占，居民矛盾频发，需协商挖潜增位和停车管理办法。',
    homes: C,
    areas: [A.INFRASTRUCTURE, A.PUBLIC_SAFETY],
    consensus: [
      '利用小区周边闲置地块建设临时停车场',
      '施划消防通道标线，严禁占用',
      '推行错时共享停车，周边机关单位夜间向居民开放车位',
    ],
    disagreements: [
      '小区内部停车是否收费、收费标准如何定，业主意见分歧较大',
      '绿地改建停车位，部分居民担心影响小区环境',
    ],
    actions: [
      '与周边单位签订错时共享停车协议',
      '由物业服务企业施划停车位和消防通道标线',
      '向城管部门申请设置路侧夜间临时停车泊位',
    ],
  },
  {
    short: '老旧小区改造',
    titles: ['老旧小区改造内容和实施方案', '老旧小区改造施工期间的居民出行安全'],
    description:
      '{place}部分小区建成于上世纪九十年代，屋面渗漏、管网老化、外墙脱落，已列入改造计划，需征求居民对改造内容的意见。',
    homes: C,
    areas: [A.LAND_AND_HOUSING, A.INFRASTRUCTURE],
    consensus: [
      '改造内容按“居民点单”确定，优先解决屋面防水和雨污分流',
      '成立由居民代表参加的改造监督小组',
      '施工期间每周召开一次协调会，及时回应居民诉求',
    ],
    disagreements: ['底层住户对加装电梯和管线改造位置仍有不同意见'],
    actions: [
      '印发改造方案征求意见表，入户收集意见',
      '协调施工单位调整夜间施工时间',
      '住建部门对改造质量开展阶段性验收',
    ],
  },
  {
    short: '加装电梯',
    titles: ['既有多层住宅加装电梯', '加装电梯费用分摊协商'],
    description:
      '{place}老年居民上下楼困难，多个单元提出加装电梯申请，但高低楼层住户对费用分摊和采光影响意见不一。',
    homes: C,
    areas: [A.LAND_AND_HOUSING],
    consensus: [
      '按楼层梯度分摊建设费用，一楼住户不承担',
      '对采光受影响的低层住户给予适当补偿',
      '社区提供政策咨询和审批代办服务',
    ],
    disagreements: ['个别单元低层住户仍不同意加装，需继续做工作'],
    actions: [
      '组织意向单元居民召开楼道议事会',
      '协助居民办理加装电梯审批手续',
      '向住建部门申请加装电梯财政补贴',
    ],
  },
  {
    short: '物业服务管理',
    titles: ['物业服务质量和物业费收缴', '无物业小区的准物业管理'],
    description:
      '{place}部分小区物业服务不到位，居民拒交物业费，物业公司又以收费率低为由压缩服务，形成恶性循环。',
    homes: C,
    areas: [A.LAND_AND_HOUSING],
    consensus: [
      '物业服务内容和收费标准在小区公示栏公开',
      '社区每季度组织居民对物业服务进行满意度测评',
      '推动成立业主委员会，依法选聘物业',
    ],
    disagreements: ['物业费调价方案，业主与物业公司仍未达成一致'],
    actions: [
      '社区牵头召开物业、业委会、居民代表三方联席会',
      '对无物业小区引入国有物业企业托管',
      '住建部门对物业服务企业开展专项检查',
    ],
  },
  {
    short: '社区养老服务',
    titles: ['社区居家养老服务站运营', '老年助餐点建设和服务'],
    description:
      '{place}老龄化程度高，居家老人助餐、助浴、助医需求大，现有养老服务站服务项目少、利用率不高。',
    homes: C,
    areas: [A.SOCIAL_SECURITY],
    consensus: [
      '引入专业养老服务机构运营社区养老服务站',
      '开设老年助餐点，对高龄和困难老人给予就餐补贴',
      '家庭医生定期上门为失能老人服务',
    ],
    disagreements: ['助餐点设在社区内还是委托周边餐饮企业，意见不一'],
    actions: [
      '民政部门对社区养老服务站开展等级评定',
      '摸排辖区高龄、独居、失能老人底数',
      '招募社区志愿者开展助老服务',
    ],
  },
  {
    short: '垃圾分类',
    titles: ['生活垃圾分类投放点设置', '垃圾分类定时定点投放'],
    description: '{place}推行生活垃圾分类，居民对投放点位置、定时投放时间和异味问题意见较多。',
    homes: C,
    areas: [A.ENVIRONMENT],
    consensus: [
      '投放点远离住户窗口，设置洗手池和除臭设施',
      '早晚高峰安排督导员值守，引导正确投放',
      '开展“积分兑换”激励居民参与',
    ],
    disagreements: ['定时投放时间段，上班族与老年居民需求不同'],
    actions: [
      '城管部门优化投放点布局',
      '组织垃圾分类宣传进楼道活动',
      '对投放点周边环境开展每日巡查',
    ],
  },
  {
    short: '电动自行车充电',
    titles: ['电动自行车集中充电设施建设', '电动自行车“飞线充电”整治'],
    description:
      '{place}电动自行车数量多、充电设施少，楼道停放和“飞线充电”现象普遍，存在较大火灾隐患。',
    homes: C,
    areas: [A.PUBLIC_SAFETY],
    consensus: [
      '在小区空地建设集中充电棚，实行刷卡计费',
      '开展楼道停放和飞线充电集中清理',
      '充电棚由物业统一管理、定期检查',
    ],
    disagreements: ['充电棚选址靠近住宅楼，部分居民担心安全'],
    actions: [
      '协调供电公司做好充电设施电力增容',
      '消防部门进小区开展消防安全宣传',
      '建立楼道停放巡查劝导机制',
    ],
  },
  {
    short: '背街小巷整治',
    titles: ['背街小巷环境整治', '农贸市场周边占道经营整治'],
    description:
      '{place}背街小巷路面破损、照明不足，农贸市场周边占道经营、车辆乱停，居民出行不便。',
    homes: C,
    areas: [A.ENVIRONMENT, A.INFRASTRUCTURE],
    consensus: [
      '背街小巷修补路面、增设路灯，纳入年度整治计划',
      '在市场周边划定临时疏导摊点，规范经营时间',
      '实行网格员巡查和居民监督相结合',
    ],
    disagreements: ['流动摊贩生计与市容管理之间如何平衡，仍有不同声音'],
    actions: [
      '城管部门制定市场周边秩序整治方案',
      '街道对破损路面和路灯进行维修',
      '在摊点疏导区设置公示牌',
    ],
  },
  {
    short: '学校周边交通',
    titles: ['学校周边上下学交通拥堵', '校园周边交通安全'],
    description: '{place}学校周边道路狭窄，上下学时段接送车辆集中，交通拥堵、安全隐患突出。',
    homes: C,
    areas: [A.EDUCATION, A.PUBLIC_SAFETY],
    consensus: [
      '设置临时停车即停即走区域，错峰放学',
      '公安交警和家长志愿者在高峰时段联合执勤',
      '增设减速带和人行横道标线',
    ],
    disagreements: ['是否临时封闭部分路段，周边商户有不同意见'],
    actions: [
      '教育部门协调学校调整放学时间',
      '公安交管部门完善学校周边交通标志标线',
      '组建“护学岗”家长志愿者队伍',
    ],
  },
  {
    short: '雨污分流',
    titles: ['雨污分流改造和积水点治理', '汛期小区排水防涝'],
    description: '{place}部分小区雨污合流，汛期道路和地下车库积水严重，居民要求尽快实施管网改造。',
    homes: C,
    areas: [A.INFRASTRUCTURE, A.ENVIRONMENT],
    consensus: [
      '易积水点纳入年度雨污分流改造计划',
      '汛前对小区雨水管网开展一次全面清疏',
      '地下车库配备挡水板和排水泵',
    ],
    disagreements: ['管网改造开挖路面，对施工期间出行影响居民担忧较多'],
    actions: [
      '住建部门对积水点开展现场勘查',
      '物业服务企业落实汛期值守',
      '公布改造工期和施工围挡范围',
    ],
  },
  {
    short: '社区就业',
    titles: ['社区灵活就业和技能培训', '零工市场建设'],
    description:
      '{place}辖区内失业人员和灵活就业人员较多，群众希望就近获得岗位信息和职业技能培训。',
    homes: C,
    areas: [A.EMPLOYMENT],
    consensus: [
      '在社区党群服务中心设立就业服务站，定期发布岗位信息',
      '开展育婴员、养老护理员等技能培训',
      '对就业困难人员提供一对一帮扶',
    ],
    disagreements: ['培训补贴的申领条件，部分居民认为门槛偏高'],
    actions: [
      '人社部门在社区举办专场招聘会',
      '建立辖区就业困难人员帮扶台账',
      '对接周边企业开展订单式培训',
    ],
  },
  {
    short: '医保缴费',
    titles: ['城乡居民医保缴费动员', '居民医保参保缴费和报销咨询'],
    description:
      '{place}年度城乡居民医保集中缴费期内，部分群众对缴费标准上涨有疑问，对报销政策不了解，参保积极性不高。',
    homes: BOTH,
    areas: [A.HEALTH, A.SOCIAL_SECURITY],
    consensus: [
      '网格员逐户宣传缴费政策和线上缴费方式',
      '对困难群体参保个人缴费部分落实资助政策',
      '在村（社区）设立医保服务点，提供报销咨询',
    ],
    disagreements: ['部分年轻群众认为缴费标准逐年上涨，参保意愿不强'],
    actions: [
      '制作医保政策明白纸并入户发放',
      '协调医保经办机构开展现场答疑',
      '对未参保人员逐一摸排原因',
    ],
  },
  {
    short: '防范电信诈骗',
    titles: ['防范电信网络诈骗宣传', '老年人防诈骗能力提升'],
    description:
      '{place}近期发生多起针对老年人的电信网络诈骗案件，群众希望加强防范宣传和预警劝阻。',
    homes: BOTH,
    areas: [A.PUBLIC_SAFETY],
    consensus: [
      '民警和网格员上门指导群众安装国家反诈中心APP',
      '利用村（社区）广播和微信群定期推送典型案例',
      '对重点人群建立预警劝阻机制',
    ],
    disagreements: [],
    actions: [
      '派出所在村（社区）开展反诈宣讲',
      '组织志愿者开展入户防诈宣传',
      '在公示栏张贴防诈骗宣传海报',
    ],
  },
];
