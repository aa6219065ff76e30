import { createHash } from 'node:crypto';
import { BadUserInputError, type Caller } from '@cppcc/contract';
import { canonicalJson, idempotencyOf, inputFingerprint } from './writes';

const CLERK: Caller = {
  subject: 'test:clerk',
  level: 'COUNTY',
  division: '320706',
  roles: [],
  surface: 'county',
};

/** An input object as type-graphql hands it over: a class instance, its fields in its own order. */
class CreateThingInput {
  idempotencyKey?: string | null;
  title?: string;
  items?: { title: string; at?: Date | null; tags?: string[] }[];
}

describe('the canonical JSON of a creating input', () => {
  it('sorts keys at every level, so the order the fields were written in does not matter', () => {
    const a = { title: 'a', nested: { z: 1, a: [{ y: 2, b: 3 }] }, count: 2 };
    const b = { count: 2, nested: { a: [{ b: 3, y: 2 }], z: 1 }, title: 'a' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"count":2,"nested":{"a":[{"b":3,"y":2}],"z":1},"title":"a"}');
  });

  it('takes a field set to undefined as an absent one, and null as a value', () => {
    expect(canonicalJson({ title: 'a', note: undefined })).toBe(canonicalJson({ title: 'a' }));
    expect(canonicalJson({ title: 'a', note: null })).not.toBe(canonicalJson({ title: 'a' }));
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('keeps the order of lists, in objects and lists nested at any depth', () => {
    expect(canonicalJson({ ids: ['a', 'b'] })).not.toBe(canonicalJson({ ids: ['b', 'a'] }));
    expect(canonicalJson({ rows: [[{ b: 1, a: 2 }], []] })).toBe('{"rows":[[{"a":2,"b":1}],[]]}');
    expect(canonicalJson({ rows: [{ a: 1 }, { a: 2 }] })).not.toBe(
      canonicalJson({ rows: [{ a: 2 }, { a: 1 }] }),
    );
  });

  it('writes a Date as its ISO string, the same instant alike however it was made', () => {
    const at = new Date('2026-03-01T08:00:00+08:00');
    expect(canonicalJson({ at })).toBe('{"at":"2026-03-01T00:00:00.000Z"}');
    expect(canonicalJson({ at })).toBe(canonicalJson({ at: new Date(Date.UTC(2026, 2, 1)) }));
    expect(canonicalJson({ at })).toBe(canonicalJson({ at: '2026-03-01T00:00:00.000Z' }));
    expect(canonicalJson({ at })).not.toBe(canonicalJson({ at: new Date(at.getTime() + 1) }));
  });

  it('tells strings from numbers and booleans, and escapes keys and strings as JSON does', () => {
    expect(canonicalJson({ year: 2026 })).not.toBe(canonicalJson({ year: '2026' }));
    expect(canonicalJson({ on: true })).not.toBe(canonicalJson({ on: 'true' }));
    expect(canonicalJson({ 'a"b': '村口\n"桥"' })).toBe('{"a\\"b":"村口\\n\\"桥\\""}');
  });
});

describe('the fingerprint of a creating input', () => {
  it('is the SHA-256 of the canonical JSON of the whole input but its idempotencyKey', () => {
    const input = { idempotencyKey: 'clerk-key-0001', title: '桥', ids: ['b', 'a'] };
    expect(inputFingerprint(input)).toBe(
      createHash('sha256').update('{"ids":["b","a"],"title":"桥"}').digest('hex'),
    );
    expect(inputFingerprint(input)).toBe(inputFingerprint({ ids: ['b', 'a'], title: '桥' }));
  });

  it('is the same for an input class instance and a plain object with its fields in another order', () => {
    const instance = Object.assign(new CreateThingInput(), {
      items: [{ tags: ['x'], at: new Date('2026-01-02T03:04:05Z'), title: 'one' }],
      title: 'a',
      idempotencyKey: 'key-one-0001',
    });
    const plain = {
      title: 'a',
      items: [{ title: 'one', at: new Date('2026-01-02T03:04:05Z'), tags: ['x'] }],
      idempotencyKey: 'another-key-0002',
      note: undefined,
    };
    expect(inputFingerprint(instance)).toBe(inputFingerprint(plain));
  });

  it('differs when any value but the key differs, however deep', () => {
    const base = { title: 'a', items: [{ title: 'one', tags: ['x'] }] };
    const other = { title: 'a', items: [{ title: 'one', tags: ['y'] }] };
    expect(inputFingerprint(base)).not.toBe(inputFingerprint(other));
    expect(inputFingerprint(base)).not.toBe(inputFingerprint({ ...base, extra: null }));
  });
});

describe('the idempotency of a create', () => {
  it('is none without a key', () => {
    const input: CreateThingInput = { title: 'a' };
    expect(idempotencyOf(CLERK, input)).toBeNull();
    expect(idempotencyOf(CLERK, { idempotencyKey: null })).toBeNull();
  });

  it('scopes the key to its caller and fingerprints the rest of the input', () => {
    const input: CreateThingInput = { idempotencyKey: 'clerk-key-0001', title: 'a' };
    expect(idempotencyOf(CLERK, input)).toEqual({
      key: 'test:clerk:clerk-key-0001',
      fingerprint: inputFingerprint({ title: 'a' }, CLERK),
    });
  });

  it('fingerprints where the caller acts: the same subject under another jurisdiction makes another request', () => {
    const input: CreateThingInput = { idempotencyKey: 'clerk-key-0001', title: 'a' };
    const elsewhere = { ...CLERK, division: CLERK.division === '320722' ? '320706' : '320722' };
    expect(idempotencyOf(elsewhere, input)!.key).toBe(idempotencyOf(CLERK, input)!.key);
    expect(idempotencyOf(elsewhere, input)!.fingerprint).not.toBe(
      idempotencyOf(CLERK, input)!.fingerprint,
    );
    expect(idempotencyOf({ ...CLERK }, input)).toEqual(idempotencyOf(CLERK, input));
  });

  it.each(['short', 'x'.repeat(129)])(
    'refuses a key of the wrong length on input.idempotencyKey, without echoing it',
    (key) => {
      let error: unknown;
      try {
        idempotencyOf(CLERK, { idempotencyKey: key });
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(BadUserInputError);
      expect((error as BadUserInputError).field).toBe('input.idempotencyKey');
      expect((error as BadUserInputError).message).not.toContain(key);
    },
  );
});
