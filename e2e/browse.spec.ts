/**
 * Issue 16, what its first round left: the list of all reports (by place and year, filters, a
 * 400 on a bad parameter), 申请量同比 (computed, never invented), the reports behind each
 * year of a comparison, headings whose names are their text and whose levels never jump, the
 * way back to a search with its filters — in a real browser, with JavaScript on and off.
 */
import { expect, test, type Page } from '@playwright/test';
import { PINGTAN, SIZES, screenshot, sidewaysOverflow } from './portal-helpers';

for (const [sizeName, viewport] of Object.entries(SIZES)) {
  for (const javaScriptEnabled of [true, false]) {
    test.describe(`${sizeName}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
      test.use({ viewport, javaScriptEnabled });

      test('the list of all reports: from the home page, by place and year, filtered by province and year', async ({ page }, testInfo) => {
        await page.goto('/');
        await page
          .getByRole('link', { name: /份报告/ })
          .first()
          .click();
        await expect(page).toHaveURL(/\/reports$/);
        await expect(page.getByRole('heading', { level: 1, name: '全部报告' })).toBeVisible();
        // Every bundled report once; 平潭's in one entry, a link per year, oldest first.
        await expect(page.locator('a[data-report]')).toHaveCount(23);
        const pingtan = page.locator(`li[data-issuer="${PINGTAN}"]`);
        const years = await pingtan.locator('a[data-report]').evaluateAll((links) => links.map((link) => parseInt(link.textContent ?? '', 10)));
        expect(years).toEqual([...years].sort((a, b) => a - b));
        expect(years).toEqual(expect.arrayContaining([2016, 2019, 2025]));
        expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, testInfo, `reports-${sizeName}-${javaScriptEnabled ? 'js' : 'nojs'}`);

        await page.getByLabel('省份').selectOption('福建省');
        if (!javaScriptEnabled) await page.getByRole('button', { name: '筛选' }).click();
        await expect(page).toHaveURL(/province=/);
        await page.getByLabel('年度').selectOption('2019');
        if (!javaScriptEnabled) await page.getByRole('button', { name: '筛选' }).click();
        await expect(page).toHaveURL(/year=2019/);
        await expect(page.locator('a[data-report]')).toHaveCount(1);
        await page.locator('a[data-report]').click();
        await expect(page).toHaveURL(/\/reports\/2019-pingtan-zonghe-shiyanqu$/);
      });

      test('申请量同比 in the report’s key figures and in /compare: computed from both years, a gap where a year is missing', async ({ page }, testInfo) => {
        await page.goto('/reports/2024-huaian-hongze-qu');
        const change = page.locator('[data-measure="applications-yoy"]');
        await expect(change).toContainText('+352.38%'); // 95 against 21
        await expect(change).toContainText('上一年度 21 → 本年 95');
        await expect(change.locator('[data-mark="computed"]')).toBeVisible();
        await page.goto(`/compare?measure=applications-yoy&issuer=${encodeURIComponent(PINGTAN)}`);
        const row = page.getByRole('table', { name: /各发布机关逐年数值/ }).getByRole('row', { name: new RegExp(PINGTAN) });
        await expect(row.locator('[data-gap="no-previous-year"]').first()).toBeVisible(); // 2014: no 2013 report
        await expect(row.locator('[data-mark="computed"]').first()).toBeVisible();
        expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, testInfo, `yoy-${sizeName}-${javaScriptEnabled ? 'js' : 'nojs'}`);
      });
    });
  }
}

/** Holds the page's scripts back until the returned function is called: what a slow phone shows for seconds. */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  // An earlier hold, long released, is replaced (removing it while it holds requests would drop them).
  await page.unroute(SCRIPTS);
  await page.route(SCRIPTS, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const SCRIPTS = '**/_next/static/**/*.js';

test('a choice made before the page’s JavaScript has started is applied when it starts, on the list and on /compare', async ({ page }) => {
  let release = await holdScripts(page);
  await page.goto('/reports?province=%E7%A6%8F%E5%BB%BA%E7%9C%81', { waitUntil: 'commit' });
  await page.getByLabel('年度').selectOption('2019');
  expect(page.url()).not.toMatch(/year=2019/);
  release();
  await expect(page).toHaveURL(/province=%E7%A6%8F%E5%BB%BA%E7%9C%81.*year=2019/);
  await expect(page.locator('a[data-report]')).toHaveCount(1);

  // The same on /compare: a year ticked early.
  release = await holdScripts(page);
  await page.goto('/compare', { waitUntil: 'commit' });
  await page.locator('input[type="checkbox"][name="year"][value="2019"]').check();
  release();
  await expect(page).toHaveURL(/year=2019/);
});

test('a bad parameter of the list is a 400 that says which; the API is its twin', async ({ page, request }) => {
  for (const query of ['year=23', 'level=国家级', 'page=0', 'year=2023&year=2024']) {
    const response = await page.goto(`/reports?${query}`);
    expect(response!.status(), query).toBe(400);
    await expect(page.getByRole('main').getByRole('alert')).toContainText(`参数 ${query.split('=')[0]} 无效`);
  }
  expect((await page.goto('/reports?year=未标明'))!.status()).toBe(200);
  const api = await (await request.get('/api/reports?province=%E7%A6%8F%E5%BB%BA%E7%9C%81')).json();
  expect(api.ok).toBe(true);
  expect(api.reports.every((report: { province: string }) => report.province === '福建省')).toBe(true);
  expect(api.total).toBe(api.reports.length);
  const bad = await request.get('/api/reports?year=abc');
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ ok: false, status: 400, error: expect.stringContaining('year') });
});

test('/compare and /api/compare: 申请量同比 with the two figures, and the reports behind each year', async ({ page, request }) => {
  const { records } = await (await request.get(`/api/compare?measure=applications-yoy&issuer=${encodeURIComponent(PINGTAN)}`)).json();
  const received = (await (await request.get(`/api/compare?measure=t3-1.total&issuer=${encodeURIComponent(PINGTAN)}`)).json()).records;
  const count = (year: number) => received.find((record: { year: number }) => record.year === year)?.value ?? null;
  const computed = records.filter((record: { value: number | null }) => record.value !== null);
  expect(computed.length).toBeGreaterThan(3);
  for (const record of computed) {
    expect(record.yearOnYear).toEqual({ current: count(record.year), previous: count(record.year - 1), previousReportId: expect.any(String) });
    expect(record.computed).toBe(true);
  }
  expect(records.find((record: { year: number }) => record.year === 2014)).toMatchObject({ value: null, gap: 'no-previous-year' });
  // Ranked by it: nulls last.
  const ranked = (await (await request.get('/api/compare?measure=applications-yoy&year=2024&sort=value-desc')).json()).records;
  const values = ranked.map((record: { value: number | null }) => record.value);
  expect(values.slice(values.findIndex((value: number | null) => value === null)).every((value: number | null) => value === null)).toBe(true);

  await page.goto('/compare?measure=t4.review.total');
  const counts = page.locator('tfoot td[data-year="2019"]');
  await expect(counts).toHaveAttribute('data-reports', '2');
  await expect(counts).toHaveText(/\d+ \/ 2/);
});

test('report page: headings are named by their text alone, and their levels never jump', async ({ page }) => {
  for (const id of ['2024-huaian-shi-renmin-zhengfu', '2018-pingtan-zonghe-shiyanqu', '2019-shanghai-shi-renmin-zhengfu-bangongting']) {
    await page.goto(`/reports/${id}`);
    const headings = await page
      .locator('main h1, main h2, main h3, main h4, main h5, main h6')
      .evaluateAll((elements) => elements.map((element) => ({ level: Number(element.tagName[1]), text: element.textContent ?? '' })));
    expect(headings[0]?.level, id).toBe(1);
    for (let index = 1; index < headings.length; index++) {
      expect(headings[index]!.level - headings[index - 1]!.level, `${id}: ${headings[index]!.text}`).toBeLessThanOrEqual(1);
    }
    expect(
      headings.filter((heading) => /链接/.test(heading.text)),
      id,
    ).toEqual([]);
  }
  await page.goto('/reports/2024-huaian-shi-renmin-zhengfu');
  await expect(page.getByRole('heading', { name: '表三　收到和处理政府信息公开申请情况', exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: /表四|行政复议/ }).first()).toBeVisible();
  // The copy-link control is still there, beside the heading.
  await expect(page.getByRole('link', { name: '表三　收到和处理政府信息公开申请情况的链接' })).toHaveAttribute('href', '#table-3');
});

test('the way back from a report to its search keeps the filters; a bad one is dropped', async ({ page }) => {
  await page.goto('/search?q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE&year=2020');
  await page.locator('ol article h3 a').first().click();
  await expect(page).toHaveURL(/\/reports\/.*year=2020/);
  const back = page.getByRole('navigation', { name: '面包屑' }).getByRole('link');
  await expect(back).toHaveAttribute('href', /\/search\?q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE&year=2020/);
  await expect(back).toContainText('2020年');
  await back.click();
  await expect(page).toHaveURL(/year=2020/);
  await page.goto('/reports/2020-pingtan-zonghe-shiyanqu?q=%E5%A4%8D%E8%AE%AE&year=abc&province=%E7%A6%8F%E5%BB%BA%E7%9C%81');
  await expect(page.getByRole('navigation', { name: '面包屑' }).getByRole('link')).toHaveAttribute(
    'href',
    `/search?q=%E5%A4%8D%E8%AE%AE&province=${encodeURIComponent('福建省')}`,
  );
});
