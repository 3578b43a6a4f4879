/**
 * End-to-end tests: Debian's Chromium (Playwright's own browser download cannot run here),
 * against the production build served by e2e/serve.ts on a throwaway Meilisearch holding the
 * bundled reports.
 */
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Debian's headless shell first: the same Chromium without the desktop browser around it, which
 * is what Playwright itself runs headless. The whole browser in headless mode took twice the CPU
 * for the same 91 tests (149 against 77 CPU-s, 88 against 59 s, 2026-12-04). The whole browser
 * is the fallback, and what `--headed` needs (CHROMIUM_PATH=/usr/bin/chromium).
 */
const DEBIAN_CHROMIUMS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];
const chromium = process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUMS.find((candidate) => existsSync(candidate));
if (chromium === undefined || !existsSync(chromium)) {
  throw new Error(
    `Chromium not found at ${chromium ?? DEBIAN_CHROMIUMS.join(' or ')}. Install Debian's: ` +
      '`sudo apt-get install -y chromium-headless-shell fonts-noto-cjk` (or set CHROMIUM_PATH). ' +
      '`npx playwright install` cannot download browsers on this machine.',
  );
}

const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    // Recording a trace of every test cost 18% of the browser tests' time (220 → 181 s alone), to keep
    // the few that fail: E2E_TRACE=1 records them when a failure needs more than its screenshot.
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    locale: 'zh-CN',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: `node --import tsx e2e/support/serve.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
