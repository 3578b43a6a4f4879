/**
 * Search that understands how people ask, on the bundled reports: years and places typed in the
 * box become filters (with a link to search the words as typed), through the API and the page,
 * the page without JavaScript. Expected counts are read from the equivalent explicit search.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { screenshot, totalResults } from './portal-helpers';

async function api(request: APIRequestContext, params: string) {
  const response = await request.get(`/api/search?${params}`);
  expect(response.status()).toBe(200);
  return response.json();
}

const q = (text: string) => `q=${encodeURIComponent(text)}`;

test('API: a year and a place in q are filters, said in `understood`, with the plain-text link', async ({ request }) => {
  const body = await api(request, `${q('2023 平潭 不予公开')}&per_page=50`);
  expect(body.understood).toMatchObject({ q: '2023 平潭 不予公开', text: '不予公开', year: [2023] });
  expect(body.understood.place).toEqual(expect.arrayContaining(['平潭综合实验区']));
  expect(body.total).toBeGreaterThan(0);
  for (const hit of body.hits) {
    expect(hit.year).toBe(2023);
    expect(body.understood.place).toContain(hit.district);
  }
  expect(body.query).toMatchObject({ q: '不予公开', filters: { year: ['2023'] } });
  // The same as choosing the filters by hand.
  const explicit = await api(request, `${q('不予公开')}&year=2023&${body.understood.place.map((place: string) => `district=${encodeURIComponent(place)}`).join('&')}`);
  expect(body.total).toBe(explicit.total);
  // Searching the words as typed: nothing understood.
  expect(body.understood.search_instead.api).toMatch(/literal=1/);
  const literal = await api(request, body.understood.search_instead.api.replace(/^\/api\/search\?/, ''));
  expect(literal.understood).toBeUndefined();
  expect(literal.query).toMatchObject({ q: '2023 平潭 不予公开', literal: true });
});

test('API: `不予公开 2023` finds what the 2023 filter finds', async ({ request }) => {
  const typed = await api(request, q('不予公开 2023'));
  const filtered = await api(request, `${q('不予公开')}&year=2023`);
  expect(typed.total).toBe(filtered.total);
  expect(typed.total).toBeGreaterThan(1);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page says what it understood and links to the search as typed', async ({ page }, testInfo) => {
    await page.goto('/');
    const box = page.getByRole('searchbox', { name: '搜索年度报告' });
    await box.fill('2023 平潭 不予公开');
    await box.press('Enter');
    const notice = page.getByRole('status').filter({ hasText: '已按筛选条件理解' });
    await expect(notice).toContainText('“2023”→ 年度：2023年');
    await expect(notice).toContainText('“平潭”→ 区县：');
    // The understood parts are ordinary filters, each removable.
    await expect(page.getByRole('link', { name: /年度：2023年/ })).toBeVisible();
    const understoodTotal = await totalResults(page);
    expect(understoodTotal).toBeGreaterThan(0);
    await expect(page.locator('main')).not.toContainText('2022年');
    await screenshot(page, testInfo, 'understood');

    await notice.getByRole('link', { name: '仍按原文搜索“2023 平潭 不予公开”' }).click();
    await expect(page).toHaveURL(/literal=1/);
    await expect(page.getByText('已按筛选条件理解')).toHaveCount(0);
    await expect(box).toHaveValue('2023 平潭 不予公开');
  });
});
