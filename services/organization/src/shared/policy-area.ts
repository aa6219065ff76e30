import { describedEnum, type EnumValue } from '@cppcc/toolkit';

/**
 * The policy areas matters fall into. A city special committee coordinates the areas it lists;
 * a department works in some; a matter in an area finds its committee and departments by them.
 */
export const PolicyArea = describedEnum(
  'PolicyArea',
  'A policy area: what a special committee coordinates and a department works on.',
  {
    ECONOMY: 'Economy, industry and business (经济).',
    INFRASTRUCTURE: 'Roads, water, power and public works (基础设施).',
    EMPLOYMENT: 'Jobs and labour (就业).',
    AGRICULTURE: 'Agriculture and rural affairs (农业农村).',
    LAND_AND_HOUSING: 'Land, housing and relocation (土地住房).',
    ENVIRONMENT: 'Ecology and the environment (生态环境).',
    EDUCATION: 'Schools and education (教育).',
    HEALTH: 'Health care (卫生健康).',
    SOCIAL_SECURITY: 'Pensions, insurance and social assistance (社会保障).',
    PUBLIC_SAFETY: 'Public safety and order (公共安全).',
    PETITIONS: 'Petition matters (信访).',
    ETHNIC_AND_RELIGIOUS_AFFAIRS: 'Ethnic and religious affairs (民族宗教).',
    CULTURE_AND_HISTORY: 'Culture and local history (文化文史).',
    PROPOSALS: 'The proposal work itself (提案工作), e.g. of 提案委.',
  },
);
export type PolicyArea = EnumValue<typeof PolicyArea>;
