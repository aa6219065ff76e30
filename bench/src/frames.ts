/**
 * Reads a V8 CPU profile (`node --cpu-prof`, `.cpuprofile` JSON) and sums self time by function
 * and by package, over the samples inside a time window (the load's, so start-up and warm-up are
 * left out). Times in the profile are microseconds of the monotonic clock, the same clock as
 * `process.hrtime` in any process of the machine.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Frame {
  /** `functionName (file:line)`, `(garbage collector)`, `(program)`. */
  name: string;
  package: string;
  selfMs: number;
  /** Share of the process's busy samples in the window (idle excluded), 0–1. */
  share: number;
}

export interface ProfileSummary {
  /** Milliseconds sampled busy (everything but `(idle)`) inside the window. */
  busyMs: number;
  functions: Frame[];
  packages: Array<{ package: string; selfMs: number; share: number }>;
}

/**
 * The package a script belongs to: `@scope/name` or `name` under node_modules, `node:` for
 * Node's own, the workspace folder (`services/organization`, `gateway`) for the project's code.
 */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [first, second] = path.slice(modules + '/node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  if (path.startsWith('node:')) return 'node';
  const workspace = /\/(services\/[^/]+|gateway|bench|scripts|demo)\/(?:dist|src)\//.exec(path);
  return workspace ? workspace[1] : path;
}

function frameName(frame: CallFrame): string {
  if (!frame.url) return frame.functionName || '(anonymous)';
  const path = frame.url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  const short =
    modules >= 0
      ? path.slice(modules + '/node_modules/'.length)
      : path.replace(/^.*?\/((?:services\/[^/]+|gateway|bench|scripts|demo)\/)/, '$1');
  return `${frame.functionName || '(anonymous)'} (${short}:${frame.lineNumber + 1})`;
}

/** Self time per function and per package over the samples in [fromUs, toUs]. */
export function summarizeProfile(
  profile: CpuProfile,
  fromUs = -Infinity,
  toUs = Infinity,
  top = 25,
): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const selfByName = new Map<string, { package: string; us: number }>();
  const selfByPackage = new Map<string, number>();
  let busyUs = 0;
  let time = profile.startTime;
  for (let i = 0; i < profile.samples.length; i += 1) {
    time += profile.timeDeltas[i];
    // A sample stands for the interval until the next one.
    const span = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1] : 0;
    if (time < fromUs || time > toUs || span <= 0) continue;
    const frame = byId.get(profile.samples[i]);
    if (!frame || frame.functionName === '(idle)') continue;
    busyUs += span;
    const name = frameName(frame);
    const pkg = packageOf(frame.url, frame.functionName);
    const entry = selfByName.get(name) ?? { package: pkg, us: 0 };
    entry.us += span;
    selfByName.set(name, entry);
    selfByPackage.set(pkg, (selfByPackage.get(pkg) ?? 0) + span);
  }
  const share = (us: number) => (busyUs ? us / busyUs : 0);
  return {
    busyMs: busyUs / 1000,
    functions: [...selfByName.entries()]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([name, { package: pkg, us }]) => ({
        name,
        package: pkg,
        selfMs: us / 1000,
        share: share(us),
      })),
    packages: [...selfByPackage.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([pkg, us]) => ({ package: pkg, selfMs: us / 1000, share: share(us) })),
  };
}
