/** The shape of a run's results, and how they are written: JSON, a markdown table, CSV. */
import { SUBGRAPH_NAMES } from './processes';
import { fmt, markdownTable, toCsv } from './stats';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  postgres: string;
  commit: string;
  os: string;
}

export interface TargetSummary {
  /** e.g. `Q1 @ c=32`, `floor Q1 @ c=1`, `mix: Hive (dedup off) @ c=32`. */
  id: string;
  group: 'query' | 'floor' | 'direct' | 'mix';
  query?: string;
  system: string;
  connections: number;
  rounds: number;
  requests: number;
  p50: number;
  p99: number;
  mean: number;
  rps: number;
  errors: number;
  cpuMsPerRequest: Record<string, number>;
  peakRssMb: Record<string, number>;
  verified: boolean;
  note?: string;
}

export interface TargetCheck {
  name: string;
  goal: string;
  value: string;
  met: boolean | null;
}

export interface Results {
  preset: string;
  date: string;
  machine: Machine;
  settings: { seconds: number; warmupSeconds: number; rounds: number; connections: number[] };
  data: Record<string, number>;
  queries: Array<{
    name: string;
    title: string;
    surface: string;
    variants: number;
    skipped?: string;
  }>;
  statements: Array<{
    label: string;
    perSubgraph: Record<string, number>;
    total: number;
    errors: boolean;
    sqlMs?: Record<string, number>;
    slowest?: Array<{ subgraph: string; ms: number; sql: string }>;
  }>;
  verification: Array<{ target: string; ok: boolean; detail: string }>;
  measurements: TargetSummary[];
  peakRssMb: Record<string, number>;
  ratios: Record<string, number>;
  targets: TargetCheck[];
  notes: string[];
}

const PROCESSES = [
  'gateway',
  'organization',
  'deliberation',
  'channels',
  'hive',
  'hiveNoDedup',
  'hiveRust',
  'bench',
];

function cpuCell(cpu: Record<string, number>): string {
  return PROCESSES.filter((name) => Number.isFinite(cpu[name]) && cpu[name] >= 0.05)
    .map((name) => `${name} ${fmt(cpu[name], 1)}`)
    .join(', ');
}

export function renderMarkdown(results: Results): string {
  const { machine } = results;
  const out: string[] = [];
  out.push(`# Benchmark: preset \`${results.preset}\`, ${results.date}`);
  out.push('');
  out.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${fmt(machine.memoryGb, 1)} GB; ${machine.os}; Node ${machine.node}; ${machine.postgres}; commit \`${machine.commit}\`.`,
  );
  out.push(
    `Each target ${results.settings.seconds} s per round after a ${results.settings.warmupSeconds} s warm-up, ${results.settings.rounds} rounds alternating the targets; medians over rounds. The load generator (autocannon) runs in the bench process on the same 2 cores (its CPU is the \`bench\` column).`,
  );
  out.push('');
  out.push('## Targets (issue 6)');
  out.push('');
  out.push(
    markdownTable(
      ['target', 'goal', 'measured', 'met'],
      results.targets.map((t) => [
        t.name,
        t.goal,
        t.value,
        t.met === null ? 'n/a' : t.met ? 'met' : 'missed',
      ]),
    ),
  );
  out.push('');
  out.push('## Latency, throughput, CPU');
  out.push('');
  out.push(
    markdownTable(
      [
        'target',
        'c',
        'p50 ms',
        'p99 ms',
        'mean ms',
        'req/s',
        'errors',
        'requests',
        'CPU ms/request',
        'peak RSS MB',
      ],
      results.measurements.map((m) => [
        m.verified ? m.id : `${m.id} (answer differs: not timed)`,
        m.connections,
        fmt(m.p50, 1),
        fmt(m.p99, 1),
        fmt(m.mean, 1),
        fmt(m.rps, 1),
        m.errors,
        m.requests,
        cpuCell(m.cpuMsPerRequest),
        Object.entries(m.peakRssMb)
          .map(([name, mb]) => `${name} ${fmt(mb)}`)
          .join(', '),
      ]),
    ),
  );
  out.push('');
  out.push('## SQL statements per request');
  out.push('');
  const subgraphs = SUBGRAPH_NAMES;
  out.push(
    markdownTable(
      ['request', ...subgraphs, 'total', 'errors'],
      results.statements.map((s) => [
        s.label,
        ...subgraphs.map((name) => s.perSubgraph[name] ?? 0),
        s.total,
        s.errors ? 'yes' : 'no',
      ]),
    ),
  );
  out.push('');
  const profiled = results.statements.filter((s) => s.slowest?.length);
  if (profiled.length) {
    out.push('### Where a request alone spends its SQL time (the slowest statements)');
    out.push('');
    out.push(
      markdownTable(
        ['request', 'SQL ms per subgraph', 'slowest statements'],
        profiled.map((s) => [
          s.label,
          subgraphs.map((name) => `${name} ${fmt(s.sqlMs?.[name] ?? 0, 1)}`).join(', '),
          (s.slowest ?? [])
            .map((q) => `${q.subgraph} ${fmt(q.ms, 1)} ms: \`${q.sql.replace(/`/g, "'")}\``)
            .join('<br>'),
        ]),
      ),
    );
    out.push('');
  }
  out.push('## Ratios');
  out.push('');
  out.push(
    markdownTable(
      ['ratio', 'value'],
      Object.entries(results.ratios).map(([name, value]) => [name, fmt(value, 2)]),
    ),
  );
  out.push('');
  out.push('## Peak memory of each process over the run (VmHWM, MB)');
  out.push('');
  out.push(
    markdownTable(
      ['process', 'MB'],
      Object.entries(results.peakRssMb).map(([name, mb]) => [name, fmt(mb)]),
    ),
  );
  out.push('');
  out.push('## The mix and its data');
  out.push('');
  out.push(
    markdownTable(
      ['query', 'what', 'surface', 'variants'],
      results.queries.map((q) => [
        q.name,
        q.skipped ? `${q.title} (skipped: ${q.skipped})` : q.title,
        q.surface,
        q.variants,
      ]),
    ),
  );
  out.push('');
  out.push(
    Object.entries(results.data)
      .map(([table, n]) => `${table} ${fmt(n)}`)
      .join(' · '),
  );
  out.push('');
  out.push('## Answers checked before timing');
  out.push('');
  out.push(
    markdownTable(
      ['target', 'same answer', 'detail'],
      results.verification.map((v) => [v.target, v.ok ? 'yes' : 'NO', v.detail]),
    ),
  );
  if (results.notes.length) {
    out.push('');
    out.push('## Notes');
    out.push('');
    for (const note of results.notes) out.push(`- ${note}`);
  }
  out.push('');
  return out.join('\n');
}

export function renderCsv(results: Results): string {
  return toCsv(
    [
      'target',
      'group',
      'system',
      'query',
      'connections',
      'p50_ms',
      'p99_ms',
      'mean_ms',
      'rps',
      'errors',
      'requests',
      ...PROCESSES.map((p) => `cpu_ms_per_req_${p}`),
    ],
    results.measurements.map((m) => [
      m.id,
      m.group,
      m.system,
      m.query ?? '',
      m.connections,
      round(m.p50),
      round(m.p99),
      round(m.mean),
      round(m.rps),
      m.errors,
      m.requests,
      ...PROCESSES.map((p) =>
        m.cpuMsPerRequest[p] === undefined ? null : round(m.cpuMsPerRequest[p]),
      ),
    ]),
  );
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
