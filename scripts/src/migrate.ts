/** npm run db:migrate: applies every service's pending migrations (to DATABASE_URL or the embedded server). */
import { ConfigError, createLogger } from '@cppcc/toolkit';
import { loadStackConfig, migrateAll, openStackDatabase } from './stack';

async function main(): Promise<void> {
  const config = loadStackConfig();
  const logger = createLogger('migrate', config.LOG_LEVEL);
  const database = await openStackDatabase(config, logger);
  try {
    await migrateAll(database.url, logger);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
