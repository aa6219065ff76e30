import { keysetSql, newestFirst } from './keyset';
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

  it('reads the position cursors it writes', () => {
    for (const position of [0, 7, 999_999_999]) {
      const after = Buffer.from(`o:${position}`).toString('base64url');
      expect(toPage({ after })).toEqual({ offset: position + 1, limit: 20 });
    }
  });

  it('refuses a cursor it did not issue', () => {
    for (const after of [
      'bogus',
      Buffer.from('o:-3').toString('base64url'),
      Buffer.from('x:1').toString('base64url'),
      // Positions no list reaches, and numbers in forms this server never writes: beyond
      // PostgreSQL's offset some were INTERNAL_SERVER_ERROR (SQLSTATE 22003).
      ...[
        'o:99999999999999999999',
        'o:9223372036854775808',
        'o:1000000000',
        'o:1e20',
        'o:1e3',
        'o:0x10',
        'o: 3',
        'o:03',
        'o:1.5',
        'o:',
      ].map((cursor) => Buffer.from(cursor).toString('base64url')),
    ]) {
      expect(() => toPage({ after })).toThrow(
        expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }),
      );
    }
  });
});

describe('keyset pagination', () => {
  const order = newestFirst('assignedProposals');
  const row = (createdAt: string, id: string) => ({ createdAt: new Date(createdAt), id });

  it('continues after the key of the last row, whatever was added before it', () => {
    const first = toConnection(
      [row('2026-11-29T08:00:00.123Z', '00000000-0000-4000-8000-000000000002')],
      5,
      toPage({ first: 1 }, '', order),
      true,
    );
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = toPage({ first: 1, after: first.pageInfo.endCursor }, '', order);
    expect(next).toMatchObject({
      offset: 0,
      limit: 1,
      after: ['2026-11-29T08:00:00.123Z', '00000000-0000-4000-8000-000000000002'],
    });
    expect(keysetSql(order, next.after!)).toEqual({
      sql: '(created_at, id) < (?::timestamptz, ?::uuid)',
      params: next.after,
    });
  });

  it('refuses a cursor of another list, an offset cursor, or a forged key', () => {
    const cursor = toConnection(
      [row('2026-11-29T08:00:00.123Z', '00000000-0000-4000-8000-000000000002')],
      1,
      toPage({}, '', order),
      false,
    ).pageInfo.endCursor!;
    const forge = (text: string) => Buffer.from(text).toString('base64url');
    for (const after of [
      'bogus',
      forge('o:3'),
      forge('k1:assignedProposals:[]'),
      forge('k1:assignedProposals:["2026-11-29","00000000-0000-4000-8000-000000000002"]'),
      forge('k1:assignedProposals:["2026-11-29T08:00:00.123Z","1 or 1=1"]'),
      forge('k1:assignedProposals:[nope'),
      // Dates JavaScript reads but PostgreSQL refuses.
      forge(
        'k1:assignedProposals:["2026-02-30T08:00:00.000Z","00000000-0000-4000-8000-000000000002"]',
      ),
      forge(
        'k1:assignedProposals:["0000-01-01T00:00:00.000Z","00000000-0000-4000-8000-000000000002"]',
      ),
    ]) {
      expect(() => toPage({ after }, 'inbox.', order)).toThrow(
        expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'inbox.after' } }),
      );
    }
    expect(() => toPage({ after: cursor }, '', newestFirst('forwardedReports'))).toThrow(
      /not a cursor of this list/,
    );
    expect(() => toPage({ after: cursor })).toThrow(/not a cursor of this list/);
  });

  it('orders by whole numbers too (an outbox position), refusing what is no bigint or xid8', () => {
    const byEvent = {
      name: 'deliveries',
      direction: 'desc' as const,
      parts: [
        { column: 'event_xid', property: 'eventXid', type: 'xid8' as const },
        { column: 'event_seq', property: 'eventSeq', type: 'bigint' as const },
        { column: 'id', property: 'id', type: 'uuid' as const },
      ],
    };
    const id = '00000000-0000-4000-8000-000000000002';
    const cursor = toConnection(
      [{ eventXid: '18446744073709551615', eventSeq: '42', id }],
      1,
      toPage({}, '', byEvent),
      false,
    ).pageInfo.endCursor!;
    const next = toPage({ after: cursor }, '', byEvent);
    expect(next.after).toEqual(['18446744073709551615', '42', id]);
    expect(keysetSql(byEvent, next.after!, 'd').sql).toBe(
      '(d.event_xid, d.event_seq, d.id) < (?::xid8, ?::bigint, ?::uuid)',
    );
    const forge = (values: unknown[]) =>
      Buffer.from(`k1:deliveries:${JSON.stringify(values)}`).toString('base64url');
    for (const values of [
      ['18446744073709551616', '42', id], // past xid8
      ['1', '9223372036854775808', id], // past bigint
      ['-1', '42', id],
      ['1', '4.2', id],
      ['1', 42, id],
    ]) {
      expect(() => toPage({ after: forge(values) }, '', byEvent)).toThrow(
        /not a cursor of this list/,
      );
    }
  });
});
