/**
 * npm run demo -- [--preset small|city|province] [--seed N] [--database-url URL] [--today DATE]
 *
 * Loads a demo preset into an empty database (migrating it first; the database of DATABASE_URL,
 * created when missing, or the embedded server's), with a progress bar on a terminal, then prints
 * the rows per table, the time of each step and the peak memory of the process.
 */
import { ConfigError, createLogger } from '@cppcc/toolkit';
import { parseArgs } from 'node:util';
import { DEMO_PRESET_NAMES, type DemoPresetName } from './demo-presets';
import { createProgress } from './progress';
import { loadDemoIfEmpty, loadStackConfig, migrateAll, openStackDatabase } from './stack';

const USAGE =
  'npm run demo -- [--preset small|city|province] [--seed N] [--database-url URL] [--today YYYY-MM-DD]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string' },
      seed: { type: 'string' },
      'database-url': { type: 'string' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  // Flags win over the environment; the stack's config checks them all the same way.
  if (values['database-url']) process.env.DATABASE_URL = values['database-url'];
  if (values.seed) process.env.DEMO_SEED = values.seed;
  const preset = (values.preset ?? process.env.DEMO_PRESET ?? 'small') as DemoPresetName;
  if (!DEMO_PRESET_NAMES.includes(preset)) {
    console.error(`--preset must be one of ${DEMO_PRESET_NAMES.join(', ')}, not "${preset}"`);
    process.exit(2);
  }
  if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
    console.error(`--today must be a YYYY-MM-DD date, not "${values.today}"`);
    process.exit(2);
  }
  const config = loadStackConfig();
  const logger = createLogger('demo', config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const database = await openStackDatabase(config, logger);
  try {
    const started = Date.now();
    await migrateAll(database.url, logger);
    const migrated = Date.now() - started;
    const report = await loadDemoIfEmpty(
      database.url,
      { seed: config.DEMO_SEED, preset, scale: config.DEMO_SCALE, today: values.today },
      logger,
      createProgress(),
    );
    if (!report) {
      console.error('The database already holds data: the demo loads into an empty database only.');
      process.exitCode = 1;
      return;
    }
    const total = Date.now() - started;
    console.log(`\nDemo preset "${preset}", seed ${config.DEMO_SEED}:`);
    for (const [service, counts] of Object.entries(report.counts)) {
      console.log(`  ${service}`);
      for (const [table, n] of Object.entries(counts)) {
        if (n > 0) console.log(`    ${table.padEnd(22)} ${n.toLocaleString('en').padStart(11)}`);
      }
    }
    console.log('  time');
    const steps = { migrate: migrated, ...report.ms, total };
    for (const [step, ms] of Object.entries(steps)) {
      console.log(`    ${step.padEnd(22)} ${(ms / 1000).toFixed(1).padStart(9)} s`);
    }
    // ru_maxrss is in kilobytes on Linux.
    const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(`  peak memory (RSS)        ${String(peakMb).padStart(9)} MB`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
