/**
 * The search portal in a real browser: home → results → facets → report, against the bundled
 * reports indexed by the real indexer (e2e/support/serve.ts). Counts are read from the pages
 * and checked against each other, not hard-coded.
 */
import { expect, test } from '@playwright/test';
import { facetCount, facetValue, hitLinks, pressUntilFocused, screenshot, totalResults, watchConsole } from './portal-helpers';

test('search from the home page', async ({ page }, testInfo) => {
  const problems = watchConsole(page);
  await page.goto('/');
  await expect(page).toHaveTitle(/政府信息公开年度报告检索/);
  const box = page.getByRole('searchbox', { name: '搜索年度报告' });
  await expect(box).toBeFocused();
  await expect(page.getByText(/共 \d+ 份报告/)).toBeVisible();
  await screenshot(page, testInfo, 'home');
  await box.fill('依申请公开');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=%E4%BE%9D%E7%94%B3%E8%AF%B7%E5%85%AC%E5%BC%80$/);
  expect(await totalResults(page)).toBeGreaterThan(0);
  await expect(hitLinks(page).first()).toBeVisible();
  await expect(page.locator('ol article mark').first()).toBeVisible();
  await screenshot(page, testInfo, 'results');
  expect(problems).toEqual([]);
});

test('the / and Ctrl+K shortcuts focus the search box', async ({ page }) => {
  await page.goto('/search?q=%E5%A4%8D%E8%AE%AE');
  const box = page.getByRole('searchbox', { name: '搜索年度报告' });
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await expect(box).not.toBeFocused();
  await pressUntilFocused(page, '/', box);
  await expect(box).toHaveValue('复议');
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();
});

test('cities, districts and issuers are listed under a chosen place, and say so until then', async ({ page }) => {
  await page.goto('/search?q=%E5%85%AC%E5%BC%80');
  const facet = (label: string) => page.locator('section', { has: page.getByRole('heading', { name: label, exact: true }) });
  await expect(facet('城市')).toContainText('选定省份后列出');
  await expect(facet('发布机关')).toContainText('选定地区后列出');
  await facetValue(page, '省份', '浙江省').click();
  await expect(page).toHaveURL(/province=/);
  await expect(facetValue(page, '城市', '杭州市')).toBeVisible();
  expect(await facetCount(facetValue(page, '城市', '杭州市'))).toBeGreaterThan(0);
  await expect(facet('区县')).toContainText('选定城市后列出');
  await expect(facet('发布机关').getByRole('link').first()).toBeVisible();
  await facetValue(page, '城市', '杭州市').click();
  await expect(facet('区县').getByRole('link').first()).toBeVisible();
});

test('toggling facets changes the URL, the counts and the selection; back and forward keep the state', async ({ page }, testInfo) => {
  await page.goto('/search?q=%E5%85%AC%E5%BC%80');
  const before = await totalResults(page);
  const year = facetValue(page, '年度', '2020年');
  const yearCount = await facetCount(year);
  expect(yearCount).toBeGreaterThan(0);
  expect(yearCount).toBeLessThan(before);

  await year.click();
  await expect(page).toHaveURL(/year=2020/);
  await expect.poll(() => totalResults(page)).toBe(yearCount);
  await expect(facetValue(page, '年度', '2020年')).toHaveAttribute('aria-current', 'true');
  // Disjunctive: other years stay selectable with their own counts.
  await expect(facetValue(page, '年度', '2019年')).toBeVisible();
  await expect(page.getByRole('link', { name: /年度：2020年/ })).toBeVisible();
  await screenshot(page, testInfo, 'facet-selected');

  await facetValue(page, '年度', '2019年').click();
  await expect(page).toHaveURL(/year=2020&year=2019/);
  await expect.poll(() => totalResults(page)).toBeGreaterThan(yearCount);

  await page.goBack();
  await expect(page).toHaveURL(/year=2020$/);
  await expect.poll(() => totalResults(page)).toBe(yearCount);
  await page.goBack();
  await expect(page).not.toHaveURL(/year=/);
  await expect.poll(() => totalResults(page)).toBe(before);
  await page.goForward();
  await expect(page).toHaveURL(/year=2020$/);
  await expect(facetValue(page, '年度', '2020年')).toHaveAttribute('aria-current', 'true');

  await page.getByRole('link', { name: /年度：2020年/ }).click();
  await expect(page).not.toHaveURL(/year=/);
  await expect.poll(() => totalResults(page)).toBe(before);
});

test('sorting by year and paging keep the query', async ({ page }) => {
  await page.goto('/search?q=%E5%85%AC%E5%BC%80');
  await page.getByRole('navigation', { name: '排序' }).getByRole('link', { name: '年度（旧→新）' }).click();
  await expect(page).toHaveURL(/sort=year-asc/);
  const years = await page
    .locator('ol article')
    .evaluateAll((articles) => articles.map((article) => Number(/(\d{4})年/.exec(article.querySelector('h3 + p')?.textContent ?? '')?.[1])));
  expect(years).toEqual([...years].sort((a, b) => a - b));
  await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页' }).click();
  await expect(page).toHaveURL(/sort=year-asc&page=2/);
  await expect(page.getByRole('navigation', { name: '分页' }).locator('[aria-current="page"]')).toContainText('2');
});

test('opening a passage lands on the highlighted section', async ({ page }, testInfo) => {
  const problems = watchConsole(page);
  await page.goto('/search?q=%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80&kind=section');
  const link = hitLinks(page).first();
  const href = (await link.getAttribute('href'))!;
  const anchor = decodeURIComponent(href.split('#')[1]!);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/reports/[^?]+\\?q=.+#${anchor}$`));
  const target = page.locator(`[id="${anchor}"]`);
  await expect(target).toBeInViewport();
  expect(await target.evaluate((element) => element.matches(':target'))).toBe(true);
  await expect(target.locator('mark').first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '已高亮' })).toBeVisible();
  await screenshot(page, testInfo, 'report-section');
  expect(problems).toEqual([]);
});

test('opening a table-row hit lands on the row of the real table', async ({ page }, testInfo) => {
  await page.goto('/search?q=%E5%9B%BD%E5%AE%B6%E7%A7%98%E5%AF%86&kind=row');
  const link = hitLinks(page).first();
  const anchor = decodeURIComponent((await link.getAttribute('href'))!.split('#')[1]!);
  await expect(page.locator('ol article table').first()).toBeVisible();
  await link.click();
  const row = page.locator(`tr[id="${anchor}"]`);
  await expect(row).toBeInViewport();
  expect(await row.evaluate((element) => element.matches(':target'))).toBe(true);
  await expect(row.getByRole('rowheader')).toContainText('国家秘密');
  // Every cell of the row has its own anchor (the phone's copy of 总计 beside the label is hidden here).
  expect(await row.locator('td[id]:visible').count()).toBe(await row.locator('td:visible').count());
  await screenshot(page, testInfo, 'report-row');
});

test('no results: the page says which filter to remove', async ({ page }) => {
  await page.goto('/search?q=%E5%A4%8D%E8%AE%AE&year=2011&province=%E4%B8%8A%E6%B5%B7%E5%B8%82');
  await expect(page.getByText(/没有找到包含“复议”的内容/)).toBeVisible();
  const remove = page.getByRole('link', { name: /去掉“/ }).first();
  await expect(remove).toBeVisible();
  const href = (await remove.getAttribute('href'))!;
  await remove.click();
  await expect(page).toHaveURL(href);
  await expect.poll(() => totalResults(page)).toBeGreaterThan(0);
});

test('unknown pages and reports are a Chinese 404', async ({ page }) => {
  for (const path of ['/reports/no-such-report', '/no-such-page']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: '找不到这个页面' })).toBeVisible();
  }
});

test.describe('the copy-link control', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copies the address of the row, without the highlighting query, and marks the row', async ({ page }) => {
    await page.goto('/reports/2020-hangzhou-xiacheng-qu?q=%E5%85%AC%E5%BC%80');
    const row = page.locator('tr[id]').first();
    const anchor = (await row.getAttribute('id'))!;
    await expect(async () => {
      await row.getByRole('link', { name: /的链接$/ }).click();
      await expect(row.getByRole('status')).toHaveText('已复制链接', { timeout: 500 });
    }).toPass({ timeout: 10_000 });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`/reports/2020-hangzhou-xiacheng-qu#${anchor}`, page.url()).href);
    expect(await row.evaluate((element) => element.matches(':target'))).toBe(true);
  });
});
