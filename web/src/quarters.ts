import { CHINA_TIME_ZONE } from './format';

export interface Quarter {
  year: number;
  quarter: number;
}

/** Today's quarter in China Standard Time (the graph's calendar). */
export function currentQuarter(now = new Date()): Quarter {
  const [year, month] = new Intl.DateTimeFormat('en-CA', {
    timeZone: CHINA_TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
  })
    .formatToParts(now)
    .filter((part) => part.type === 'year' || part.type === 'month')
    .map((part) => Number(part.value));
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

export function previousQuarter({ year, quarter }: Quarter, back = 1): Quarter {
  const index = year * 4 + (quarter - 1) - back;
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

/** The last `count` quarters up to `last`, oldest first. */
export function quartersUpTo(last: Quarter, count: number): Quarter[] {
  return Array.from({ length: count }, (_, i) => previousQuarter(last, count - 1 - i));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The quarter's first and last day (`Date`s, both included, as the graph's filters take them). */
export function quarterDays({ year, quarter }: Quarter): { from: string; to: string } {
  const lastMonth = quarter * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    from: `${year}-${pad(lastMonth - 2)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(lastDay)}`,
  };
}

/** 2026年第3季度 */
export function quarterLabel({ year, quarter }: Quarter): string {
  return `${year}年第${quarter}季度`;
}

export function quarterKey({ year, quarter }: Quarter): string {
  return `${year}-Q${quarter}`;
}

export function parseQuarterKey(key: string | undefined): Quarter | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(key ?? '');
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : null;
}
