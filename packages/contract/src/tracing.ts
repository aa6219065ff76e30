/**
 * OpenTelemetry traces for a process, when the standard `OTEL_*` variables ask for them.
 *
 * Load this module, and call `startTracing`, before anything else: the instrumentations patch
 * `http`, `undici` (Node's `fetch`), `express`, `graphql` and `pg` as they are first required, so
 * a module required earlier is never traced. Each process's `main.ts` imports its `tracing.ts`
 * first for that reason. It imports nothing of the toolkit's index for the same reason.
 *
 * Off unless asked: with none of the variables below set, nothing of OpenTelemetry is even loaded
 * (the API then hands out no-op tracers), so it costs nothing.
 */
import type { NodeSDK, NodeSDKConfiguration } from '@opentelemetry/sdk-node';

type SpanProcessors = NodeSDKConfiguration['spanProcessors'];

/**
 * Whether the environment asks for traces: `OTEL_TRACES_EXPORTER` names an exporter (`otlp`,
 * `console`, `zipkin`; not `none`), or an OTLP endpoint is given (`OTEL_EXPORTER_OTLP_ENDPOINT`
 * or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, exported with `otlp`); and `OTEL_SDK_DISABLED` is not
 * `true`.
 */
export function tracingWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (exporters.includes('none')) return false;
  return (
    exporters.length > 0 ||
    Boolean(
      env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim(),
    )
  );
}

/** Paths whose requests are not traced: probes and scrapes, every few seconds, say nothing. */
const UNTRACED = /^\/(healthz|readyz|metrics)(\?|$)/;

let running: NodeSDK | undefined;

/**
 * Starts tracing for the process named `service` (`OTEL_SERVICE_NAME` overrides it) when the
 * environment asks for it (`tracingWanted`), or with the given span processors (tests). Spans
 * go to the exporters `OTEL_TRACES_EXPORTER` names (OTLP by default, its endpoint and protocol
 * from `OTEL_EXPORTER_OTLP_*`), batched as `OTEL_BSP_*` says. W3C `traceparent` is read from
 * incoming requests and sent with outgoing ones (`OTEL_PROPAGATORS` may change that). Only
 * traces: the OpenTelemetry SDK's metrics and logs stay off (metrics are Prometheus', logs pino's).
 * SQL spans carry the statement with its placeholders, never the values; GraphQL spans never
 * carry argument values. Returns whether tracing runs.
 */
export function startTracing(
  service: string,
  options: { spanProcessors?: SpanProcessors; env?: NodeJS.ProcessEnv } = {},
): boolean {
  if (running) return true;
  if (!options.spanProcessors && !tracingWanted(options.env)) return false;
  // Required here, not imported above: a process without tracing never loads OpenTelemetry.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeSDK } =
    require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { UndiciInstrumentation } =
    require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
  const { ExpressInstrumentation } =
    require('@opentelemetry/instrumentation-express') as typeof import('@opentelemetry/instrumentation-express');
  const { GraphQLInstrumentation } =
    require('@opentelemetry/instrumentation-graphql') as typeof import('@opentelemetry/instrumentation-graphql');
  const { PgInstrumentation } =
    require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const sdk = new NodeSDK({
    serviceName: (options.env ?? process.env).OTEL_SERVICE_NAME || service,
    spanProcessors: options.spanProcessors,
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED.test(request.url ?? ''),
      }),
      // Node's fetch: the gateway's subgraph fetches and the change feeds' polls.
      new UndiciInstrumentation(),
      new ExpressInstrumentation(),
      // One span per field path rather than per list item, and none for plain property reads.
      new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true }),
      // Only inside a request or a feed poll: not the pool's own housekeeping.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  running = sdk;
  return true;
}

/** Sends the spans not yet exported and stops tracing; nothing when tracing is off. */
export async function stopTracing(): Promise<void> {
  const sdk = running;
  running = undefined;
  await sdk?.shutdown();
}
