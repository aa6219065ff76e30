import { registerEnumType } from 'type-graphql';

/**
 * The policy areas matters fall into. A city special committee coordinates the areas it lists;
 * a department works in some; a matter in an area finds its committee and departments by them.
 */
export enum PolicyArea {
  ECONOMY = 'ECONOMY',
  INFRASTRUCTURE = 'INFRASTRUCTURE',
  EMPLOYMENT = 'EMPLOYMENT',
  AGRICULTURE = 'AGRICULTURE',
  LAND_AND_HOUSING = 'LAND_AND_HOUSING',
  ENVIRONMENT = 'ENVIRONMENT',
  EDUCATION = 'EDUCATION',
  HEALTH = 'HEALTH',
  SOCIAL_SECURITY = 'SOCIAL_SECURITY',
  PUBLIC_SAFETY = 'PUBLIC_SAFETY',
  PETITIONS = 'PETITIONS',
  ETHNIC_AND_RELIGIOUS_AFFAIRS = 'ETHNIC_AND_RELIGIOUS_AFFAIRS',
  CULTURE_AND_HISTORY = 'CULTURE_AND_HISTORY',
  PROPOSALS = 'PROPOSALS',
}

registerEnumType(PolicyArea, {
  name: 'PolicyArea',
  description: 'A policy area: what a special committee coordinates and a department works on.',
  valuesConfig: {
    ECONOMY: { description: 'Economy, industry and business (经济).' },
    INFRASTRUCTURE: { description: 'Roads, water, power and public works (基础设施).' },
    EMPLOYMENT: { description: 'Jobs and labour (就业).' },
    AGRICULTURE: { description: 'Agriculture and rural affairs (农业农村).' },
    LAND_AND_HOUSING: { description: 'Land, housing and relocation (土地住房).' },
    ENVIRONMENT: { description: 'Ecology and the environment (生态环境).' },
    EDUCATION: { description: 'Schools and education (教育).' },
    HEALTH: { description: 'Health care (卫生健康).' },
    SOCIAL_SECURITY: { description: 'Pensions, insurance and social assistance (社会保障).' },
    PUBLIC_SAFETY: { description: 'Public safety and order (公共安全).' },
    PETITIONS: { description: 'Petition matters (信访).' },
    ETHNIC_AND_RELIGIOUS_AFFAIRS: { description: 'Ethnic and religious affairs (民族宗教).' },
    CULTURE_AND_HISTORY: { description: 'Culture and local history (文化文史).' },
    PROPOSALS: { description: 'The proposal work itself (提案工作), e.g. of 提案委.' },
  },
});
