import type { Caller } from '@cppcc/contract';
import {
  ACTORS,
  actorAllows,
  canStep,
  capitalized,
  defineWorkflow,
  nextState,
  surfacesOf,
  type Actor,
} from './workflow';

const caller = (over: Partial<Caller>): Caller => ({
  subject: 'test',
  level: 'CITY',
  division: '3207',
  roles: ['STAFF'],
  surface: 'city',
  ...over,
});

describe('who may take a step', () => {
  it('lets the office take its steps at the city and the county, and no one else', () => {
    expect(actorAllows(ACTORS.OFFICE, caller({ level: 'CITY' }))).toBe(true);
    expect(actorAllows(ACTORS.OFFICE, caller({ level: 'COUNTY', division: '320706' }))).toBe(true);
    expect(actorAllows(ACTORS.OFFICE, caller({ level: 'HOME', roles: ['HOME_LEADER'] }))).toBe(
      false,
    );
    expect(actorAllows(ACTORS.OFFICE, caller({ level: 'PUBLIC', roles: [] }))).toBe(false);
  });

  it('lets a department act only when it names its department', () => {
    const department = caller({ level: 'DEPARTMENT', roles: [], surface: 'department' });
    expect(actorAllows(ACTORS.DEPARTMENT, department)).toBe(false);
    expect(
      actorAllows(ACTORS.DEPARTMENT, {
        ...department,
        departmentId: '6f1c1c8e-7d0a-4e55-9a51-1f5b4a2f7d10',
      }),
    ).toBe(true);
    expect(actorAllows(ACTORS.DEPARTMENT, caller({}))).toBe(false);
  });

  it('asks for one of the roles when the actor names roles', () => {
    const approver: Actor = { name: 'approvers', levels: ['HOME'], roles: ['HOME_LEADER'] };
    expect(actorAllows(approver, caller({ level: 'HOME', roles: ['HOME_LEADER'] }))).toBe(true);
    expect(actorAllows(approver, caller({ level: 'HOME', roles: ['MEMBER'] }))).toBe(false);
  });
});

describe('the surfaces a step is offered on', () => {
  it('are those whose every caller the actor admits', () => {
    expect(surfacesOf(ACTORS.OFFICE)).toEqual(['city', 'county']);
    expect(surfacesOf(ACTORS.HOME_OR_OFFICE)).toEqual(['city', 'county', 'home']);
    expect(surfacesOf(ACTORS.DEPARTMENT)).toEqual(['department']);
  });
});

describe('a transition table', () => {
  const table = { open: { from: ['DRAFT'], to: 'OPEN' } } as const;

  it('leads a step from one of its states to its state', () => {
    expect(nextState(table, 'The thing', 'DRAFT', 'open')).toBe('OPEN');
    expect(canStep(table, 'DRAFT', 'open')).toBe(true);
  });

  it('refuses a step from another state, naming the state and the step', () => {
    expect(canStep(table, 'OPEN', 'open')).toBe(false);
    expect(() => nextState(table, 'The thing', 'OPEN', 'open')).toThrow(
      expect.objectContaining({
        message: expect.stringContaining('open'),
        extensions: expect.objectContaining({
          code: 'INVALID_TRANSITION',
          currentState: 'OPEN',
        }),
      }),
    );
    expect(() => nextState(table, 'The thing', 'DRAFT', 'close')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ currentState: 'DRAFT' }) }),
    );
  });
});

describe('a workflow as declared', () => {
  class Thing {
    id = '';
    status: 'DRAFT' | 'OPEN' = 'DRAFT';
    version = 1;
    updatedAt = new Date();
  }
  const ThingStatus = { DRAFT: 'DRAFT', OPEN: 'OPEN' } as const;
  const steps = { open: { from: [ThingStatus.DRAFT], to: ThingStatus.OPEN, actor: ACTORS.OFFICE } };
  const history = () => undefined;

  it('takes its type name from the entity, its states from their enum', () => {
    const workflow = defineWorkflow({
      entity: Thing,
      what: 'the thing',
      idField: 'thingId',
      states: ThingStatus,
      steps,
      history,
    });
    expect(workflow.typeName).toBe('Thing');
    expect(workflow.states).toEqual(['DRAFT', 'OPEN']);
    expect(workflow.idField).toBe('thingId');
  });

  it('keeps a type name given where the class is named otherwise', () => {
    const workflow = defineWorkflow({
      entity: Thing,
      typeName: 'Widget',
      what: 'the widget',
      idField: 'widgetId',
      states: ThingStatus,
      steps,
      history,
    });
    expect(workflow.typeName).toBe('Widget');
  });

  it('names a record at the start of a message with a capital', () => {
    expect(capitalized('the petition case')).toBe('The petition case');
  });
});
