import { toConnection, toPage } from './pagination';

describe('Relay pagination', () => {
  it('gives 20 items unless asked, and at most 100', () => {
    expect(toPage({})).toEqual({ offset: 0, limit: 20 });
    expect(toPage({ first: 100 })).toEqual({ offset: 0, limit: 100 });
    expect(() => toPage({ first: 101 })).toThrow(/first must be between 0 and 100/);
    expect(() => toPage({ first: -1 })).toThrow(/first/);
  });

  it('continues after the end cursor of the previous page', () => {
    const page1 = toConnection(['a', 'b'], 5, toPage({ first: 2 }));
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const page2 = toPage({ first: 2, after: page1.pageInfo.endCursor });
    expect(page2).toEqual({ offset: 2, limit: 2 });
    const last = toConnection(
      ['e'],
      5,
      toPage({ first: 2, after: toConnection(['c', 'd'], 5, page2).pageInfo.endCursor }),
    );
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('refuses a cursor it did not issue', () => {
    for (const after of [
      'bogus',
      Buffer.from('o:-3').toString('base64url'),
      Buffer.from('x:1').toString('base64url'),
    ]) {
      expect(() => toPage({ after })).toThrow(
        expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }),
      );
    }
  });
});
