// Kept as the toolkit's `./tracing` entry for the subgraphs' `main.ts`, which load it first; the
// tracing itself is the contract's, as the gateway starts it the same way.
export { startTracing, stopTracing, tracingWanted } from '@cppcc/contract/tracing';
