/**
 * Search that understands how people ask, on the bundled reports: years and places typed in the
 * box become filters (with a link to search the words as typed), readers' words find the
 * reports' terms, a homophone typo gets a "did you mean", a word nothing has is dropped, ties go
 * to the newest content, results come grouped by report. Through the API and the page, the page
 * without JavaScript. Expected counts are read from the equivalent explicit search.
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
  const explicit = await api(
    request,
    `${q('不予公开')}&year=2023&${body.understood.place.map((place: string) => `district=${encodeURIComponent(place)}`).join('&')}`,
  );
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

test('API: readers’ words and longer phrases find what the reports’ terms find', async ({ request }) => {
  const refused = await api(request, q('拒绝公开'));
  const term = await api(request, q('不予公开'));
  expect(refused.total).toBeGreaterThan(0);
  // Every document printing the term as a phrase: the top hits are the same passages and rows.
  expect(refused.hits.slice(0, 5).map((hit: { id: string }) => hit.id)).toEqual(term.hits.slice(0, 5).map((hit: { id: string }) => hit.id));
  const cases = await api(request, q('行政复议案件'));
  const review = await api(request, q('行政复议'));
  expect(cases.total).toBe(review.total);
});

test('API: the first hits of 行政复议 carry content, newest years first', async ({ request }) => {
  const body = await api(request, `${q('行政复议')}&per_page=5`);
  const [first] = body.hits;
  expect(first.kind === 'section' || first.values.length > 0).toBe(true);
  const newest = Math.max(...body.facets.year.map((year: { value: string }) => Number(year.value)));
  expect(first.year).toBe(newest);
});

test('API: a homophone typo offers the term; a word nothing has is dropped, and said so', async ({ request }) => {
  const typo = await api(request, q('行政复意'));
  expect(typo.suggestion).toMatchObject({ q: '行政复议', href: expect.stringContaining('/search?q=') });
  expect(typo.suggestion.count).toBe((await api(request, q('行政复议'))).total);
  const relaxed = await api(request, q('不予公开 火星'));
  expect(relaxed.relaxed).toEqual({ typed: '不予公开 火星', text: '不予公开', dropped: ['火星'] });
  expect(relaxed.total).toBe((await api(request, q('不予公开'))).total);
  const received = await api(request, q('2023年收到申请'));
  expect(received.understood.year).toEqual([2023]);
  expect(received.total).toBeGreaterThan(0);
});

test('API: group=report gives one group per report, counts in reports that add up', async ({ request }) => {
  const flat = await api(request, `${q('行政复议')}&per_page=50&page=1`);
  const flatIds: string[] = flat.hits.map((hit: { reportId: string }) => hit.reportId);
  let all = flatIds;
  for (let page = 2; page <= flat.total_pages; page++) {
    all = [...all, ...(await api(request, `${q('行政复议')}&per_page=50&page=${page}`)).hits.map((hit: { reportId: string }) => hit.reportId)];
  }
  const grouped = await api(request, `${q('行政复议')}&group=report&per_page=50`);
  expect(grouped.hits).toBeUndefined();
  expect(grouped.total).toBe(new Set(all).size);
  expect(grouped.groups.length).toBe(grouped.total);
  expect(grouped.total_hits).toBe(flat.total);
  expect(grouped.groups.reduce((sum: number, group: { count: number }) => sum + group.count, 0)).toBe(flat.total);
  expect(grouped.groups[0]).toMatchObject({ reportId: expect.any(String), title: expect.any(String), count: expect.any(Number), hits: expect.any(Array) });
  const yearCounts = grouped.facets.year.reduce((sum: number, year: { count: number }) => sum + year.count, 0);
  expect(yearCounts).toBe(grouped.total);
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
    const meta = await page.locator('ol > li > article > h3 + p').allInnerTexts();
    expect(meta.length).toBeGreaterThan(0);
    for (const line of meta) expect(line).toMatch(/2023年.*平潭/);
    await screenshot(page, testInfo, 'understood');

    await notice.getByRole('link', { name: '仍按原文搜索“2023 平潭 不予公开”' }).click();
    await expect(page).toHaveURL(/literal=1/);
    await expect(page.getByText('已按筛选条件理解')).toHaveCount(0);
    await expect(box).toHaveValue('2023 平潭 不予公开');
  });

  test('did you mean, a dropped word, and the switch between reports and the flat list', async ({ page }, testInfo) => {
    await page.goto(`/search?${q('行政复意')}`);
    await page.getByRole('link', { name: '行政复议', exact: true }).click();
    await expect(page).toHaveURL(/q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE$/);
    const reports = await totalResults(page);
    // Grouped by report: each report once, its matches counted, a compact table for its rows.
    const groups = page.locator('ol > li > article');
    await expect(groups.first().locator('h3')).toBeVisible();
    await expect(groups.first()).toContainText('处匹配');
    await screenshot(page, testInfo, 'grouped');
    await page.getByRole('navigation', { name: '列出方式' }).getByRole('link', { name: '逐条列出' }).click();
    await expect(page).toHaveURL(/group=none/);
    expect(await totalResults(page)).toBeGreaterThan(reports);

    await page.goto(`/search?${q('不予公开 火星')}`);
    await expect(page.getByRole('status').filter({ hasText: '去掉“火星”' })).toBeVisible();
    expect(await totalResults(page)).toBeGreaterThan(0);
  });
});
