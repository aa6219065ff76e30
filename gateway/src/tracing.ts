// The first import of main.ts: the instrumentations must be in place before express, graphql
// and the HTTP clients are first required (packages/contract/src/tracing.ts).
import { startTracing } from '@cppcc/contract/tracing';

startTracing('gateway');
