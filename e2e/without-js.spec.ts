/** The portal with JavaScript disabled: plain forms, links and <details> do everything. */
import { expect, test } from '@playwright/test';
import { facetValue, hitLinks, screenshot, totalResults } from './portal-helpers';

test.use({ javaScriptEnabled: false });

test('search, filter and open a passage without JavaScript', async ({ page }, testInfo) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: '搜索年度报告' });
  await box.fill('行政复议');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=/);
  const total = await totalResults(page);
  expect(total).toBeGreaterThan(0);

  await facetValue(page, '内容类型', '正文段落').click();
  await expect(page).toHaveURL(/kind=section/);
  await expect.poll(() => totalResults(page)).toBeLessThanOrEqual(total);
  await expect(page.getByRole('link', { name: /内容类型：正文段落/ })).toBeVisible();

  // A new query keeps the filters (hidden fields of the form).
  await box.fill('复议');
  await box.press('Enter');
  await expect(page).toHaveURL(/q=%E5%A4%8D%E8%AE%AE&kind=section/);
  await screenshot(page, testInfo, 'nojs-results');

  const link = hitLinks(page).first();
  const anchor = decodeURIComponent((await link.getAttribute('href'))!.split('#')[1]!);
  await link.click();
  const target = page.locator(`[id="${anchor}"]`);
  await expect(target).toBeInViewport();
  expect(await target.evaluate((element) => element.matches(':target'))).toBe(true);
  // Without JavaScript the copy control is a plain link to the passage.
  await expect(target.getByRole('link', { name: /的链接$/ }).first()).toHaveAttribute('href', `#${anchor}`);
  await screenshot(page, testInfo, 'nojs-report');
});

test('long facets open with <details> without JavaScript', async ({ page }) => {
  await page.goto('/search');
  const more = page.getByText(/^更多 \d+ 项/).first();
  await expect(more).toBeVisible();
  await more.click();
  await expect(page.getByText('收起').first()).toBeVisible();
});
