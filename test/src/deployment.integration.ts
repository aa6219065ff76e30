// Keeps docker-compose.yml and the Dockerfiles honest against the code: no Docker engine is needed,
// the files are read and checked against each process's own configuration module.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { parse } from 'yaml';
import {
  ROOT,
  argsOf,
  copiesFromContext,
  runtimeStageOf,
  stagesOf,
  type BuildArgs,
} from './support/dockerfile';
import { parseConfig } from '@cppcc/contract';
import type { z } from 'zod';
import { tracingWanted } from '@cppcc/toolkit/tracing';
import { readSupergraphConfig } from '@cppcc/scripts';
import * as gatewayConfig from '../../gateway/src/config';

interface ConfigModule {
  DEFAULT_PORT: number;
  configShape: z.ZodRawShape;
}

interface Process {
  /** The compose service, also the name of the subgraph in the supergraph. */
  name: string;
  /** The workspace folder, relative to the repository root. */
  folder: string;
  config: ConfigModule;
}

/** The subgraphs of schema/supergraph.yaml, each with its own configuration module. */
const SUBGRAPHS: Process[] = readSupergraphConfig().map(({ name, folder }) => ({
  name,
  folder,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  config: require(join(ROOT, folder, 'src/config')) as ConfigModule,
}));
/** The gateway's variables that say where each subgraph answers (gateway/src/config.ts). */
const SUBGRAPH_URL_VARIABLES = SUBGRAPHS.map(({ name }) => `${name.toUpperCase()}_URL`);
const GATEWAY: Process = { name: 'gateway', folder: 'gateway', config: gatewayConfig };
const PROCESSES = [...SUBGRAPHS, GATEWAY];

/**
 * Set by the deployment although no configuration reads them: switches of libraries and Node, and
 * OpenTelemetry's standard variables (packages/contract/src/tracing.ts reads them).
 */
const ALLOWED_OUTSIDE_CONFIG = [
  'APOLLO_TELEMETRY_DISABLED',
  'NODE_ENV',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_SERVICE_NAME',
];

/** The optional services of the `observability` profile. */
const OBSERVABILITY = ['jaeger', 'otel-collector', 'prometheus'];

interface ComposeService {
  image?: string;
  profiles?: string[];
  command?: string | string[];
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> } | string;
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: Array<string | number | { target?: number; published?: string | number }>;
  expose?: Array<string | number>;
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string | string[]; disable?: boolean };
  volumes?: Array<string | { type?: string; source?: string; target?: string }>;
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
};

function service(name: string): ComposeService {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

/** Secrets the operator provides when starting the stack; the file only names them. */
const OPERATOR_SECRETS: Record<string, string> = {
  INTERNAL_AUTH_SECRET: 'operator-provided-internal-secret-0123456789',
  AUTH_JWT_SECRET: 'operator-provided-auth-jwt-secret-0123456789',
};

/** Compose's `${NAME:?message}`: a value the operator must provide, or the stack does not start. */
const REQUIRED_INTERPOLATION = /^\$\{([A-Z_]+):\?[^}]*\}$/;
/** Compose's `${NAME:-default}`: the operator's value, or the default (empty when none). */
const OPTIONAL_INTERPOLATION = /^\$\{([A-Z_]+):-([^}]*)\}$/;

/**
 * A service's environment as the process sees it with the operator's variables `operator`: every
 * value a string, as Compose passes it.
 */
function environmentOf(
  name: string,
  operator: Record<string, string> = OPERATOR_SECRETS,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(rawEnvironmentOf(name)).map(([key, value]) => {
      const required = REQUIRED_INTERPOLATION.exec(value);
      if (required) return [key, operator[required[1]] ?? ''];
      const optional = OPTIONAL_INTERPOLATION.exec(value);
      if (optional) return [key, operator[optional[1]] ?? optional[2]];
      return [key, value];
    }),
  );
}

/** A service's environment as written in docker-compose.yml. */
function rawEnvironmentOf(name: string): Record<string, string> {
  const environment = service(name).environment ?? {};
  const entries = Array.isArray(environment)
    ? environment.map((line) => {
        const at = line.indexOf('=');
        return at < 0 ? [line, null] : [line.slice(0, at), line.slice(at + 1)];
      })
    : Object.entries(environment);
  return Object.fromEntries(
    entries.map(([key, value]) => {
      // A bare name takes its value from the host's shell: the stack would not be self-contained.
      if (value == null) throw new Error(`${name}: ${key} has no value in docker-compose.yml`);
      return [key, String(value)];
    }),
  );
}

/** The Dockerfile a process's image is built from, and its build arguments. */
function dockerfileOf(name: string): { file: string; args: BuildArgs } {
  const build = service(name).build;
  if (typeof build !== 'object' || !build.dockerfile) {
    throw new Error(`${name} is not built from a named Dockerfile`);
  }
  return { file: build.dockerfile, args: build.args ?? {} };
}

function stagesFor(name: string) {
  const { file, args } = dockerfileOf(name);
  return stagesOf(file, args);
}

function runtimeStageFor(name: string) {
  const { file, args } = dockerfileOf(name);
  return runtimeStageOf(file, args);
}

/** The shared packages `packages` need, themselves included: their dependencies, transitively. */
function sharedClosure(packages: string[]): string[] {
  const found = new Set<string>();
  const visit = (pkg: string) => {
    if (found.has(pkg) || !SHARED_FOLDERS[pkg]) return;
    found.add(pkg);
    const { dependencies = {} } = JSON.parse(
      readFileSync(join(ROOT, SHARED_FOLDERS[pkg], 'package.json'), 'utf8'),
    ) as { dependencies?: Record<string, string> };
    Object.keys(dependencies).forEach(visit);
  };
  packages.forEach(visit);
  return [...found];
}

/** The shared packages (packages/*, services/toolkit), by package name. */
const SHARED_FOLDERS: Record<string, string> = {
  '@cppcc/contract': 'packages/contract',
  '@cppcc/toolkit': 'services/toolkit',
  '@cppcc/organization-feed': 'packages/organization-feed',
  '@cppcc/reporting': 'packages/reporting',
  '@cppcc/devkit': 'packages/devkit',
};

/** The command of a healthcheck as one string, whichever form Compose was given. */
function healthcheckCommand(name: string): string {
  const healthcheck = service(name).healthcheck;
  if (!healthcheck?.test || healthcheck.disable) throw new Error(`${name} has no healthcheck`);
  return Array.isArray(healthcheck.test) ? healthcheck.test.join(' ') : healthcheck.test;
}

function dependenciesOf(name: string): Record<string, { condition?: string }> {
  const dependsOn = service(name).depends_on ?? {};
  // The short form (a list of names) waits only for the container to start, not to be healthy.
  return Array.isArray(dependsOn)
    ? Object.fromEntries(dependsOn.map((dependency) => [dependency, {}]))
    : dependsOn;
}

function packageNameOf(folder: string): string {
  return (JSON.parse(readFileSync(join(ROOT, folder, 'package.json'), 'utf8')) as { name: string })
    .name;
}

describe('the deployment (docker-compose.yml and the Dockerfiles)', () => {
  it('runs exactly the gateway, the subgraphs of schema/supergraph.yaml and their PostgreSQL, and more only by profile', () => {
    // The organization serves the change feeds the others follow.
    expect(SUBGRAPHS.map(({ name }) => name)).toContain('organization');
    const always = Object.keys(compose.services).filter((name) => !service(name).profiles);
    expect(always.sort()).toEqual([...PROCESSES.map(({ name }) => name), 'postgres'].sort());
    const optional = Object.keys(compose.services).filter((name) => service(name).profiles);
    expect(optional.sort()).toEqual(OBSERVABILITY);
  });

  describe.each(PROCESSES.map((entry) => [entry.name, entry] as const))(
    'the %s process',
    (name, { folder, config }) => {
      it('is built from its Dockerfile (the subgraphs share one, given SERVICE and PORT), with the repository root as build context', () => {
        const build = service(name).build;
        if (folder.startsWith('services/')) {
          expect(build).toEqual({
            context: '.',
            dockerfile: 'services/Dockerfile',
            args: { SERVICE: name, PORT: String(config.DEFAULT_PORT) },
          });
        } else {
          expect(build).toEqual({ context: '.', dockerfile: `${folder}/Dockerfile` });
        }
        expect(existsSync(join(ROOT, dockerfileOf(name).file))).toBe(true);
      });

      it('builds its workspace and the workspaces it depends on, with turbo', () => {
        const [build] = stagesFor(name);
        const pkg = packageNameOf(folder);
        expect(argsOf(build, 'RUN').join('\n')).toContain(`turbo run build --filter=${pkg}...`);
      });

      it(`starts ${folder}/dist/main.js on Node 20, as the non-root node user`, () => {
        for (const stage of stagesFor(name)) {
          expect(argsOf(stage, 'FROM')[0]).toMatch(/^node:24-bookworm-slim(\s|$)/);
        }
        const runtime = runtimeStageFor(name);
        const [command, entry] = JSON.parse(argsOf(runtime, 'CMD').at(-1) ?? '[]') as string[];
        // The entry as the container resolves it: relative to the last WORKDIR.
        const workdir = argsOf(runtime, 'WORKDIR').reduce((at, dir) => posix.resolve(at, dir), '/');
        expect([command, posix.resolve(workdir, entry ?? '')]).toEqual([
          'node',
          `/app/${folder}/dist/main.js`,
        ]);
        expect(argsOf(runtime, 'USER').at(-1)).toBe('node');
      });

      it('sets only variables that its configuration reads', () => {
        const known = [
          ...Object.keys(config.configShape),
          ...ALLOWED_OUTSIDE_CONFIG,
          ...(name === 'gateway' ? SUBGRAPH_URL_VARIABLES : []),
        ];
        const set = Object.keys(environmentOf(name));
        expect(set.length).toBeGreaterThan(0);
        expect(set.filter((key) => !known.includes(key))).toEqual([]);
      });

      it('is given values its configuration accepts', () => {
        // As the process reads it: an empty value (an operator's unset `${NAME:-}`) is unset.
        expect(() => parseConfig(config.configShape, environmentOf(name))).not.toThrow();
      });

      it('listens on the port its configuration defaults to, and its image exposes it', () => {
        const environment = environmentOf(name);
        expect(environment.PORT).toBe(String(config.DEFAULT_PORT));
        const parsed = parseConfig(config.configShape, environment) as { PORT: number };
        expect(parsed.PORT).toBe(config.DEFAULT_PORT);
        const exposed = argsOf(runtimeStageFor(name), 'EXPOSE').flatMap((args) =>
          args.split(/\s+/),
        );
        expect(exposed).toContain(String(config.DEFAULT_PORT));
      });

      it('counts as healthy only when GET /readyz on its own port answers', () => {
        const command = healthcheckCommand(name);
        const urls = command.match(/https?:\/\/[^'"`\s)]+/g) ?? [];
        expect(urls).toHaveLength(1);
        const url = new URL(urls[0] ?? 'about:blank');
        expect(['127.0.0.1', 'localhost']).toContain(url.hostname);
        expect(url.port).toBe(String(config.DEFAULT_PORT));
        expect(url.pathname).toBe('/readyz');
        // A 503 (not ready) must fail the check as much as a refused connection does.
        expect(command).toMatch(/\.ok\b/);
      });

      it('starts only once everything it depends on is healthy', () => {
        const dependencies = dependenciesOf(name);
        expect(Object.keys(dependencies).length).toBeGreaterThan(0);
        for (const [dependency, { condition }] of Object.entries(dependencies)) {
          expect({ dependency, condition }).toEqual({ dependency, condition: 'service_healthy' });
        }
      });
    },
  );

  it('carries each workspace data folder into the image that reads it', () => {
    // The organization's reference-data migration reads the divisions from its data folder.
    const withData = PROCESSES.filter(({ folder }) => existsSync(join(ROOT, folder, 'data')));
    expect(withData.map(({ name }) => name)).toContain('organization');
    for (const { name, folder } of withData) {
      // Into the build stage from the context, and from there into the runtime stage.
      const [build, runtime] = [stagesFor(name)[0], runtimeStageFor(name)];
      const copied =
        copiesFromContext(build, `${folder}/data`) &&
        argsOf(runtime, 'COPY').some((args) => args.includes(`/app/${folder}/data `));
      expect({ name, copied }).toEqual({ name, copied: true });
    }
  });

  describe.each(SUBGRAPHS.map((subgraph) => [subgraph.name] as const))(
    'the %s subgraph',
    (name) => {
      it('is not published to the host: only the gateway calls it', () => {
        expect(service(name).ports ?? []).toEqual([]);
      });

      it('depends on no workspace but the shared packages, whose package.json its stages copy', () => {
        // `npm ci --workspace=…` needs the package.json of every workspace the service depends on:
        // the build stage installs its dependencies and dev dependencies, the runtime stage its
        // dependencies only.
        const folder = SUBGRAPHS.find((subgraph) => subgraph.name === name)!.folder;
        const { dependencies = {}, devDependencies = {} } = JSON.parse(
          readFileSync(join(ROOT, folder, 'package.json'), 'utf8'),
        ) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
        const workspaces = (deps: Record<string, string>) =>
          Object.keys(deps).filter((pkg) => pkg.startsWith('@cppcc/'));
        const all = workspaces({ ...dependencies, ...devDependencies });
        expect(all).toContain('@cppcc/toolkit');
        expect(all.filter((pkg) => !SHARED_FOLDERS[pkg])).toEqual([]);
        const [build, runtime] = [stagesFor(name)[0], runtimeStageFor(name)];
        for (const [stage, needed] of [
          [build, sharedClosure(all)],
          [runtime, sharedClosure(workspaces(dependencies))],
        ] as const) {
          const missing = needed.filter(
            (pkg) => !copiesFromContext(stage, `${SHARED_FOLDERS[pkg]}/package.json`),
          );
          expect(missing).toEqual([]);
        }
      });

      it('waits for PostgreSQL and reaches it by its compose service name', () => {
        expect(dependenciesOf(name)).toEqual({ postgres: { condition: 'service_healthy' } });
        const url = new URL(environmentOf(name).DATABASE_URL);
        const postgres = environmentOf('postgres');
        expect({
          host: url.hostname,
          port: url.port,
          database: url.pathname.slice(1),
          user: url.username,
          password: url.password,
        }).toEqual({
          host: 'postgres',
          port: '5432',
          database: postgres.POSTGRES_DB,
          user: postgres.POSTGRES_USER ?? 'postgres',
          password: postgres.POSTGRES_PASSWORD,
        });
      });
    },
  );

  it('shares one database among the subgraphs, each in its own PostgreSQL schema', () => {
    const urls = new Set(SUBGRAPHS.map(({ name }) => environmentOf(name).DATABASE_URL));
    expect(urls.size).toBe(1);
  });

  it('publishes the gateway on port 4000 and nothing else of the stack', () => {
    expect(service('gateway').ports).toEqual(['4000:4000']);
    expect(service('postgres').ports ?? []).toEqual([]);
  });

  it('starts the gateway only once every subgraph is healthy', () => {
    expect(dependenciesOf('gateway')).toEqual(
      Object.fromEntries(
        SUBGRAPHS.map(({ name }) => [name, { condition: 'service_healthy' }] as const),
      ),
    );
  });

  it('the gateway reaches every subgraph by its compose service name and port', () => {
    const supergraph = readFileSync(join(ROOT, 'schema/supergraph.graphql'), 'utf8');
    const named = [...supergraph.matchAll(/@join__graph\(name: "([^"]+)"/g)].map(([, n]) => n);
    expect(named.sort()).toEqual(SUBGRAPHS.map(({ name }) => name).sort());

    const environment = environmentOf('gateway');
    const parsed = gatewayConfig.loadConfig({ ...environment, ...OPERATOR_SECRETS });
    for (const { name, config } of SUBGRAPHS) {
      const variable = `${name.toUpperCase()}_URL`;
      expect(parsed.SUBGRAPH_URLS[name]).toBe(environment[variable]);
      const url = new URL(environment[variable]);
      expect({ variable, host: url.hostname, port: url.port, path: url.pathname }).toEqual({
        variable,
        host: name,
        port: String(config.DEFAULT_PORT),
        path: '/graphql',
      });
    }
  });

  it('the gateway image carries the contracts of the surfaces its configuration reads', () => {
    const parsed = parseConfig(gatewayConfig.configShape, environmentOf('gateway'));
    const contracts = relative(ROOT, parsed.CONTRACTS_DIR);
    expect(contracts).toBe('schema/contracts');
    expect(copiesFromContext(runtimeStageFor('gateway'), contracts)).toBe(true);
  });

  it('takes its secrets from the operator, never from the file', () => {
    const secrets = ['gateway', ...SUBGRAPHS.map(({ name }) => name)].flatMap((name) =>
      Object.entries(rawEnvironmentOf(name)).filter(([key]) => /SECRET/.test(key)),
    );
    expect(secrets.map(([key]) => key)).toEqual(
      expect.arrayContaining(['AUTH_JWT_SECRET', 'INTERNAL_AUTH_SECRET']),
    );
    // The internal secret is required; the token secret is one of the ways to verify tokens.
    for (const [key, value] of secrets)
      expect({ key, value }).toEqual({
        key,
        value: expect.stringMatching(
          key === 'AUTH_JWT_SECRET' ? /^\$\{AUTH_JWT_SECRET:-\}$/ : REQUIRED_INTERPOLATION,
        ),
      });
  });

  it('the gateway verifies tokens the way the operator says: an identity provider, a public key or a secret', () => {
    const base = { INTERNAL_AUTH_SECRET: OPERATOR_SECRETS.INTERNAL_AUTH_SECRET };
    const provider = gatewayConfig.loadConfig(
      environmentOf('gateway', {
        ...base,
        AUTH_JWKS_URL: 'https://id.lyg.gov.cn/realms/cppcc/protocol/openid-connect/certs',
        AUTH_JWT_ISSUER: 'https://id.lyg.gov.cn/realms/cppcc',
        AUTH_JWT_AUDIENCE: 'cppcc-graph',
      }),
    );
    expect(provider).toMatchObject({
      AUTH_JWKS_URL: 'https://id.lyg.gov.cn/realms/cppcc/protocol/openid-connect/certs',
      AUTH_JWT_ISSUER: 'https://id.lyg.gov.cn/realms/cppcc',
      AUTH_JWT_AUDIENCE: 'cppcc-graph',
      AUTH_JWT_ALGORITHM: 'RS256',
    });
    expect(provider.AUTH_JWT_SECRET).toBeUndefined();
    const secret = gatewayConfig.loadConfig(environmentOf('gateway', OPERATOR_SECRETS));
    expect(secret.AUTH_JWT_SECRET).toBe(OPERATOR_SECRETS.AUTH_JWT_SECRET);
    // Neither: the gateway refuses to start and says which variables to set.
    expect(() => gatewayConfig.loadConfig(environmentOf('gateway', base))).toThrow(
      /AUTH_JWT_SECRET, AUTH_PUBLIC_KEY or AUTH_JWKS_URL/,
    );
  });

  it('the gateway turns off Apollo telemetry', () => {
    expect(environmentOf('gateway').APOLLO_TELEMETRY_DISABLED).toBe('1');
  });

  it('PostgreSQL is checked with pg_isready and keeps its data in a named volume', () => {
    const postgres = service('postgres');
    expect(postgres.image).toBe('postgres:15');
    expect(healthcheckCommand('postgres')).toMatch(/\bpg_isready\b/);
    const mounts = (postgres.volumes ?? []).map((volume) =>
      typeof volume === 'string' ? volume.split(':') : [volume.source, volume.target],
    );
    expect(mounts).toContainEqual([expect.any(String), '/var/lib/postgresql/data']);
    const [source] = mounts.find(([, target]) => target === '/var/lib/postgresql/data')!;
    expect(Object.keys(compose.volumes ?? {})).toContain(source);
  });

  it('leaves installed and built files out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split(/\r?\n/)
      .map((line) => line.trim());
    for (const folder of ['node_modules', 'dist', '.data', '.turbo']) {
      // Docker matches .dockerignore patterns from the root: a bare name misses nested folders.
      expect(ignored).toContain(`**/${folder}`);
    }
    expect(ignored).toContain('.git');
  });

  describe('the observability profile', () => {
    /** A file of the repository that a service mounts at `target`, read-only. */
    const mountedFile = (name: string, target: string): string => {
      const mount = (service(name).volumes ?? [])
        .map((volume) => (typeof volume === 'string' ? volume.split(':') : []))
        .find(([, to]) => to === target);
      expect(mount).toBeDefined();
      const [source, , mode] = mount!;
      expect(mode).toBe('ro');
      expect(existsSync(join(ROOT, source))).toBe(true);
      return readFileSync(join(ROOT, source), 'utf8');
    };
    const commandOf = (name: string) => {
      const command = service(name).command ?? [];
      return Array.isArray(command) ? command : command.split(/\s+/);
    };

    it.each(OBSERVABILITY)('runs %s only when asked for (profile observability)', (name) => {
      expect(service(name).profiles).toEqual(['observability']);
      expect(service(name).image).toMatch(/:[\w.-]*\d[\w.-]*$/);
    });

    it('has Prometheus scrape GET /metrics of every process on its own port', () => {
      const flag = commandOf('prometheus').find((arg) => arg.startsWith('--config.file='));
      const config = parse(mountedFile('prometheus', flag!.split('=')[1])) as {
        scrape_configs: Array<{
          job_name: string;
          metrics_path?: string;
          static_configs: Array<{ targets: string[] }>;
        }>;
      };
      const scraped = config.scrape_configs.map((job) => ({
        job: job.job_name,
        path: job.metrics_path ?? '/metrics',
        targets: job.static_configs.flatMap((static_) => static_.targets),
      }));
      expect(scraped.sort((a, b) => a.job.localeCompare(b.job))).toEqual(
        PROCESSES.map(({ name, config: processConfig }) => ({
          job: name,
          path: '/metrics',
          targets: [`${name}:${processConfig.DEFAULT_PORT}`],
        })).sort((a, b) => a.job.localeCompare(b.job)),
      );
    });

    it('has the collector take OTLP/HTTP on 4318 and pass traces to an exporter it defines', () => {
      const flag = commandOf('otel-collector').find((arg) => arg.startsWith('--config='));
      const config = parse(mountedFile('otel-collector', flag!.split('=')[1])) as {
        receivers: { otlp: { protocols: { http: { endpoint: string } } } };
        exporters: Record<string, { endpoint?: string }>;
        service: { pipelines: { traces: { receivers: string[]; exporters: string[] } } };
      };
      expect(config.receivers.otlp.protocols.http.endpoint).toBe('0.0.0.0:4318');
      const traces = config.service.pipelines.traces;
      expect(traces.receivers).toContain('otlp');
      expect(traces.exporters.length).toBeGreaterThan(0);
      for (const exporter of traces.exporters)
        expect(Object.keys(config.exporters)).toContain(exporter);
      // The exporter to Jaeger reaches it by its compose service name.
      const jaeger = config.exporters['otlp/jaeger'];
      expect(new URL(`http://${jaeger.endpoint}`).hostname).toBe('jaeger');
    });

    it('has every process name itself and send traces only when the operator names a collector', () => {
      const header = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
      const documented =
        /OTEL_EXPORTER_OTLP_ENDPOINT=(\S+) docker compose --profile observability/.exec(
          header,
        )?.[1];
      expect(documented).toBe('http://otel-collector:4318');
      for (const { name } of PROCESSES) {
        const environment = rawEnvironmentOf(name);
        expect(environment.OTEL_SERVICE_NAME).toBe(name);
        expect(environment.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('${OTEL_EXPORTER_OTLP_ENDPOINT:-}');
        // Compose gives an empty value when the operator does not set it: tracing stays off.
        expect(tracingWanted({ ...environment, OTEL_EXPORTER_OTLP_ENDPOINT: '' })).toBe(false);
        expect(tracingWanted({ ...environment, OTEL_EXPORTER_OTLP_ENDPOINT: documented })).toBe(
          true,
        );
      }
    });
  });
});
