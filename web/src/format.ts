/** zh-CN numbers and dates; every date shown in China Standard Time, whatever the browser's zone. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const integer = new Intl.NumberFormat('zh-CN');
const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });
const day = new Intl.DateTimeFormat('zh-CN', {
  timeZone: CHINA_TIME_ZONE,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

/** A count: 1,234; a missing one: —. */
export function formatNumber(value: number | null | undefined): string {
  return value == null ? '—' : integer.format(value);
}

/** A ratio of 0…1 as a percentage: 0.857 → 85.7%; null (nothing to divide): —. */
export function formatPercent(value: number | null | undefined): string {
  return value == null ? '—' : percent.format(value);
}

/** Days and the like, one decimal. */
export function formatDecimal(value: number | null | undefined): string {
  return value == null ? '—' : decimal.format(value);
}

/**
 * A `DateTime` (an instant) or a `Date` (a day, which the graph counts in China Standard Time) as
 * 2026年10月10日.
 */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '—';
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value;
  return day.format(new Date(instant));
}
