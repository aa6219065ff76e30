import { serializeError } from './logger';

describe('errors in the logs', () => {
  it('keep what names a database fault, never the statement, its values or the failing row', () => {
    const error = Object.assign(
      new Error(
        `insert into "demand" ("resident_contact") values ('13812345678') - new row violates check constraint "demand_check" - detail: Failing row contains (13812345678).`,
      ),
      {
        name: 'CheckConstraintViolationException',
        code: '23514',
        constraint: 'demand_check',
        table: 'demand',
        schema: 'channels',
        detail: 'Failing row contains (13812345678).',
      },
    );
    const logged = JSON.stringify(serializeError(error));
    expect(logged).not.toContain('13812345678');
    expect(serializeError(error)).toMatchObject({
      code: '23514',
      constraint: 'demand_check',
      table: 'demand',
    });
  });

  it('keep other errors whole', () => {
    const error = new Error('the change feed answered 503');
    expect(serializeError(error)).toMatchObject({ message: 'the change feed answered 503' });
  });
});
