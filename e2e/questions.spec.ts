/**
 * Issue 16 in a real browser, at 1440×900 and 390×844, with JavaScript on and off: the two
 * journalist questions from the home page in three actions or fewer, the ranking and its API
 * twin, 平潭's 行政复议 since 2011 with the older years marked, tables that fit, deep links
 * that keep the header in view, and a printed report (Chromium's A4 PDF).
 */
import { expect, test } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PINGTAN, SIZES, screenshot, sidewaysOverflow } from './portal-helpers';

for (const [sizeName, viewport] of Object.entries(SIZES)) {
  for (const javaScriptEnabled of [true, false]) {
    test.describe(`${sizeName}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
      test.use({ viewport, javaScriptEnabled });

      test('“which district refused the most in 2023?”: preset, then the year: two actions', async ({ page }, testInfo) => {
        await page.goto('/');
        await page.getByRole('link', { name: /哪个区县不予公开的申请最多/ }).click(); // 1
        await expect(page).toHaveURL(/sort=value-desc/);
        await page.getByRole('navigation', { name: '排名年份' }).getByRole('link', { name: '2023年' }).click(); // 2
        const table = page.getByRole('table', { name: /2023年.*不予公开.*从大到小排名/ });
        await expect(table).toBeVisible();
        const rows = table.locator('tbody tr');
        await expect(rows).toHaveCount(2);
        await expect(rows.first()).toHaveAttribute('data-rank', '1');
        // Every figure is the sum of 1–8, marked as computed, and links to its table row.
        await expect(rows.first().locator('[data-mark="computed"]')).toBeVisible();
        const values = await rows.locator('[data-value]').evaluateAll((links) => links.map((link) => Number(link.getAttribute('data-value'))));
        expect(values).toEqual([...values].sort((a, b) => b - a));
        expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, testInfo, `ranking-${sizeName}-${javaScriptEnabled ? 'js' : 'nojs'}`);
      });

      test('“how many 行政复议 cases did 平潭 have each year?”: one preset, 2011–2025 with the older years marked', async ({ page }, testInfo) => {
        await page.goto('/');
        await page.getByRole('link', { name: /各地历年行政复议案件数/ }).click(); // 1
        const table = page.getByRole('table', { name: /各发布机关逐年数值/ });
        // Web-first assertions: with JavaScript the table is rendered after the click's navigation settles.
        await expect(table.locator('thead th', { hasText: '2011年' })).not.toHaveCount(0);
        await expect(table.locator('thead th', { hasText: '2025年' })).not.toHaveCount(0);
        const row = table.getByRole('row', { name: new RegExp(PINGTAN) });
        await expect(row.locator('[data-mark="older"]')).toHaveCount(5); // 2011, 2014, 2016, 2017, 2018
        await expect(row.locator('[data-gap="unreadable"]')).toHaveCount(1); // 2015
        await expect(page.locator(`[data-missing="${PINGTAN}"] [data-no-report]`)).toHaveAttribute('data-no-report', '2012,2013');
        expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, testInfo, `pingtan-review-${sizeName}-${javaScriptEnabled ? 'js' : 'nojs'}`);
      });

      test('a report page fits, and a deep link leaves the row’s column headers in view', async ({ page }, testInfo) => {
        await page.goto('/reports/2024-huaian-shi-renmin-zhengfu#t3-3-3-2');
        const target = page.locator('#t3-3-3-2');
        await expect(target).toBeInViewport();
        const header = page.locator('#table-3 thead th', { hasText: '自然人' }).first();
        await expect(header).toBeInViewport();
        const [headerBox, rowBox] = [await header.boundingBox(), await target.boundingBox()];
        expect(headerBox!.y).toBeLessThan(rowBox!.y);
        expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, testInfo, `deep-link-${sizeName}-${javaScriptEnabled ? 'js' : 'nojs'}`);
      });
    });
  }
}

test.describe('on a phone', () => {
  test.use({ viewport: SIZES.phone, isMobile: true, hasTouch: true });

  test('no page scrolls sideways at 390 px', async ({ page }) => {
    for (const url of [
      '/',
      '/search?q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE',
      '/compare',
      '/compare?measure=t3-1.total&sort=value-desc',
      '/reports/2020-hangzhou-xiacheng-qu',
      '/reports/2024-huaian-shi-renmin-zhengfu',
      '/reports/2018-pingtan-zonghe-shiyanqu',
      '/checks',
      '/reports',
      `/reports?province=${encodeURIComponent('福建省')}&year=2019`,
      '/compare?measure=applications-yoy',
    ]) {
      await page.goto(url);
      expect(await sidewaysOverflow(page), url).toBeLessThanOrEqual(0);
    }
  });

  test('table 三 shows 总计 next to the label; the chart is drawn for the phone’s width', async ({ page }) => {
    await page.goto('/reports/2024-huaian-shi-renmin-zhengfu');
    const total = page.locator('#t3-1 .total-copy');
    await total.scrollIntoViewIfNeeded();
    // Next to the label, so in view without scrolling the table sideways.
    const box = (await total.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await expect(total).toHaveText('3,119');
    await page.goto('/compare?measure=t4.review.total');
    const chart = page.locator('figure picture img');
    const src = await chart.evaluate((image: HTMLImageElement) => image.currentSrc);
    const svg = decodeURIComponent(src.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
    expect(svg).toMatch(/^<svg[^>]* width="360"/);
    // Drawn at 360 px and shown at about that width: 12 px labels stay at least 11 px.
    const shown = (await chart.boundingBox())!.width;
    expect((12 * shown) / 360).toBeGreaterThanOrEqual(11);
  });
});

test('/api/compare ranks by value, nulls last, and has the mapped years', async ({ request }) => {
  const ranked = await (await request.get('/api/compare?measure=t3-1.total&year=2024&sort=value-desc')).json();
  expect(ranked.sort).toBe('value-desc');
  const values = ranked.records.map((record: { value: number | null }) => record.value);
  const firstGap = values.indexOf(null);
  const figures = firstGap === -1 ? values : values.slice(0, firstGap);
  expect(figures).toEqual([...figures].sort((a: number, b: number) => b - a));
  if (firstGap !== -1) expect(values.slice(firstGap).every((value: number | null) => value === null)).toBe(true);
  expect(ranked.records[0].rank).toBe(1);
  const ascending = await (await request.get('/api/compare?measure=t3-1.total&year=2024&sort=value-asc')).json();
  expect(ascending.records[0].value).toBe(Math.min(...figures));
  const series = await (await request.get(`/api/compare?measure=t4.review.total&issuer=${encodeURIComponent(PINGTAN)}`)).json();
  const years = series.records.map((record: { year: number }) => record.year);
  expect(years).toEqual(expect.arrayContaining([2011, 2014, 2015, 2016, 2017, 2018, 2019, 2025]));
  const older = series.records.find((record: { year: number }) => record.year === 2018);
  expect(older.olderDefinition).toMatch(/行政复议数/);
  expect(older.seriesBreak).toBeNull();
  expect(series.records.find((record: { year: number }) => record.year === 2015).gap).toBe('unreadable');
  const bad = await request.get('/api/compare?measure=t3-1.total&sort=biggest');
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ ok: false, status: 400 });
});

test('对比此项 from a table row and from a row hit; the 2019 report compares 行政复议 with 2018', async ({ page }) => {
  await page.goto('/reports/2018-pingtan-zonghe-shiyanqu');
  await page.locator('[data-compare-row="ts-14"]').click();
  await expect(page).toHaveURL(/measure=t4\.review\.total/);
  await expect(page.getByRole('table', { name: /各发布机关逐年数值/ }).getByRole('row', { name: new RegExp(PINGTAN) })).toBeVisible();
  await page.goto('/search?q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE%E6%95%B0&kind=row');
  await expect(page.locator('[data-compare-row]').first()).toHaveAttribute('href', /\/compare\?measure=/);
  await page.goto('/reports/2019-pingtan-zonghe-shiyanqu');
  const review = page.locator('[data-measure="t4.review.total"]');
  await expect(review).toContainText('较 2018 年');
  await expect(review).not.toContainText('格式无此项');
});

test('a report page links its context: the query, the previous and next year, all the issuer’s reports, a citation', async ({ page }) => {
  await page.goto('/reports/2019-pingtan-zonghe-shiyanqu?q=%E5%A4%8D%E8%AE%AE');
  await expect(page.getByRole('navigation', { name: '面包屑' }).getByRole('link')).toHaveAttribute('href', /\/search\?q=%E5%A4%8D%E8%AE%AE/);
  await expect(page.getByRole('link', { name: /上一年度（2018年）/ })).toHaveAttribute('href', '/reports/2018-pingtan-zonghe-shiyanqu');
  await expect(page.getByRole('link', { name: /下一年度（2020年）/ })).toHaveAttribute('href', '/reports/2020-pingtan-zonghe-shiyanqu');
  await expect(page.locator('a[data-place="district"]')).toHaveAttribute('href', `/search?district=${encodeURIComponent('平潭综合实验区')}`);
  await expect(page.locator('[data-citation]')).toContainText(`${PINGTAN}：《`);
  await expect(page.locator('[data-citation]')).toContainText('/reports/2019-pingtan-zonghe-shiyanqu，访问日期：');
});

async function pdfText(bytes: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  let text = '';
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  // NFKC: the PDF's fonts map some ideographs to their Kangxi radical forms (⼈ for 人).
  return text.normalize('NFKC').replace(/\s+/g, '');
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`printing, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('a printed report (A4) has every column of tables 三 and 四, no navigation, and where it came from', async ({ page }) => {
      await page.goto('/reports/2024-huaian-shi-renmin-zhengfu');
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      const text = await pdfText(pdf);
      for (const column of [
        '自然人',
        '商业企业',
        '科研机构',
        '社会公益组织',
        '法律服务机构',
        '总计',
        '结果维持',
        '结果纠正',
        '其他结果',
        '尚未审结',
        '未经复议直接起诉',
        '复议后起诉',
      ]) {
        expect(text, column).toContain(column);
      }
      expect(text).toContain('3,119'); // table 三's 总计 of 一、本年新收
      expect(text).not.toContain('数字对比'); // the site navigation
      expect(text).not.toContain('对比此项');
      // The printed end: 本页地址 (its 页 prints as a radical NFKC leaves alone), the access date, the source.
      expect(text).toMatch(/地址:http:\/\/[^访]+\/reports\/2024-huaian-shi-renmin-zhengfu访问日期:\d{4}年\d{1,2}月\d{1,2}日原文链接:/);
      // Tables print whole: no cell of table 三 lies beyond the page's right edge.
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 700, height: 1000 });
      const beyond = await page
        .locator('#table-3 td, #table-4 td')
        .evaluateAll((cells) => cells.filter((cell) => cell.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length);
      expect(beyond).toBe(0);
    });
  });
}

test.describe('the comparison form', () => {
  test('without JavaScript: words typed into the picker choose the measure, the button applies', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/compare');
    await page.getByLabel(/^指标/).fill('不予公开');
    await page.getByRole('button', { name: '对比' }).first().click();
    await expect(page.getByRole('heading', { level: 2, name: /（三）不予公开 · 总计/ })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '按“不予公开”选了指标' })).toBeVisible();
    await context.close();
  });

  test('every year is in view beside the others, none hidden in a scroll box', async ({ page }) => {
    await page.setViewportSize(SIZES.desktop);
    await page.goto('/compare');
    const years = page.getByRole('checkbox', { name: /^\d{4}年/ });
    expect(await years.count()).toBeGreaterThan(10);
    await years.first().scrollIntoViewIfNeeded();
    for (const year of await years.all()) await expect(year).toBeInViewport();
  });

  test('with JavaScript: a choice applies at once, without the button', async ({ page }) => {
    await page.goto('/compare?measure=t3-1.total');
    await page.getByRole('checkbox', { name: /^2024年/ }).check();
    await expect(page).toHaveURL(/year=2024/);
    await page.getByLabel('显示方式').selectOption('value-desc');
    await expect(page).toHaveURL(/sort=value-desc/);
    await expect(page.getByRole('table', { name: /2024年.*从大到小排名/ })).toBeVisible();
  });
});
