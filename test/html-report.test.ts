/**
 * The HTML report in a real browser: Debian's `chromium` driven by playwright-core (no browser download).
 * The page must load with no console error and no request other than the file itself, the filters must work
 * by mouse and keyboard, and screenshots are written to test-output/ for people to look at. CI installs
 * chromium (scripts/install-test-tools.sh) and must not skip.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubCommand } from '../src/adapters/cli/hub-command.js';
import type { CliIO } from '../src/adapters/cli/io.js';
import { defaultConfig, findConfigFile, loadConfig } from '../src/config/config.js';
import { hub as assessHub } from '../src/hub/hub.js';
import { render } from '../src/report/index.js';
import { review } from '../src/review.js';
import { RULES } from '../src/rules/registry.js';

const CHROMIUM = '/usr/bin/chromium';
// The machine has no network: without these flags Chromium tries to reach Google services.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'test-output');
const hubHtml = join(out, 'hub-insecure-shop.html');
const reviewHtml = join(out, 'review-insecure-shop.html');

async function writeHubReport(): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io: CliIO = {
    cwd: root,
    stdout: () => {},
    stderr: (s) => {
      stderr += s;
    },
    isTTY: false,
    stderrIsTTY: false,
    env: {},
  };
  const code = await hubCommand(['examples/insecure-shop', '--format', 'html', '--output', hubHtml], io);
  return { code, stderr };
}

function writeReviewReport(): void {
  const path = join(root, 'examples/insecure-shop');
  const configPath = findConfigFile(path);
  const config = configPath ? loadConfig(configPath, new Set(RULES.map((r) => r.id))) : defaultConfig();
  const result = review({ paths: [path], root: path, config });
  const html = render('html', result, { rules: RULES, toolVersion: '0.0.0-test' });
  mkdirSync(out, { recursive: true });
  writeFileSync(reviewHtml, html);
}

interface Opened {
  page: Page;
  requests: string[];
  blocked: string[];
  errors: string[];
}

async function open(browser: Browser, file: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
  const self = pathToFileURL(file).href;
  const requests: string[] = [];
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === self) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(self, { waitUntil: 'load' });
  return { page, requests, blocked, errors };
}

const visibleRows = (page: Page) => page.locator('#findings tbody tr:not([hidden])');

const installed = existsSync(CHROMIUM);

describe('HTML report in Chromium', () => {
  it.runIf(process.env.CI !== undefined)('chromium is installed in CI', () => {
    expect(installed, 'install the Debian package `chromium`').toBe(true);
  });

  describe.runIf(installed)('hub --format html', () => {
    let browser: Browser;
    let hub: Opened;
    let findings: number;
    /** What the page must show, from the same review run in-process. */
    let expected: { total: number; errors: number; secrets: number; dkr001: number };

    beforeAll(async () => {
      mkdirSync(out, { recursive: true });
      const written = await writeHubReport();
      expect(written).toEqual({
        code: 0,
        stderr: 'proagent-devops: wrote the html hub report to test-output/hub-insecure-shop.html\n',
      });
      writeReviewReport();
      findings = (readFileSync(hubHtml, 'utf8').match(/<tr data-domain=/g) ?? []).length;
      const shop = join(root, 'examples/insecure-shop');
      const configPath = findConfigFile(shop);
      const config = configPath ? loadConfig(configPath, new Set(RULES.map((r) => r.id))) : defaultConfig();
      const run = assessHub({ path: shop, config, toolVersion: 'test' });
      const active = run.review.findings.filter((f) => !f.suppressed);
      expected = {
        total: active.length,
        errors: active.filter((f) => f.severity === 'error').length,
        secrets: active.filter((f) => f.domain === 'secrets').length,
        dkr001: active.filter((f) => f.ruleId === 'DKR001').length,
      };
      expect(expected.dkr001).toBeGreaterThan(0);
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      hub = await open(browser, hubHtml);
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('loads with no console error and no request but the file itself', async () => {
      expect(hub.errors).toEqual([]);
      expect(hub.blocked).toEqual([]);
      expect(hub.requests).toEqual([pathToFileURL(hubHtml).href]);
      await expect(hub.page.title()).resolves.toBe('DevOps posture: examples/insecure-shop');
      await hub.page.screenshot({ path: join(out, 'hub-report.png'), fullPage: false });
      await hub.page.screenshot({ path: join(out, 'hub-report-full.png'), fullPage: true });
      expect(existsSync(join(out, 'hub-report.png'))).toBe(true);
    });

    it('shows every unsuppressed finding, and labelled filter controls', async () => {
      const { page } = hub;
      expect(findings).toBe(expected.total);
      await expect(page.locator('#f-count').textContent()).resolves.toBe(
        `Showing ${expected.total} of ${expected.total} findings`,
      );
      expect(await visibleRows(page).count()).toBe(expected.total);
      for (const name of ['Domain', 'Severity', 'File', 'Search'])
        expect(await page.getByLabel(name, { exact: true }).count()).toBe(1);
      expect(await page.getByLabel('Show suppressed').count()).toBe(1);
    });

    it('filters by severity with the keyboard, with a visible focus ring', async () => {
      const { page } = hub;
      await page.focus('#f-severity');
      const outline = await page.evaluate('getComputedStyle(document.activeElement).outlineStyle');
      expect(outline).not.toBe('none');
      await page.keyboard.press('ArrowDown'); // All severities → Errors
      await expect(page.locator('#f-severity').inputValue()).resolves.toBe('error');
      const severities = await visibleRows(page).evaluateAll((rows) =>
        rows.map((r) => r.getAttribute('data-severity')),
      );
      expect(severities.length).toBe(expected.errors);
      expect(new Set(severities)).toEqual(new Set(['error']));
      await expect(page.locator('#f-count').textContent()).resolves.toBe(
        `Showing ${expected.errors} of ${expected.total} findings`,
      );
    });

    it('filters by domain from a domain card, by file, and by search; Reset shows everything again', async () => {
      const { page } = hub;
      await page.click('#f-reset');
      await page.click('button[data-set-domain="secrets"]');
      await expect(page.locator('#f-domain').inputValue()).resolves.toBe('secrets');
      const domains = await visibleRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-domain')));
      expect(domains.length).toBe(expected.secrets);
      expect(new Set(domains)).toEqual(new Set(['secrets']));

      await page.selectOption('#f-domain', '');
      await page.selectOption('#f-file', '.env');
      const files = await visibleRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-file')));
      expect(files.length).toBeGreaterThan(0);
      expect(new Set(files)).toEqual(new Set(['.env']));

      await page.selectOption('#f-file', '');
      await page.keyboard.press('Escape');
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('/');
      expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('f-search');
      await page.keyboard.type('DKR001');
      const rules = await visibleRows(page).evaluateAll((rows) =>
        rows.map((r) => r.querySelector('td.rule')?.firstChild?.textContent),
      );
      expect(rules).toEqual(Array(expected.dkr001).fill('DKR001'));

      await page.keyboard.type('no-such-rule');
      expect(await visibleRows(page).count()).toBe(0);
      await expect(page.locator('#f-empty').isVisible()).resolves.toBe(true);

      await page.click('#f-reset');
      expect(await visibleRows(page).count()).toBe(expected.total);
      await expect(page.locator('#f-empty').isVisible()).resolves.toBe(false);
    });

    it('opens a finding by keyboard: its redacted excerpt, fix and rollback', async () => {
      const { page } = hub;
      await page.fill('#f-search', 'CMP006');
      const summary = visibleRows(page).first().locator('summary');
      await summary.focus();
      await page.keyboard.press('Enter');
      const detail = visibleRows(page).first().locator('.detail');
      await expect(detail.isVisible()).resolves.toBe(true);
      const text = (await detail.textContent()) ?? '';
      expect(text).toContain('Fix');
      expect(text).toMatch(/\*\*\*\*/);
      await page.locator('#findings-title').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(out, 'hub-report-findings.png') });
    });

    it('shows the scores, next actions and the method', async () => {
      const { page } = hub;
      expect(await page.locator('svg.bars .bar-row').count()).toBe(9);
      expect(await page.locator('ol.actions > li').count()).toBe(10);
      expect(await page.locator('article.domain').count()).toBe(9);
      await expect(page.locator('#method-title').textContent()).resolves.toBe('How the scores are computed');
      const html = readFileSync(hubHtml, 'utf8');
      expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)="https?:/i);
      expect(html).not.toContain('postgres-prod-2021');
      expect(html).not.toContain('admin-shop-2021');
    });

    it('renders the review report (no hub) and the dark theme without errors', async () => {
      const review = await open(browser, reviewHtml, 'dark');
      expect(review.errors).toEqual([]);
      expect(review.requests).toEqual([pathToFileURL(reviewHtml).href]);
      await expect(review.page.locator('#f-count').textContent()).resolves.toBe(
        `Showing ${expected.total} of ${expected.total} findings`,
      );
      expect(await review.page.locator('ol.actions').count()).toBe(0);
      await expect(review.page.locator('.card h2').nth(2).textContent()).resolves.toBe('Findings by domain');
      await review.page.screenshot({ path: join(out, 'review-report-dark.png') });
      await review.page.context().close();
    });
  });
});
