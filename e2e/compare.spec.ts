/**
 * /compare, its downloads and /checks in a real browser, against the bundled reports indexed
 * by the real indexer (e2e/support/serve.ts).
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';

const XIACHENG = '杭州市下城区人民政府';
const SHANGHAI_OFFICE = '上海市人民政府办公厅';

function compareUrl(params: Record<string, string>): string {
  return `/compare?${new URLSearchParams(params)}`;
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the chart is rendered on the server, with a text alternative and the data table beside it', async ({ page }) => {
    await page.goto(compareUrl({ measure: 't3-1.total' }));
    const chart = page.locator('figure img[src^="data:image/svg+xml"]');
    await expect(chart).toBeVisible();
    await expect(chart).toHaveAttribute('alt', /^折线图：一、本年新收政府信息公开申请数量 · 总计/);
    const svg = decodeURIComponent((await chart.getAttribute('src'))!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
    expect(svg).toMatch(/^<svg role="img" aria-label="折线图：/);
    expect(svg).toContain('平潭综合实验区管委会');
    expect(svg).toContain('font-family:Noto Sans CJK SC');
    // The image decoded (a broken SVG has no natural size).
    await expect.poll(() => chart.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
    const table = page.getByRole('table', { name: /各发布机关逐年数值/ });
    await expect(table).toBeVisible();
    await expect(table.getByRole('row', { name: new RegExp(XIACHENG) }).getByRole('link', { name: '120' })).toHaveAttribute(
      'href',
      '/reports/2020-hangzhou-xiacheng-qu#t3-1',
    );
  });

  test('one year gives a bar chart', async ({ page }) => {
    await page.goto(compareUrl({ measure: 'disclosure-rate', year: '2024' }));
    await expect(page.locator('figure img[src^="data:image/svg+xml"]')).toHaveAttribute('alt', /^柱状图：/);
  });
});

test('the CSV download starts with the BOM and holds the Chinese as printed', async ({ page }) => {
  await page.goto(compareUrl({ measure: 't3-1.total' }));
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-export="csv"]').click()]);
  expect(download.suggestedFilename()).toMatch(/^对比-.*\.csv$/);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3));
  expect(text.split('\r\n')[0]).toBe(
    '省份,城市,区县,发布机关,层级,年度,指标,数值,单位,缺值原因,推断值,所在表格未通过勾稽校验,口径,口径变化,来源,所用表格行,报告编号,旧表口径,计算值,名次,同比·本年数值,同比·上年数值,同比·上年报告编号',
  );
  expect(text).toContain(`浙江省,杭州市,下城区,${XIACHENG},区县级,2020,一、本年新收政府信息公开申请数量 · 总计,120,件,`);
});

test('an inferred figure is marked, and links to its row', async ({ page }) => {
  await page.goto(compareUrl({ measure: 't3-4.total', issuer: XIACHENG }));
  const row = page.getByRole('row', { name: new RegExp(XIACHENG) });
  await expect(row.locator('[data-mark="inferred"]')).toHaveText('推算');
  await expect(row.getByRole('link', { name: '2' })).toHaveAttribute('href', '/reports/2020-hangzhou-xiacheng-qu#t3-4');
});

test('an unreadable figure is a gap, never 0', async ({ page }) => {
  await page.goto(compareUrl({ measure: 't2-1-1.new', issuer: SHANGHAI_OFFICE, year: '2025' }));
  const row = page.getByRole('row', { name: new RegExp(SHANGHAI_OFFICE) });
  const gap = row.locator('[data-gap="unreadable"]');
  await expect(gap).toContainText('无法读取');
  await expect(row.locator('[data-value]')).toHaveCount(0);
});

test('a measure whose meaning changed in 2021 shows where its series breaks', async ({ page }) => {
  await page.goto(compareUrl({ measure: 't2-5-1.decisions', issuer: '平潭综合实验区管委会' }));
  await expect(page.locator('[data-break="2021"]')).toHaveText('口径变化');
  await expect(page.getByRole('region', { name: /口径变化/ })).toContainText('2020年 → 2021年');
});

test('the API answers a bad measure with a 400 in the API error shape', async ({ request }) => {
  const response = await request.get('/api/compare?measure=nope');
  expect(response.status()).toBe(400);
  expect(await response.json()).toMatchObject({ ok: false, status: 400 });
  const exported = await request.get('/api/export?format=json&q=行政许可');
  expect(exported.status()).toBe(200);
  const body = await exported.json();
  expect(body.ok).toBe(true);
  expect(body.rows.length).toBeGreaterThan(0);
});

test('/checks lists the reports whose checks fail, with the rule and a link to the row', async ({ page }) => {
  await page.goto('/checks');
  const pingtan = page.locator('[data-report-id="2020-pingtan-zonghe-shiyanqu"]');
  await expect(pingtan.locator('[data-rule="t3.outcomes"]').first()).toBeVisible();
  await expect(pingtan.getByRole('link', { name: '查看该行' }).first()).toHaveAttribute('href', '/reports/2020-pingtan-zonghe-shiyanqu#t3-3-7');
  await expect(page.locator('[data-report-id="2024-huaian-hongze-qu"] [data-warning="text-table-mismatch"]')).toBeVisible();
  await expect(page.locator('[data-report-id="2024-huaian-shi-renmin-zhengfu"]')).toHaveCount(0);
});
