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
});
