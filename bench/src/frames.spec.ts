import { packageOf, summarizeProfile, type CpuProfile } from './frames';

describe('packageOf', () => {
  it('names the package under node_modules, scoped or not', () => {
    expect(
      packageOf('file:///repo/node_modules/@mikro-orm/core/entity/EntityHelper.js', 'ensure'),
    ).toBe('@mikro-orm/core');
    expect(packageOf('file:///repo/node_modules/graphql/jsutils/instanceOf.js', 'f')).toBe(
      'graphql',
    );
  });
  it("names Node's own scripts, the project's workspaces and the profiler's pseudo-frames", () => {
    expect(packageOf('node:internal/streams/writable', '_write')).toBe('node');
    expect(packageOf('file:///work/repo/services/toolkit/dist/loaders.js', 'f')).toBe(
      'services/toolkit',
    );
    expect(packageOf('file:///work/repo/gateway/dist/limits.js', 'f')).toBe('gateway');
    expect(packageOf('', '(garbage collector)')).toBe('(garbage collector)');
    expect(packageOf('', 'writev')).toBe('(native)');
  });
});

describe('summarizeProfile', () => {
  const frame = (functionName: string, url = '') => ({
    functionName,
    url,
    lineNumber: 9,
    columnNumber: 0,
  });
  // Samples 1 ms apart: idle, a, a, b, idle, a (times 1001 … 1006 µs·1000).
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(idle)') },
      { id: 2, callFrame: frame('a', 'file:///r/node_modules/pkg/a.js') },
      { id: 3, callFrame: frame('b', 'node:internal/b') },
    ],
    startTime: 0,
    endTime: 7000,
    samples: [1, 2, 2, 3, 1, 2, 1],
    timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000],
  };

  it('sums self time per function and package, idle left out', () => {
    const summary = summarizeProfile(profile);
    expect(summary.busyMs).toBe(4);
    expect(summary.functions[0]).toEqual({
      name: 'a (pkg/a.js:10)',
      package: 'pkg',
      selfMs: 3,
      share: 0.75,
    });
    expect(summary.packages.map((entry) => entry.package)).toEqual(['pkg', 'node']);
  });

  it('counts only the samples inside the window', () => {
    const summary = summarizeProfile(profile, 2500, 4500);
    expect(summary.busyMs).toBe(2);
    expect(summary.functions.map((entry) => [entry.name, entry.selfMs])).toEqual([
      ['a (pkg/a.js:10)', 1],
      ['b (node:internal/b:10)', 1],
    ]);
  });
});
