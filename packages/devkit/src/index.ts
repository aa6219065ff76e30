// Development tools, a dev dependency of the services: the scripts start the embedded PostgreSQL
// for `npm start` on a machine without one, the demo loads its data with COPY, and jest's global
// setup (./testing/global-setup) starts a database for a test run when DATABASE_URL is unset.
export {
  bulkLoad,
  copyTables,
  hasRows,
  withBulkLoad,
  type BulkGuard,
  type BulkLoadSession,
  type BulkProgress,
  type BulkTable,
} from './bulk-load';
export { freePort, startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
