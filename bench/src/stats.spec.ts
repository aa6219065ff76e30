import { SUBGRAPH_NAMES } from './processes';
import { floorParams } from './floor';
import { q1Periods } from './queries';
import { renderCsv, renderMarkdown, type Results } from './results';
import {
  markdownTable,
  median,
  parseProcStat,
  parseProcStatus,
  percentile,
  ratio,
  sameAnswer,
  toCsv,
} from './stats';

describe('percentiles and medians', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('takes the middle, or the mean of the two middles, ignoring what is not a number', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([Number.NaN, 5])).toBe(5);
    expect(median([])).toBeNaN();
  });

  it('divides only by a positive number', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNaN();
    expect(ratio(Number.NaN, 2)).toBeNaN();
  });
});

describe('/proc parsing', () => {
  it('reads utime and stime after the command name, even one with spaces and parentheses', () => {
    const stat =
      '4242 (node (my) app) S 1 4242 4242 0 -1 4194560 12345 0 0 0 1500 250 0 0 20 0 11 0 100 1000000 5000 18446744073709551615';
    expect(parseProcStat(stat)).toEqual({ utime: 1500, stime: 250 });
    expect(() => parseProcStat('garbage')).toThrow();
  });

  it('reads the peak resident set in kilobytes', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1200000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n';
    expect(parseProcStatus(status)).toBe(204800);
    expect(parseProcStatus(status, 'VmRSS')).toBe(102400);
    expect(() => parseProcStatus('Name:\tnode\n')).toThrow();
  });
});

describe('rendering', () => {
  it('writes markdown tables with escaped pipes', () => {
    expect(markdownTable(['a', 'b'], [[1, 'x|y']])).toBe('| a | b |\n| --- | --- |\n| 1 | x\\|y |');
  });

  it('writes CSV with quoted fields and empty cells for no number', () => {
    expect(
      toCsv(
        ['name', 'n'],
        [
          ['a,b', 1],
          ['say "hi"', Number.NaN],
          ['plain', null],
        ],
      ),
    ).toBe('name,n\n"a,b",1\n"say ""hi""",\nplain,\n');
  });

  it('renders a run as markdown and CSV', () => {
    const results: Results = {
      preset: 'small',
      date: '2026-11-27',
      machine: {
        cpu: 'Test CPU',
        cores: 2,
        memoryGb: 24,
        node: 'v20',
        postgres: 'PostgreSQL 15',
        commit: 'abc1234',
        os: 'Linux',
      },
      settings: { seconds: 8, warmupSeconds: 3, rounds: 3, connections: [1, 32] },
      data: { homes: 60 },
      queries: [{ name: 'Q1', title: 'cross-county view', surface: 'city', variants: 12 }],
      statements: [
        {
          label: 'Q1',
          perSubgraph: { organization: 4, deliberation: 1, channels: 1 },
          total: 6,
          errors: false,
        },
      ],
      verification: [{ target: 'Q1', ok: true, detail: '12 requests' }],
      measurements: [
        {
          id: 'Q1 @ c=32',
          group: 'query',
          system: 'gateway',
          query: 'Q1',
          connections: 32,
          rounds: 3,
          requests: 900,
          p50: 80,
          p99: 120.5,
          mean: 85,
          rps: 37.5,
          errors: 0,
          cpuMsPerRequest: { gateway: 4.2, channels: 10, bench: 0.3 },
          peakRssMb: { gateway: 180 },
          verified: true,
        },
      ],
      peakRssMb: { gateway: 180 },
      ratios: { 'Q1 vs SQL floor': 2.5 },
      targets: [{ name: 'Q1 p99 at c=32', goal: '≤ 100 ms', value: '121 ms', met: false }],
      notes: ['noisy'],
    };
    const markdown = renderMarkdown(results);
    expect(markdown).toContain('| Q1 p99 at c=32 | ≤ 100 ms | 121 ms | missed |');
    expect(markdown).toContain(
      '| Q1 @ c=32 | 32 | 80.0 | 120.5 | 85.0 | 37.5 | 0 | 900 | gateway 4.2, channels 10.0, bench 0.3 | gateway 180 |',
    );
    // One column per subgraph of schema/supergraph.yaml; those the request did not reach count 0.
    const perSubgraph: Record<string, number> = { organization: 4, deliberation: 1, channels: 1 };
    expect(markdown).toContain(
      `| Q1 | ${SUBGRAPH_NAMES.map((name) => perSubgraph[name] ?? 0).join(' | ')} | 6 | no |`,
    );
    const csv = renderCsv(results).split('\n');
    expect(csv[0]).toContain('cpu_ms_per_req_gateway');
    expect(csv[1]).toBe('Q1 @ c=32,query,gateway,Q1,32,80,120.5,85,37.5,0,900,4.2,,,10,,,,0.3');
  });
});

describe('answers and periods', () => {
  it('compares answers regardless of key order and a final newline', () => {
    expect(sameAnswer('{"data":{"a":1,"b":[1,2]}}\n', '{"data":{"b":[1,2],"a":1}}')).toBe(true);
    expect(sameAnswer('{"data":{"a":1}}', '{"data":{"a":2}}')).toBe(false);
    expect(sameAnswer('not json', 'not json')).toBe(false);
  });

  it('asks Q1 for the quarters of the last three years up to today', () => {
    const periods = q1Periods('2026-11-27');
    expect(periods[0]).toEqual({ year: 2024, quarter: 1 });
    expect(periods.at(-1)).toEqual({ year: 2026, quarter: 4 });
    expect(periods).toHaveLength(12);
    expect(q1Periods('2026-02-01')).toHaveLength(9);
  });

  it('gives the floor the quarter and year in China Standard Time', () => {
    expect(floorParams(2025, 4)).toEqual([
      '2025-10-01T00:00:00+08:00',
      '2026-01-01T00:00:00+08:00',
      '2025-01-01T00:00:00+08:00',
      '2026-01-01T00:00:00+08:00',
      '2026-01-01',
    ]);
    expect(floorParams(2025, 1)[1]).toBe('2025-04-01T00:00:00+08:00');
  });
});
