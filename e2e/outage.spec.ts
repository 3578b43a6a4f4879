/**
 * A Meilisearch outage: a second server of the same build, pointed at a port where nothing
 * listens. Pages answer 503 with "搜索服务暂时不可用" (never "no results"), the API 503 in its
 * error shape.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { freePort } from '../lib/engine/port';
import { portalServerArgs } from '../lib/launcher/child';
import { screenshot } from './portal-helpers';

let server: ChildProcess;
let base: string;

test.beforeAll(async () => {
  const [port, deadEngine] = [await freePort(), await freePort()];
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, portalServerArgs(port, '127.0.0.1'), {
    env: { ...process.env, MEILI_HOST: `http://127.0.0.1:${deadEngine}`, MEILI_SEARCH_KEY: 'unused', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  await expect.poll(async () => (await fetch(`${base}/no-such-page`).catch(() => null))?.status, { timeout: 30_000 }).toBe(404);
});

test.afterAll(() => {
  server?.kill('SIGTERM');
});

test('pages answer 503 with the outage notice', async ({ page }, testInfo) => {
  for (const path of ['/', '/search?q=%E5%A4%8D%E8%AE%AE', '/reports/2020-hangzhou-xiacheng-qu']) {
    const response = await page.goto(`${base}${path}`);
    expect(response?.status(), path).toBe(503);
    expect(response?.headers()['retry-after']).toBe('30');
    await expect(page.getByRole('heading', { name: '搜索服务暂时不可用' })).toBeVisible();
    await expect(page.getByText(/没有找到/)).toHaveCount(0);
  }
  await screenshot(page, testInfo, 'outage');
});

test('the API answers 503 in its error shape', async ({ request }) => {
  const response = await request.get(`${base}/api/search?q=%E5%A4%8D%E8%AE%AE`);
  expect(response.status()).toBe(503);
  expect(await response.json()).toEqual({ ok: false, status: 503, error: '搜索服务暂时不可用，请稍后重试' });
});
