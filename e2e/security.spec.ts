/** Security headers, a CSP the app satisfies, and hostile input that is never a 500. */
import { expect, test } from '@playwright/test';
import { pressUntilFocused, watchConsole } from './portal-helpers';

test('every page has the security headers and a nonce CSP that the page satisfies', async ({ page }) => {
  const problems = watchConsole(page);
  for (const path of ['/', '/search?q=%E5%A4%8D%E8%AE%AE', '/reports/2020-hangzhou-xiacheng-qu', '/no-such-page']) {
    const response = (await page.goto(path))!;
    const headers = response.headers();
    expect(headers['content-security-policy'], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  }
  // The scripts ran under the policy: the search box shortcut is wired up by React.
  await page.goto('/search');
  await pressUntilFocused(page, '/', page.getByRole('searchbox', { name: '搜索年度报告' }));
  expect(problems.filter((problem) => !/404/.test(problem))).toEqual([]);
});

test('the nonce changes on every response', async ({ request }) => {
  const nonce = async () => /'nonce-([^']+)'/.exec((await request.get('/search')).headers()['content-security-policy']!)?.[1];
  expect(await nonce()).not.toBe(await nonce());
});

test('a search page sent again from memory has a nonce of its own, and its scripts run under it', async ({ page }) => {
  const problems = watchConsole(page);
  const path = '/search?q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE&sort=year-desc';
  const rendered = (await page.goto(path))!;
  const kept = (await page.goto(path))!;
  expect(rendered.headers()['age']).toBeUndefined();
  expect(kept.headers()['age']).toMatch(/^\d+$/);
  const nonceOf = (headers: Record<string, string>) => /'nonce-([^']+)'/.exec(headers['content-security-policy']!)?.[1];
  expect(nonceOf(kept.headers())).not.toBe(nonceOf(rendered.headers()));
  expect(await kept.text()).not.toContain(nonceOf(rendered.headers()));
  await pressUntilFocused(page, '/', page.getByRole('searchbox', { name: '搜索年度报告' }));
  expect(problems).toEqual([]);
});

test('q=<script> is rendered as text', async ({ page }) => {
  let dialog = false;
  page.on('dialog', async (opened) => {
    dialog = true;
    await opened.dismiss();
  });
  await page.goto('/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  await expect(page.getByRole('searchbox', { name: '搜索年度报告' })).toHaveValue('<script>alert(1)</script>');
  await expect(page.getByText('没有找到包含“<script>alert(1)</script>”的内容。')).toBeVisible();
  expect(dialog).toBe(false);
});

test('hostile parameters on the page: ignored or corrected, with a notice, never a 500', async ({ page }) => {
  const response = await page.goto(`/search?year=2020%20OR%201%3D1&page=-1&per_page=100000&sort=%27&q=${'x'.repeat(5000)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('status').filter({ hasText: '查询词过长' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '已忽略无效的参数' })).toContainText('year');
  expect((await page.getByRole('searchbox', { name: '搜索年度报告' }).inputValue()).length).toBe(200);
});

test('a 5,000-character Chinese query: the page cuts it with a notice, the API says which parameter is wrong', async ({ page, request }) => {
  // 45 KB of URL: past Node's default 16 KB header limit, which the launcher raises so that
  // the app, not a bare 431, answers.
  const q = encodeURIComponent('公'.repeat(5000));
  const response = await page.goto(`/search?q=${q}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('status').filter({ hasText: '查询词过长' })).toBeVisible();
  const api = await request.get(`/api/search?q=${q}`);
  expect(api.status()).toBe(400);
  expect(await api.json()).toMatchObject({ ok: false, status: 400, error: expect.stringContaining('q') });
});

test('1,000 repeated parameters are refused before the app, saying how many are allowed', async ({ request }) => {
  const repeated = Array.from({ length: 1000 }, (_, index) => `year=${1000 + index}`).join('&');
  const page = await request.get(`/search?${repeated}`);
  expect(page.status()).toBe(414);
  expect(await page.text()).toContain('查询参数过多（1000 个）：至多 256 个');
  const api = await request.get(`/api/search?${repeated}`);
  expect(api.status()).toBe(414);
  expect(await api.json()).toEqual({ ok: false, status: 414, error: '查询参数过多（1000 个）：至多 256 个' });
});

test('a forged outage header from the client is ignored', async ({ request }) => {
  const response = await request.get('/search?q=%E5%A4%8D%E8%AE%AE', { headers: { 'x-portal-search-outage': '1' } });
  expect(response.status()).toBe(200);
  expect(await response.text()).not.toContain('搜索服务暂时不可用');
});
