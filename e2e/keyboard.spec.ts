/** Keyboard only: skip link, search box, facets, results. */
import { expect, test } from '@playwright/test';

test('everything is reachable and usable with the keyboard', async ({ page }) => {
  await page.goto('/search?q=%E5%85%AC%E5%BC%80');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到主要内容' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);

  // From the top of the results, Tab reaches the search box, then the facets.
  const box = page.getByRole('searchbox', { name: '搜索年度报告' });
  for (let presses = 0; presses < 5 && !(await box.evaluate((element) => element === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(box).toBeFocused();
  let focusedFacet = false;
  for (let presses = 0; presses < 10 && !focusedFacet; presses++) {
    await page.keyboard.press('Tab');
    focusedFacet = await page.evaluate(() => document.activeElement?.closest('nav[aria-label="筛选条件"]') !== null);
  }
  expect(focusedFacet).toBe(true);
  // The focused facet value shows a visible focus ring.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/&year=\d{4}/);
});

test('after a search, 跳到结果 passes the filters and lands on the results', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/search?q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE');
  const box = page.getByRole('searchbox', { name: '搜索年度报告' });
  await box.focus();
  // The link is the next stops after the box and its button, before any filter.
  let reached = false;
  for (let presses = 0; presses < 4 && !reached; presses++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.textContent?.trim() === '跳到结果');
  }
  expect(reached).toBe(true);
  await expect(page.getByRole('link', { name: '跳到结果' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#results$/);
  await expect(page.locator('#results')).toBeFocused();
  await expect(page.locator('#results-title')).toBeInViewport();
});
