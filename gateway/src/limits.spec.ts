import {
  buildSchema,
  Kind,
  parse,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { operationCost, PLAIN_LIST_SIZES, withDefaults } from './limits';

const schema = buildSchema(`
  type PageInfo { hasNextPage: Boolean! }
  type Member { id: ID! name: String! homes: [Home!]! }
  type Home { id: ID! name: String! members: [Member!]! }
  type Proposal { id: ID! coSigners: [Member!]! }
  type Report { id: ID! }
  union Escalation = Proposal | Report
  type Demand { id: ID! escalations: [Escalation!]! }
  type DemandEdge { node: Demand! }
  type DemandConnection { edges: [DemandEdge!]! pageInfo: PageInfo! }
  type CadenceRow { home: Home }
  type CadenceReport { homes: [CadenceRow!]! }
  type Query {
    demands(first: Int): DemandConnection!
    home(id: ID!): Home
    cadenceReport(divisionCode: String!): CadenceReport!
  }
`);

const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = Object.fromEntries(
    document.definitions
      .filter(
        (definition): definition is FragmentDefinitionNode =>
          definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  return operationCost(
    schema,
    operation.selectionSet,
    schema.getQueryType()!,
    fragments,
    withDefaults(operation, variables),
  );
};

describe('the cost of an operation', () => {
  it('counts selections in fragments on a union member: the union costs its dearest member', () => {
    const plain = cost(`{ demands(first: 10) { edges { node { id } } } }`);
    const inline = cost(
      `{ demands(first: 10) { edges { node { escalations { ... on Proposal { coSigners { homes { name } } } ... on Report { id } } } } } }`,
    );
    const spread = cost(
      `{ demands(first: 10) { edges { node { escalations { ...P } } } } } fragment P on Proposal { coSigners { homes { name } } }`,
    );
    // 10 demands × (10 escalations + 10 × 10 co-signers + 10 × 10 × 10 homes)
    expect(plain).toBe(10);
    expect(inline).toBe(10 + 10 * (10 + 100 + 1_000));
    expect(spread).toBe(inline);
  });

  it('refuses a negative first, from the document or the variables', () => {
    expect(() => cost(`{ demands(first: -1) { edges { node { id } } } }`)).toThrow(/first/);
    expect(() =>
      cost(`query($n: Int) { demands(first: $n) { edges { node { id } } } }`, { n: -5 }),
    ).toThrow(/first/);
  });

  it('counts introspection by the schema it returns, each copy again', () => {
    const one = cost(`{ __schema { types { name } } }`);
    expect(one).toBeGreaterThan(20);
    expect(cost(`{ a: __schema { types { name } } b: __schema { types { name } } }`)).toBe(2 * one);
    expect(cost(`{ __typename }`)).toBe(0);
  });

  it('counts a variable left out at its declared default, not at the usual page', () => {
    const query = `query($n: Int = 100) { demands(first: $n) { edges { node { id } } } }`;
    expect(cost(query)).toBe(100);
    expect(cost(query, { n: 5 })).toBe(5);
    expect(cost(`query($n: Int) { demands(first: $n) { edges { node { id } } } }`)).toBe(20);
  });

  it('counts a plain list that can be long at its most: every home of a cadence report’s division', () => {
    const homes = (code: string) =>
      cost(`{ cadenceReport(divisionCode: "${code}") { homes { home { name } } } }`);
    // The city's homes at most, a county's, a township's: the row and its home each.
    expect(homes('3207')).toBe(1 + 2 * 2_000);
    expect(homes('320706')).toBe(1 + 2 * 500);
    expect(homes('320706001')).toBe(1 + 2 * 100);
    expect(
      cost(`query($c: String!) { cadenceReport(divisionCode: $c) { homes { home { name } } } }`, {
        c: '320706',
      }),
    ).toBe(1 + 2 * 500);
    // Home.members is an ordinary plain list: ten.
    expect(
      cost(`{ cadenceReport(divisionCode: "3207") { homes { home { members { id } } } } }`),
    ).toBe(1 + 2 * 2_000 + 2_000 * 10);
    expect(typeof PLAIN_LIST_SIZES['CadenceReport.homes']).toBe('function');
  });
});
