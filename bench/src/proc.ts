/** CPU time and peak memory of the stack's processes, read from /proc. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseProcStat, parseProcStatus } from './stats';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      ticksPerSecond = 100;
    }
    if (!Number.isFinite(ticksPerSecond) || ticksPerSecond <= 0) ticksPerSecond = 100;
  }
  return ticksPerSecond;
}

/** User + system CPU milliseconds the process has used so far. */
export function cpuMs(pid: number): number {
  const { utime, stime } = parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  return ((utime + stime) * 1000) / clockTicks();
}

/** The peak resident set (VmHWM) in megabytes. */
export function peakRssMb(pid: number): number {
  return parseProcStatus(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmHWM') / 1024;
}

/** Resets the peak resident set to the current one (Linux `clear_refs` 5); false when refused. */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** A snapshot of CPU milliseconds per named process. */
export function cpuSnapshot(pids: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMs(pid)]));
}

export function cpuDelta(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after).map(([name, ms]) => [name, ms - (before[name] ?? 0)]),
  );
}

/**
 * Waits until the processes are quiet (together under `busyShare` of one core over 500 ms) and
 * the database runs none of their statements, at
 * most `timeoutMs`: a load generator that stops leaves requests in flight on the server, and
 * their work must not be billed to the next target. Returns the milliseconds waited.
 */
export async function settle(
  pids: Record<string, number>,
  databaseBusy: () => Promise<boolean> = async () => false,
  busyShare = 0.1,
  timeoutMs = 90_000,
): Promise<number> {
  const started = Date.now();
  let before = cpuSnapshot(pids);
  while (Date.now() - started < timeoutMs) {
    await new Promise((done) => setTimeout(done, 500));
    const after = cpuSnapshot(pids);
    const busy = Object.values(cpuDelta(before, after)).reduce((sum, ms) => sum + ms, 0);
    // The processes wait idle on statements still running in PostgreSQL: those count too.
    if (busy < 500 * busyShare && !(await databaseBusy())) break;
    before = after;
  }
  return Date.now() - started;
}
