/** The graph's enum values as the offices name them. */
export const CHANNEL_LABEL: Record<string, string> = {
  NONE: '未上报（在家办结或办理中）',
  PROPOSAL: '提案',
  SENTIMENT_REPORT: '社情民意',
  SPEECH: '大会发言',
  SPECIAL_REPORT: '专题报告',
};

export const DEMAND_STATUS_LABEL: Record<string, string> = {
  RECEIVED: '已受理',
  ON_AGENDA: '已列入议题',
  RESOLVED_AT_HOME: '就地解决',
  ESCALATED: '已上报',
  ANSWERED: '已答复',
  CLOSED: '已办结',
};

export const DEMAND_CATEGORY_LABEL: Record<string, string> = {
  INFRASTRUCTURE: '基础设施',
  LAND_AND_HOUSING: '土地住房',
  SOCIAL_SECURITY: '社会保障',
  EDUCATION: '教育',
  HEALTH: '医疗卫生',
  ENVIRONMENT: '生态环境',
  AGRICULTURE: '农业农村',
  PUBLIC_SAFETY: '公共安全',
  EMPLOYMENT: '就业',
  OTHER: '其他',
};

export const PROPOSAL_STATUS_LABEL: Record<string, string> = {
  DRAFT: '草稿',
  SUBMITTED: '已提交',
  REGISTERED: '已立案',
  NOT_REGISTERED: '不予立案',
  RETURNED: '退回',
  MERGED: '已并案',
  ASSIGNED: '已交办',
  HANDLING: '办理中',
  REPLIED: '已答复',
  REHANDLING: '重新办理',
  EVALUATED: '已评价',
  CLOSED: '已办结',
};

export const PLENARY_STATUS_LABEL: Record<string, string> = {
  SUBMITTED: '已提交',
  ACCEPTED: '已采用',
  DECLINED: '未采用',
  DELIVERED: '已发言',
};

export const SENTIMENT_STATUS_LABEL: Record<string, string> = {
  DRAFT: '草稿',
  SUBMITTED: '已报送',
  NOT_ADOPTED: '未采用',
  ADOPTED: '已采用',
  EDITED: '已编发',
  ISSUED: '已报送上级',
  INSTRUCTED: '领导已批示',
  FORWARDED: '已转办',
  FEEDBACK: '已反馈',
  CLOSED: '已办结',
};

export const RESULT_CLASS_LABEL: Record<string, string> = {
  A: 'A类（已解决或采纳）',
  B: 'B类（正在解决或列入计划）',
  C: 'C类（留作参考）',
  D: 'D类（不能解决，说明原因）',
};

export const EVALUATION_LABEL: Record<string, string> = {
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  DISSATISFIED: '不满意',
};

export const SESSION_KIND_LABEL: Record<string, string> = {
  FORUM: '座谈会',
  COUNCIL: '协商议事会',
  FACE_TO_FACE: '面对面协商',
  MULTI_PARTY: '多方协商平台',
  BRIEFING: '政策宣讲',
};

export const SESSION_STATUS_LABEL: Record<string, string> = {
  PLANNED: '已计划',
  HELD: '已召开',
  CANCELLED: '已取消',
};

export const MINUTES_STATUS_LABEL: Record<string, string> = {
  DRAFT: '纪要草稿',
  APPROVED: '纪要已审定',
  PUBLISHED: '纪要已公开',
};

export const HOME_KIND_LABEL: Record<string, string> = {
  VILLAGER: '村民协商民主之家',
  CITIZEN: '市民协商民主之家',
};

export const HOME_STATUS_LABEL: Record<string, string> = {
  PILOT: '试点',
  ACTIVE: '运行中',
  SUSPENDED: '暂停',
};

export const ESCALATION_LABEL: Record<string, string> = {
  Proposal: '提案',
  SentimentReport: '社情民意信息',
  Speech: '大会发言',
  SpecialReport: '专题报告',
};

export const label = (labels: Record<string, string>, value: string | null | undefined) =>
  value == null ? '—' : (labels[value] ?? value);
