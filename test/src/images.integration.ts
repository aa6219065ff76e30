// Each image built without a Docker engine (there is none here, and no registry to pull base
// images from): every stage is laid out in an empty folder with exactly what its COPY lines bring
// (from the repository, less what .dockerignore leaves out, or from an earlier stage), its RUN
// commands run there (the lockfile install, the build), and the runtime stage's CMD starts far
// enough to parse its configuration. A COPY line missing from a Dockerfile fails its image here.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join, posix, relative } from 'node:path';
import { readSupergraphConfig } from '@cppcc/scripts';
import {
  ROOT,
  argsOf,
  copyOf,
  stagesOf,
  type BuildArgs,
  type Instruction,
} from './support/dockerfile';

/**
 * Each image: its Dockerfile and build arguments, as docker-compose.yml builds it: every subgraph
 * of schema/supergraph.yaml from services/Dockerfile, and the gateway.
 */
const IMAGES: Array<readonly [name: string, dockerfile: string, args: BuildArgs]> = [
  ...readSupergraphConfig().map(
    ({ name, port }) =>
      [name, 'services/Dockerfile', { SERVICE: name, PORT: String(port) }] as const,
  ),
  ['gateway', 'gateway/Dockerfile', {}],
];

/** What .dockerignore keeps out of the build context, as path segments or file suffixes. */
function ignoredByDockerignore(): (path: string) => boolean {
  const patterns = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const segments = patterns
    .map((pattern) => pattern.replace(/^\*\*\//, ''))
    .filter((pattern) => !pattern.includes('*'));
  const suffixes = patterns
    .map((pattern) => /^\*\*\/\*(\.[\w.]+)$/.exec(pattern)?.[1])
    .filter((suffix): suffix is string => Boolean(suffix));
  return (path) => {
    const parts = relative(ROOT, path).split('/');
    return (
      parts.some((part) => segments.includes(part)) ||
      suffixes.some((suffix) => path.endsWith(suffix))
    );
  };
}

interface Stage {
  name?: string;
  root: string;
  workdir: string;
  env: Record<string, string>;
}

/** Docker's COPY: a folder's contents go into the destination; files into a folder ending in `/`. */
function copyInto(from: string, to: string, filter?: (path: string) => boolean): void {
  if (!existsSync(from)) throw new Error(`COPY source ${from} does not exist`);
  if (statSync(from).isDirectory()) {
    mkdirSync(to, { recursive: true });
    cpSync(from, to, { recursive: true, filter: (path) => !filter || !filter(path) });
  } else {
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, to);
  }
}

/**
 * The images' npm cache: a copy of the machine's (hard links, so it costs nothing), so the
 * packages come from it when it has them, as a build cache would, while other installs running on
 * the machine meanwhile cannot change it under the build.
 */
function npmCacheIn(folder: string): string {
  const cache = join(folder, 'npm-cache');
  const machine = join(homedir(), '.npm', '_cacache');
  mkdirSync(cache, { recursive: true });
  if (existsSync(machine)) spawnSync('cp', ['-al', machine, join(cache, '_cacache')]);
  return cache;
}

function run(command: string, cwd: string, env: Record<string, string>, npmCache: string) {
  return spawnSync('sh', ['-c', command], {
    cwd,
    env: {
      ...process.env,
      ...env,
      npm_config_cache: npmCache,
      npm_config_prefer_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    },
    encoding: 'utf8',
    timeout: 300_000,
  });
}

/** Builds a Dockerfile's stages in `into`; returns the runtime stage. */
function build(
  dockerfile: string,
  buildArgs: BuildArgs,
  into: string,
): { runtime: Stage; cmd: string[] } {
  const ignored = ignoredByDockerignore();
  const npmCache = npmCacheIn(into);
  const stages: Stage[] = [];
  let cmd: string[] = [];
  for (const [index, instructions] of stagesOf(dockerfile, buildArgs).entries()) {
    const from = argsOf(instructions, 'FROM')[0] ?? '';
    const stage: Stage = {
      name: / AS (\S+)$/i.exec(from)?.[1],
      root: join(into, `stage-${index}`),
      workdir: '/',
      env: {},
    };
    mkdirSync(stage.root, { recursive: true });
    stages.push(stage);
    for (const { keyword, args } of instructions as Instruction[]) {
      const at = (path: string) => join(stage.root, posix.resolve(stage.workdir, path));
      if (keyword === 'WORKDIR') {
        stage.workdir = posix.resolve(stage.workdir, args);
        mkdirSync(at('.'), { recursive: true });
      } else if (keyword === 'ENV') {
        const [, name, value] = /^(\w+)[= ](.*)$/.exec(args)!;
        stage.env[name] = value;
      } else if (keyword === 'COPY') {
        const { flags, sources, destination } = copyOf(args);
        const fromStage = flags.find((flag) => flag.startsWith('--from='))?.slice(7);
        const source = fromStage ? stages.find((s) => s.name === fromStage) : undefined;
        if (fromStage && !source) throw new Error(`${dockerfile}: no stage ${fromStage}`);
        for (const path of sources) {
          const origin = source
            ? join(source.root, posix.resolve(source.workdir, path))
            : join(ROOT, path);
          const target =
            destination.endsWith('/') && !statSync(origin).isDirectory()
              ? join(at(destination), basename(path))
              : at(destination);
          copyInto(origin, target, source ? undefined : ignored);
        }
      } else if (keyword === 'RUN') {
        const result = run(args, at('.'), stage.env, npmCache);
        if (result.status !== 0) {
          throw new Error(
            `${dockerfile}: RUN ${args} failed (${result.status ?? result.signal}):\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-4000)}`,
          );
        }
      } else if (keyword === 'CMD') {
        cmd = JSON.parse(args) as string[];
      }
    }
  }
  return { runtime: stages.at(-1)!, cmd };
}

describe('the images, built from their Dockerfiles without a Docker engine', () => {
  let workspace: string;
  beforeAll(() => {
    workspace = mkdtempSync(join(tmpdir(), 'cppcc-images-'));
  });
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  it.each(IMAGES)(
    'the %s image (%s) installs, builds and starts its process up to the configuration check',
    (name, dockerfile, buildArgs) => {
      const { runtime, cmd } = build(dockerfile, buildArgs, join(workspace, name));
      expect(cmd[0]).toBe('node');
      // A port no process accepts: the process must load every module it needs, then refuse the
      // value by name and exit 2, as it would in a container given a wrong configuration.
      const started = spawnSync(cmd[0], cmd.slice(1), {
        cwd: join(runtime.root, runtime.workdir),
        env: { PATH: process.env.PATH ?? '', ...runtime.env, PORT: 'not-a-port' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(started.stderr).toContain('Invalid configuration');
      expect(started.stderr).toMatch(/\bPORT\b/);
      expect(started.status).toBe(2);
    },
    600_000,
  );
});
