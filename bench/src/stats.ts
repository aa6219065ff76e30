/**
 * The harness's pure parts: percentiles and medians, the fields of /proc/<pid>/stat and
 * /proc/<pid>/status, and the markdown and CSV the results are written as.
 */

/** The p-th percentile (0–100) of the values, nearest rank; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** The median: the mean of the two middle values for an even count; NaN for none. */
export function median(values: readonly number[]): number {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return Number.NaN;
  const sorted = [...finite].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** a / b, or NaN when b is not a positive number. */
export function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : Number.NaN;
}

/**
 * User + system CPU time in clock ticks from the text of /proc/<pid>/stat. The command name (field
 * 2) is in parentheses and may hold spaces or parentheses itself: fields are counted after the last
 * `)`; utime and stime are fields 14 and 15.
 */
export function parseProcStat(text: string): { utime: number; stime: number } {
  const end = text.lastIndexOf(')');
  if (end < 0) throw new Error('not a /proc/<pid>/stat line');
  // After ") " comes field 3 (state); utime is field 14, i.e. index 11 from there.
  const fields = text
    .slice(end + 2)
    .trim()
    .split(/\s+/);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime))
    throw new Error('no utime/stime in /proc/<pid>/stat');
  return { utime, stime };
}

/** A `Vm…:  123 kB` figure of /proc/<pid>/status in kilobytes (VmHWM: the peak resident set). */
export function parseProcStatus(text: string, field = 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(text);
  if (!match) throw new Error(`no ${field} in /proc/<pid>/status`);
  return Number(match[1]);
}

/** A number for a table: fixed decimals, thousands separated, `–` for none. */
export function fmt(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** A markdown table; `|` inside cells is escaped. */
export function markdownTable(headers: string[], rows: Array<Array<string | number>>): string {
  const cell = (value: string | number) => String(value).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (cells: Array<string | number>) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** CSV (RFC 4180): fields with a comma, quote or newline quoted, quotes doubled. */
export function toCsv(headers: string[], rows: Array<Array<string | number | null>>): string {
  const field = (value: string | number | null) => {
    const text =
      value === null || (typeof value === 'number' && !Number.isFinite(value)) ? '' : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [headers, ...rows].map((row) => row.map(field).join(',')).join('\n') + '\n';
}

/** Whether two GraphQL answers are the same (parsed; key order and a final newline aside). */
export function sameAnswer(a: string, b: string): boolean {
  try {
    return canonical(JSON.parse(a)) === canonical(JSON.parse(b));
  } catch {
    return false;
  }
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
