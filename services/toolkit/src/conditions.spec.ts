import { conditionsSql } from './conditions';

describe("a filter's conditions as SQL", () => {
  it('keeps the conditions whose value is given, in order, each with its parameters', () => {
    const code = '3207';
    expect(
      conditionsSql([
        ['d.status in (?)', ['RECEIVED', 'CLOSED']],
        ['d.category in (?)', []],
        ['d.is_petition = ?', false],
        ['d.home_id = ?', null],
        ['d.name like ?', ''],
        ['d.division_code like ?', code, () => [`${code}%`]],
      ]),
    ).toEqual({
      sql: ' and d.status in (?) and d.is_petition = ? and d.division_code like ?',
      params: [['RECEIVED', 'CLOSED'], false, '3207%'],
    });
  });

  it('is empty when no value is given, and never makes parameters for a missing one', () => {
    const never = jest.fn(() => ['x']);
    expect(conditionsSql([['a = ?', undefined, never]])).toEqual({ sql: '', params: [] });
    expect(never).not.toHaveBeenCalled();
  });
});
