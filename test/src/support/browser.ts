import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * A headless Chromium for the browser tests. `CHROMIUM_PATH` or a system Chromium
 * (`/usr/bin/chromium`) when present; otherwise the Chromium build shipped inside the
 * `@sparticuz/chromium` npm package, unpacked on first use, so `npm test` needs no system browser.
 */
export async function launchChromium(): Promise<Browser> {
  const system = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(system)) {
    return chromium.launch({
      executablePath: system,
      // Without the background-networking flags Chromium keeps dialling out on a closed network.
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  // Its arguments are tuned for serverless functions: `--single-process` ends the whole browser
  // when its first page closes, so a test with several pages drops it.
  const args = packaged.args.filter((arg) => arg !== '--single-process');
  return chromium.launch({
    executablePath: await packaged.executablePath(),
    args: [...args, '--disable-background-networking', '--disable-component-update'],
    headless: true,
  });
}
