import './tracing';
import { ConfigError, createLogger, stopOnSignals } from '@cppcc/contract';
import { loadConfig } from './config';
import { startGateway } from './gateway';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  const logger = createLogger('gateway', config.LOG_LEVEL);
  try {
    const gateway = await startGateway(config, logger);
    stopOnSignals(logger, gateway.stop);
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    process.exit(1);
  }
}

void main();
