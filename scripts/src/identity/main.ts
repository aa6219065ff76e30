/**
 * The development identity provider as a process (`npm start` runs it; the tests fork it):
 * IDENTITY_PROVIDER_CONFIG names a JSON file of its options (provider.ts). It prints one line when
 * it listens; forked, it also tells its parent (`{ ready, issuer, jwksUrl, tokenUrl }`) and
 * rotates its signing key when told `{ rotate: true }` (answering `{ rotated: kid }`).
 */
import { readFileSync } from 'node:fs';
import { startIdentityProvider } from './provider';

async function main(): Promise<void> {
  const file = process.env.IDENTITY_PROVIDER_CONFIG;
  if (!file) throw new Error('IDENTITY_PROVIDER_CONFIG must name the options file');
  const provider = await startIdentityProvider(JSON.parse(readFileSync(file, 'utf8')));
  const { issuer, jwksUrl, tokenUrl } = provider;
  console.log(`identity provider at ${issuer} (token ${tokenUrl}, keys ${jwksUrl})`);
  process.send?.({ ready: true, issuer, jwksUrl, tokenUrl });
  process.on('message', (message: { rotate?: boolean }) => {
    if (!message?.rotate) return;
    void provider.rotateKey().then((kid) => {
      console.log(`signing key rotated: ${kid}`);
      process.send?.({ rotated: kid });
    });
  });
  const stop = () => void provider.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.once('disconnect', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
