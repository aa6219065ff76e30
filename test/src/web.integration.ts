import AxeBuilder from '@axe-core/playwright';
import { buildTrustedDocumentsManifest, TRUSTED_DOCUMENTS_MANIFEST } from '@cppcc/scripts';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { data, startStack, tokenFor, type Stack, type TokenClaims } from './support/stack';

// The reference front end (web/) in a real browser against the demo stack, the public surface
// running registered operations only as in production: for each page, the figures it shows equal
// the graph's answer to the same operation for the same identity, its charts drew, it sent one
// request to the graph, and axe finds no serious violation. The screenshots in docs/ come from here:
// `UPDATE_SCREENSHOTS=1` writes them there; otherwise into a temporary folder, so a test run
// leaves the checkout as it was.

const REPO = resolve(__dirname, '../..');
const OPERATIONS = join(REPO, 'web/src/operations');
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? join(REPO, 'docs/screenshots')
  : mkdtempSync(join(tmpdir(), 'cppcc-screenshots-'));
const operation = (path: string) => readFileSync(join(OPERATIONS, path), 'utf8');

/** What the scripts run inside the page may use (this package is not compiled for the DOM). */
type BrowserGlobals = {
  sessionStorage: { setItem(key: string, value: string): void };
  document: {
    fonts: { check(font: string, text: string): boolean };
    querySelectorAll(selector: string): ArrayLike<{
      width: number;
      height: number;
      getContext(kind: '2d'): {
        getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
      } | null;
    }>;
  };
};

// The page formats as zh-CN does (web/src/format.ts); Node's ICU formats the same way.
const number = (value: number | null | undefined) =>
  value == null ? '—' : new Intl.NumberFormat('zh-CN').format(value);
const percent = (value: number | null | undefined) =>
  value == null
    ? '—'
    : new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(value);

/** The last complete quarter in China Standard Time, and the days the page asks for with it. */
function lastQuarter() {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const index = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) - 1;
  const quarterOf = (i: number) => ({ year: Math.floor(i / 4), quarter: (i % 4) + 1 });
  const days = (i: number) => {
    const { year, quarter } = quarterOf(i);
    const last = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
    return { from: `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`, to: last };
  };
  const { year, quarter } = quarterOf(index);
  return {
    key: `${year}-Q${quarter}`,
    year,
    quarter,
    quarterFrom: days(index).from,
    quarterTo: days(index).to,
    trendFrom: days(index - 11).from,
    trendTo: days(index).to,
  };
}

let stack: Stack;
let browser: Browser;
let city: string;
beforeAll(async () => {
  stack = await startStack('web', {
    demo: true,
    trustedOnly: 'public',
    env: { DEV_SIGN_IN: 'true' },
  });
  browser = await launchChromium();
  city = await tokenFor({ level: 'CITY', division: '3207', roles: ['STAFF', 'ANALYST'] });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

interface Visit {
  page: Page;
  /** The surfaces of the GraphQL requests the page sent, in order. */
  graphql: string[];
  /** Requests to anywhere but the gateway. */
  foreign: string[];
  errors: string[];
}

/** Opens a page of the app signed in as `claims` (or no one), counting what it asks. */
/** How the page names each level's identity (the picker's labels). */
const LABELS: Record<TokenClaims['level'], string> = {
  CITY: '连云港市政协（市级工作人员）',
  COUNTY: '海州区政协',
  HOME: '协商民主之家（负责人）',
  DEPARTMENT: '承办单位',
};

async function visit(hash: string, claims?: TokenClaims): Promise<Visit> {
  // Its own context: axe opens pages in it, and the session lives in its storage.
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  const visit: Visit = { page, graphql: [], foreign: [], errors: [] };
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== stack.gateway.origin && url.protocol !== 'data:' && url.protocol !== 'blob:')
      visit.foreign.push(request.url());
    const surface = /^\/graphql\/(\w+)$/.exec(url.pathname)?.[1];
    if (surface) visit.graphql.push(surface);
  });
  page.on('pageerror', (error) => visit.errors.push(error.message));
  if (claims) {
    const token = await tokenFor(claims);
    const session = { token, label: LABELS[claims.level], ...claims };
    await page.addInitScript(
      (value) =>
        (globalThis as unknown as BrowserGlobals).sessionStorage.setItem('cppcc.session', value),
      JSON.stringify(session),
    );
  }
  await page.goto(`${stack.gateway.origin}/${hash}`, { waitUntil: 'load' });
  return visit;
}

/** Waits for the page's one request to be answered and drawn, then for the network to settle. */
async function settled(visit: Visit, selector: string): Promise<void> {
  await visit.page.locator(selector).first().waitFor({ timeout: 30_000 });
  await visit.page.waitForLoadState('networkidle');
}

/** Every chart drew: its canvas has pixels that are not blank. */
async function chartsDrew(page: Page, names: string[]): Promise<void> {
  for (const name of names)
    await page.locator(`[data-chart="${name}"][data-drawn="true"]`).waitFor({ timeout: 15_000 });
  // ECharts draws on the next animation frame after setOption.
  await page.waitForTimeout(300);
  const inked = await page.evaluate((charts) => {
    const { document } = globalThis as unknown as BrowserGlobals;
    return charts.map((name) => {
      const canvas = document.querySelectorAll(`[data-chart="${name}"] canvas`)[0];
      const pixels = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      let inked = 0;
      for (let i = 3; pixels && i < pixels.length; i += 4) if (pixels[i] > 0) inked++;
      return inked;
    });
  }, names);
  for (const [index, count] of inked.entries())
    expect({ chart: names[index], inked: count > 500 }).toEqual({
      chart: names[index],
      inked: true,
    });
}

/** axe finds nothing serious or critical. */
async function accessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      help: violation.help,
      nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    }));
  expect(serious).toEqual([]);
}

/** The page's first screen (what the docs show), into docs/screenshots/. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** The text of each cell of a table, by row key and field. */
async function tableCells(page: Page, table: string) {
  return page.evaluate((name) => {
    const { document } = globalThis as unknown as {
      document: {
        querySelectorAll(selector: string): ArrayLike<{
          getAttribute(name: string): string | null;
          querySelectorAll(selector: string): ArrayLike<{
            getAttribute(name: string): string | null;
            textContent: string | null;
          }>;
        }>;
      };
    };
    const rows: Record<string, Record<string, string>> = {};
    for (const row of Array.from(document.querySelectorAll(`[data-table="${name}"] tbody tr`))) {
      const cells: Record<string, string> = {};
      for (const cell of Array.from(row.querySelectorAll('td')))
        cells[cell.getAttribute('data-field')!] = (cell.textContent ?? '').trim();
      rows[row.getAttribute('data-row')!] = cells;
    }
    return rows;
  }, table);
}

describe('the web front end', () => {
  it('公开: published sessions and their consensus, without sign-in, by a registered operation, in the bundled font', async () => {
    const view = await visit('');
    await settled(view, '[data-total]');
    expect(view.graphql).toEqual(['public']);
    expect(view.foreign).toEqual([]);
    expect(view.errors).toEqual([]);
    // The same registered operation, asked the way the page does (by id).
    const manifest = JSON.parse(readFileSync(TRUSTED_DOCUMENTS_MANIFEST, 'utf8')) as {
      operations: Array<{ id: string; name: string }>;
    };
    const id = manifest.operations.find((entry) => entry.name === 'PublicActivity')!.id;
    const response = await fetch(`${stack.gateway.origin}/graphql/public`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ documentId: `sha256:${id}`, variables: { divisionCode: null } }),
    });
    const answer = ((await response.json()) as any).data;
    expect(answer.sessions.totalCount).toBeGreaterThan(0);
    expect(await view.page.locator('[data-total]').getAttribute('data-total')).toBe(
      String(answer.sessions.totalCount),
    );
    const shown = await view.page
      .locator('[data-session]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-session')));
    expect(shown.sort()).toEqual(answer.sessions.edges.map((edge: any) => edge.node.id).sort());
    const consensus = answer.sessions.edges.find((edge: any) => edge.node.minutes?.consensus.length)
      .node.minutes.consensus[0];
    await view.page.getByText(consensus).first().waitFor();
    // Chinese renders in the bundled font, not in whatever the machine has.
    expect(
      await view.page.evaluate(() =>
        (globalThis as unknown as BrowserGlobals).document.fonts.check(
          '16px "Noto Sans SC"',
          '协商民主之家',
        ),
      ),
    ).toBe(true);
    await accessible(view.page);
    await screenshot(view.page, 'public');
    await view.page.context().close();
  });

  it('serves the page with a strict Content-Security-Policy; the development sign-in refuses an identity that is not one', async () => {
    const response = await fetch(`${stack.gateway.origin}/`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(await response.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    // The GraphQL surfaces keep their paths.
    const json = await fetch(`${stack.gateway.origin}/`, {
      headers: { accept: 'application/json' },
    });
    expect(json.status).toBe(404);
    // With a bad identity, the development sign-in says why.
    const bad = await fetch(`${stack.gateway.origin}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ level: 'COUNTY', division: '3207' }),
    });
    expect(bad.status).toBe(400);
  });

  it('登录: the picker of development identities signs in as the city and lands on 全市概览', async () => {
    const view = await visit('#/sign-in');
    await view.page.locator('[data-identity="CITY"]').click();
    await settled(view, '[data-table="overview"] tbody tr');
    expect(await view.page.locator('[data-identity-label]').textContent()).toContain(
      '连云港市政协',
    );
    // The picker's choices (public) and the overview (city).
    expect(view.graphql).toEqual(['public', 'city']);
    await accessible(view.page);
    await view.page.context().close();
  });

  it('全市概览: each county’s figures as the graph gives them, three charts, one request', async () => {
    const q = lastQuarter();
    const view = await visit(`#/overview?q=${q.key}`, {
      level: 'CITY',
      division: '3207',
      roles: ['STAFF', 'ANALYST'],
    });
    await settled(view, '[data-table="overview"] tbody tr');
    expect(view.graphql).toEqual(['city']);
    expect(view.errors).toEqual([]);
    const { year, quarter, key: _key, ...days } = q;
    const answer = await data(stack, 'city', city, operation('office/Overview.graphql'), {
      code: '3207',
      year,
      quarter,
      ...days,
    });
    const counties = answer.division.children.edges.map((edge: any) => edge.node);
    expect(counties).toHaveLength(7);
    const cells = await tableCells(view.page, 'overview');
    for (const county of counties) {
      expect({ code: county.code, ...cells[county.code] }).toEqual({
        code: county.code,
        name: county.name,
        homes: number(county.homeStats.homes),
        pilotHomes: number(county.homeStats.pilotHomes),
        compliantHomes: number(county.homeStats.compliantHomes),
        homesRequired: number(county.sessionStats.homesRequired),
        homesCompliant: number(county.sessionStats.homesCompliant),
        complianceRate: percent(county.sessionStats.complianceRate),
        demandsReceived: number(county.channelStats.demandsReceived),
        openDemands: number(county.channelStats.openDemands),
        resolvedAtHome: number(county.channelStats.resolvedAtHome),
        escalated: number(county.channelStats.escalated),
        proposalsRegistered: number(county.channelStats.proposalsRegistered),
        proposalsReplied: number(county.channelStats.proposalsReplied),
        proposalsOverdue: number(county.channelStats.proposalsOverdue),
        satisfactionRate: percent(county.channelStats.satisfactionRate),
      });
    }
    expect(counties.some((county: any) => county.homeStats.homes > 0)).toBe(true);
    // Sorting by a column orders the rows by its figures.
    await view.page.locator('th', { hasText: '收到诉求' }).locator('button').click();
    await view.page.locator('th', { hasText: '收到诉求' }).locator('button').click();
    const order = await view.page
      .locator('[data-table="overview"] tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-row')));
    expect(order).toEqual(
      [...counties]
        .sort((a: any, b: any) => b.channelStats.demandsReceived - a.channelStats.demandsReceived)
        .map((county: any) => county.code),
    );
    await chartsDrew(view.page, ['cadence', 'channels', 'trend']);
    expect(view.graphql).toEqual(['city']);
    await accessible(view.page);
    await screenshot(view.page, 'overview');
    await view.page.context().close();
  });

  it('a county’s sign-in sees only its county, on its own surface', async () => {
    const q = lastQuarter();
    const view = await visit(`#/overview?q=${q.key}`, {
      level: 'COUNTY',
      division: '320706',
      roles: ['STAFF'],
    });
    await settled(view, '[data-table="overview"] tbody tr');
    expect(view.graphql).toEqual(['county']);
    const rows = Object.keys(await tableCells(view.page, 'overview'));
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((code) => code.startsWith('320706'))).toBe(true);
    await chartsDrew(view.page, ['cadence', 'channels', 'trend']);
    // Its 县区 page is its own county's, whatever the address asks for.
    const county = await visit(`#/county/320707?q=${q.key}`, {
      level: 'COUNTY',
      division: '320706',
      roles: ['STAFF'],
    });
    await settled(county, '[data-table="county-homes"] tbody tr');
    expect(county.graphql).toEqual(['county']);
    expect(await county.page.locator('h1').textContent()).toContain('海州区');
    const own = await data(
      stack,
      'county',
      await tokenFor({ level: 'COUNTY', division: '320706', roles: ['STAFF'] }),
      operation('office/County.graphql'),
      {
        code: '320706',
        cityCode: '3207',
        year: q.year,
        quarter: q.quarter,
        cohortYear: 2019,
        withCounties: false,
      },
    );
    const homes = await county.page
      .locator('[data-table="county-homes"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row')));
    expect(homes.sort()).toEqual(own.cadenceReport.homes.map((row: any) => row.home.id).sort());
    expect(
      own.cadenceReport.homes.every((row: any) => row.division.code.startsWith('320706')),
    ).toBe(true);
    await view.page.context().close();
    await county.page.context().close();
  });

  it('县区: the homes with the quarter’s cadence, those that missed first, and the pilots; one request', async () => {
    const q = lastQuarter();
    const view = await visit(`#/county/320706?q=${q.key}`, {
      level: 'CITY',
      division: '3207',
      roles: ['STAFF'],
    });
    await settled(view, '[data-table="county-homes"] tbody tr');
    expect(view.graphql).toEqual(['city']);
    const answer = await data(stack, 'city', city, operation('office/County.graphql'), {
      code: '320706',
      cityCode: '3207',
      year: q.year,
      quarter: q.quarter,
      cohortYear: 2019,
      withCounties: true,
    });
    const figure = async (name: string) =>
      (await view.page.locator(`[data-figure="${name}"] dd`).textContent())?.trim();
    expect(await figure('homes')).toBe(number(answer.division.homeStats.homes));
    expect(await figure('required')).toBe(number(answer.cadenceReport.total.required));
    expect(await figure('compliant')).toBe(number(answer.cadenceReport.total.compliant));
    expect(await figure('rate')).toBe(percent(answer.cadenceReport.total.rate));
    const rollout = answer.pilotRollout.find((row: any) => row.county.code === '320706');
    expect(await figure('pilots')).toContain(number(rollout.pilotHomes));
    const rows = await view.page
      .locator('[data-table="county-homes"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row')));
    expect(rows.sort()).toEqual(answer.cadenceReport.homes.map((row: any) => row.home.id).sort());
    const cadence = await view.page
      .locator('[data-table="county-homes"] [data-field="cadence"]')
      .allTextContents();
    const missed = answer.cadenceReport.homes.filter(
      (row: any) => row.required > 0 && !row.compliant,
    ).length;
    expect(missed).toBeGreaterThan(0);
    expect(cadence.slice(0, missed).every((text) => text === '未开展')).toBe(true);
    expect(cadence.slice(missed).includes('未开展')).toBe(false);
    await accessible(view.page);
    await screenshot(view.page, 'county');
    await view.page.context().close();
  });

  it('协商民主之家: members, sessions, demands and each escalated demand’s path upward, in one request; the same for its leader', async () => {
    const q = lastQuarter();
    const candidates = await data(
      stack,
      'city',
      city,
      `{ demands(status: [ESCALATED, ANSWERED, CLOSED], first: 100) { edges { node {
          home { id division { code } }
          escalations { __typename ... on Proposal { reply { resultClass } evaluation { result } } } } } } }`,
    );
    const chosen =
      candidates.demands.edges
        .map((edge: any) => edge.node)
        .find((demand: any) =>
          demand.escalations.some(
            (e: any) => e.__typename === 'Proposal' && e.reply && e.evaluation,
          ),
        ) ??
      candidates.demands.edges
        .map((edge: any) => edge.node)
        .find((demand: any) => demand.escalations.length > 0);
    expect(chosen).toBeDefined();
    const homeId = chosen.home.id;
    const identities: Array<[TokenClaims, 'city' | 'home']> = [
      [{ level: 'CITY', division: '3207', roles: ['STAFF'] }, 'city'],
      [
        { level: 'HOME', division: chosen.home.division.code, homeId, roles: ['HOME_LEADER'] },
        'home',
      ],
    ];
    for (const [claims, surface] of identities) {
      const view = await visit(
        claims.level === 'HOME' ? `#/?q=${q.key}` : `#/home/${homeId}?q=${q.key}`,
        claims,
      );
      await settled(view, '[data-list="demands"]');
      expect(view.graphql).toEqual([surface]);
      // The graph's answer to the same operation for the same identity.
      const answer = (
        await data(stack, surface, await tokenFor(claims), operation('home/HomeDetail.graphql'), {
          id: homeId,
          year: q.year,
          quarter: q.quarter,
        })
      ).home;
      expect(await view.page.locator('h1').textContent()).toBe(answer.name);
      expect((await view.page.locator('[data-figure="members"] dd').textContent())?.trim()).toBe(
        number(answer.compliance.memberCount),
      );
      expect((await view.page.locator('[data-figure="leader"] dd').textContent())?.trim()).toBe(
        answer.leader?.name ?? '未明确',
      );
      expect(await view.page.locator('[data-list="members"] > li').count()).toBe(
        answer.members.length,
      );
      expect(await view.page.locator('[data-list="sessions"] > li').count()).toBe(
        answer.sessions.edges.length,
      );
      expect(await view.page.locator('[data-list="demands"] > li').count()).toBe(
        answer.demands.edges.length,
      );
      const demands = answer.demands.edges.map((edge: any) => edge.node);
      const escalated = demands.filter((demand: any) => demand.escalations.length > 0);
      // The city and the home's leader both follow each escalated demand upward (a home sees the
      // proposals and reports that came from it).
      expect(escalated.length).toBeGreaterThan(0);
      for (const demand of escalated) {
        const paths = view.page.locator(`[data-demand="${demand.id}"] .path`);
        expect(await paths.count()).toBe(demand.escalations.length);
        const proposal = demand.escalations.find((e: any) => e.__typename === 'Proposal');
        if (proposal) {
          const text = (await paths.allTextContents()).join(' ');
          expect(text).toContain(proposal.title);
          if (proposal.leadDepartment) expect(text).toContain(proposal.leadDepartment.name);
          if (proposal.reply) expect(text).toContain(`${proposal.reply.resultClass}类`);
        }
      }
      const hidden = demands.filter(
        (demand: any) => demand.escalatedAt && demand.escalations.length === 0,
      );
      expect(await view.page.locator('[data-hidden-path]').count()).toBe(hidden.length);
      await accessible(view.page);
      if (surface === 'city') await screenshot(view.page, 'home');
      await view.page.context().close();
    }
  });

  it('提案办理: by department as the report gives it, one request, and the same table as CSV', async () => {
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const view = await visit(`#/proposals?year=${year}`, {
      level: 'CITY',
      division: '3207',
      roles: ['STAFF', 'ANALYST'],
    });
    await settled(view, '[data-table="proposals"] tbody tr');
    expect(view.graphql).toEqual(['city']);
    const answer = await data(stack, 'city', city, operation('department/Proposals.graphql'), {
      year,
    });
    const cells = await tableCells(view.page, 'proposals');
    expect(Object.keys(cells).length).toBe(answer.byDepartment.rows.length);
    for (const row of answer.byDepartment.rows) {
      const shown = cells[row.department?.id ?? 'none'];
      const classOf = (resultClass: string) =>
        answer.byClass.rows.find(
          (r: any) => r.department?.id === row.department?.id && r.resultClass === resultClass,
        )?.count ?? 0;
      expect(shown).toMatchObject({
        department: row.department?.name ?? '未交办',
        count: number(row.count),
        replied: number(row.replied),
        overdue: number(row.overdue),
        classA: number(classOf('A')),
        classB: number(classOf('B')),
        classC: number(classOf('C')),
        classD: number(classOf('D')),
        satisfactionRate: percent(row.satisfactionRate),
      });
    }
    await accessible(view.page);
    await screenshot(view.page, 'proposals');
    const [download] = await Promise.all([
      view.page.waitForEvent('download'),
      view.page.locator('[data-action="export"]').click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toContain('department.name');
    expect(lines).toHaveLength(answer.byDepartment.rows.length + 1);
    expect(view.graphql).toEqual(['city']);
    await view.page.context().close();
    // A department sees its own proposals on its own surface.
    const departments = await data(
      stack,
      'city',
      city,
      '{ departments(first: 1) { edges { node { id division { code } } } } }',
    );
    const department = departments.departments.edges[0].node;
    const own = await visit(`#/proposals?year=${year}`, {
      level: 'DEPARTMENT',
      division: department.division.code,
      departmentId: department.id,
      roles: ['DEPARTMENT'],
    });
    await settled(own, '[data-table="proposals"]');
    expect(own.graphql).toEqual(['department']);
    // What the graph gives the department for the same operation, and nothing else.
    const ownAnswer = await data(
      stack,
      'department',
      await tokenFor({
        level: 'DEPARTMENT',
        division: department.division.code,
        departmentId: department.id,
        roles: ['DEPARTMENT'],
      }),
      operation('department/Proposals.graphql'),
      { year },
    );
    expect(Object.keys(await tableCells(own.page, 'proposals')).sort()).toEqual(
      ownAnswer.byDepartment.rows.map((row: any) => row.department?.id ?? 'none').sort(),
    );
    await own.page.context().close();
  });
});

describe('the web front end’s registered operations', () => {
  it('are in the manifest the gateway loads, and a changed operation is a stale manifest', () => {
    const contracts = new Map(
      (['city', 'county', 'home', 'department', 'public'] as const).map((surface) => [
        surface,
        readFileSync(join(REPO, `schema/contracts/${surface}.graphql`), 'utf8'),
      ]),
    );
    const checkedIn = readFileSync(TRUSTED_DOCUMENTS_MANIFEST, 'utf8');
    expect(buildTrustedDocumentsManifest(contracts)).toBe(checkedIn);
    const names = (JSON.parse(checkedIn) as { operations: Array<{ name: string }> }).operations.map(
      (entry) => entry.name,
    );
    expect(names).toEqual(expect.arrayContaining(['PublicActivity', 'SignInChoices']));
    // The same folder with one field more: what the gateway has registered no longer matches.
    const changed = mkdtempSync(join(tmpdir(), 'web-operations-'));
    try {
      cpSync(join(OPERATIONS, 'public'), changed, { recursive: true });
      const file = join(changed, 'PublicActivity.graphql');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('title\n', 'title\n        location\n'),
      );
      expect(
        buildTrustedDocumentsManifest(contracts, {
          handWritten: join(REPO, 'schema/trusted-documents'),
          web: changed,
        }),
      ).not.toBe(checkedIn);
    } finally {
      rmSync(changed, { recursive: true, force: true });
    }
  });
});

describe('the explorer of a surface that runs registered operations only', () => {
  it('offers the registered operations, runs them by id, and shows the schema for reading', async () => {
    const schema = (await (
      await fetch(`${stack.gateway.origin}/graphql/public/schema.json`)
    ).json()) as any;
    expect(schema.data.__schema.queryType.name).toBe('Query');
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${stack.gateway.origin}/graphql/public`, { waitUntil: 'load' });
    // One tab per registered operation valid on the surface, by name.
    await page.locator('.graphiql-tab').first().waitFor({ timeout: 15_000 });
    const tabs = await page.locator('.graphiql-tab').allTextContents();
    expect(tabs.join(' ')).toContain('PublicActivity');
    expect(tabs.join(' ')).toContain('SignInChoices');
    await page.locator('.graphiql-tab', { hasText: 'PublicActivity' }).click();
    await page.locator('.graphiql-execute-button').click();
    const result = async () =>
      (await page.locator('.result-window').innerText()).replace(/[\s\u200b]+/g, ' ').trim();
    for (let i = 0; i < 60 && !(await result()); i++) await page.waitForTimeout(250);
    // The answer of the registered operation (CodeMirror renders only its first lines).
    expect(await result()).toMatch(/^\{ "data": \{ "divisions": \{ "edges": \[/);
    expect(await result()).not.toContain('errors');
    expect(errors).toEqual([]);
    await context.close();
  });
});
