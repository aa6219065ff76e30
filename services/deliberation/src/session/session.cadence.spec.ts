import { quarterBounds } from './session.cadence';

describe('the quarters of the cadence', () => {
  it('run in China Standard Time, so a late evening on 31 March is still the first quarter', () => {
    const q1 = quarterBounds(2026, 1);
    expect(q1).toEqual({ from: '2026-01-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' });
    const lateEvening = new Date('2026-03-31T23:30:00+08:00');
    expect(lateEvening >= new Date(q1.from) && lateEvening < new Date(q1.to)).toBe(true);
  });

  it('end the fourth quarter at the new year', () => {
    expect(quarterBounds(2026, 4)).toEqual({
      from: '2026-10-01T00:00:00+08:00',
      to: '2027-01-01T00:00:00+08:00',
    });
  });

  it('refuse a fifth quarter', () => {
    expect(() => quarterBounds(2026, 5)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'quarter' } }),
    );
  });
});
