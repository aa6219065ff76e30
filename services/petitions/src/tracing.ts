// The first import of main.ts: the instrumentations must be in place before express, graphql
// and pg are first required (packages/contract/src/tracing.ts).
import { startTracing } from '@cppcc/toolkit/tracing';

startTracing('petitions');
