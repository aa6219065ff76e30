import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startStack, tokenFor, type Stack } from './support/stack';

// The offline explorer in a real browser (a system Chromium when there is one, otherwise the one
// the `@sparticuz/chromium` package ships): the page and every file it loads come from the
// gateway, and a query runs from it.

/** What the scripts run inside the page may use (this package is not compiled for the DOM). */
type BrowserGlobals = { localStorage: { setItem(key: string, value: string): void } };

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  stack = await startStack('explorer');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the explorer', () => {
  it('runs a query on the public surface, loading nothing from outside the gateway', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const query = '{ division(code: "320771") { name children { totalCount } } }';
    // What a user would type into the editor, set before the page's scripts run.
    await page.addInitScript(
      (text) =>
        (globalThis as unknown as BrowserGlobals).localStorage.setItem('graphiql:query', text),
      query,
    );
    await page.goto(`${stack.gateway.origin}/graphql/public`, { waitUntil: 'load' });
    await page.locator('.graphiql-execute-button').click();
    await page
      .locator('.result-window')
      .getByText('连云港经济技术开发区')
      .waitFor({ timeout: 15_000 });
    expect(await page.locator('.result-window').innerText()).toMatch(/"totalCount": \d+/);
    expect(errors).toEqual([]);
    expect(
      requested.filter((url) => !url.startsWith(stack.gateway.origin) && !url.startsWith('data:')),
    ).toEqual([]);
    await page.close();
  });

  it('sends the token a county clerk pastes into the headers', async () => {
    const token = await tokenFor({ level: 'COUNTY', division: '320706', roles: ['STAFF'] });
    const page = await browser.newPage();
    await page.addInitScript(
      ([headers, text]) => {
        (globalThis as unknown as BrowserGlobals).localStorage.setItem('graphiql:headers', headers);
        (globalThis as unknown as BrowserGlobals).localStorage.setItem('graphiql:query', text);
      },
      [
        JSON.stringify({ Authorization: `Bearer ${token}` }),
        '{ viewer { level division { name } } }',
      ],
    );
    await page.goto(`${stack.gateway.origin}/graphql/county`, { waitUntil: 'load' });
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('海州区').waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('is served only to a browser: a GraphQL client still gets GraphQL', async () => {
    const response = await fetch(
      `${stack.gateway.origin}/graphql/public?query=${encodeURIComponent('{ viewer { level } }')}`,
      {
        headers: { accept: 'application/json' },
      },
    );
    expect(await response.json()).toEqual({ data: { viewer: { level: 'PUBLIC' } } });
    const html = await fetch(`${stack.gateway.origin}/graphql/public`, {
      headers: { accept: 'text/html' },
    });
    expect(html.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  });
});
