/** The portal at 375 px: no sideways scrolling; facets and contents in drawers. */
import { expect, test } from '@playwright/test';
import { facetValue, screenshot, sidewaysOverflow, totalResults } from './portal-helpers';

test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

async function expectNoSidewaysScroll(page: import('@playwright/test').Page) {
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
}

test('home, results and a report fit a phone', async ({ page }, testInfo) => {
  await page.goto('/');
  await expectNoSidewaysScroll(page);
  await screenshot(page, testInfo, 'phone-home');

  await page.goto('/search?q=%E4%B8%8D%E4%BA%88%E5%85%AC%E5%BC%80');
  await expectNoSidewaysScroll(page);
  const drawer = page.locator('details.drawer');
  await expect(drawer).not.toHaveAttribute('open');
  const yearLink = facetValue(page, '年度', '2020年');
  await expect(yearLink).toBeHidden();
  await drawer.locator(':scope > summary').click();
  await expect(yearLink).toBeVisible();
  await screenshot(page, testInfo, 'phone-facets-open');
  await yearLink.click();
  await expect(page).toHaveURL(/year=2020/);
  await expect.poll(() => totalResults(page)).toBeGreaterThan(0);

  await page.goto('/reports/2020-hangzhou-xiacheng-qu');
  await expectNoSidewaysScroll(page);
  await screenshot(page, testInfo, 'phone-report');
});
