/** Shared by the portal specs: console problems (CSP violations included) and screenshots. */
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

/** Console errors and uncaught page errors, collected from now on. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/** A full-page screenshot kept with the test's results. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

/** The hits' links on a /search page, flat or grouped by report (each opens the report at the passage). */
export function hitLinks(page: Page) {
  return page.locator('ol article').locator('h3 a[href*="#"], h4 a[href*="#"]');
}

/** The count in the results heading (`共 N 条结果`, grouped `共 N 份报告`). */
export async function totalResults(page: Page): Promise<number> {
  const heading = await page.locator('#results-title').innerText();
  const match = /共\s*([\d,]+)\s*(?:条结果|份报告)/.exec(heading);
  if (!match) throw new Error(`no total in ${JSON.stringify(heading)}`);
  return Number(match[1]!.replace(/,/g, ''));
}

/** The link of one facet value, by facet heading and value label. */
export function facetValue(page: Page, facetLabel: string, valueLabel: string) {
  return page
    .locator('section', { has: page.getByRole('heading', { name: facetLabel, exact: true }) })
    .getByRole('link', { name: new RegExp(`^(已选：\\s*)?${valueLabel}\\s`) });
}

/** The count shown beside a facet value. */
export async function facetCount(link: ReturnType<typeof facetValue>): Promise<number> {
  const match = /([\d,]+)\s*(?:条|份报告)\s*$/.exec(await link.innerText());
  if (!match) throw new Error('no count beside the facet value');
  return Number(match[1]!.replace(/,/g, ''));
}

/** Presses a focus shortcut until React has hydrated and wired it up. */
export async function pressUntilFocused(page: Page, key: string, target: Locator): Promise<void> {
  await expect(async () => {
    await page.keyboard.press(key);
    await expect(target).toBeFocused({ timeout: 250 });
  }).toPass({ timeout: 10_000 });
}

/** The issuer of the bundled 平潭 series (2011–2025, pre-2019 tables included). */
export const PINGTAN = '平潭综合实验区管委会';

/** The two screens every page is checked at. */
export const SIZES = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;

/** How far the page scrolls sideways (0 or less: it fits). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
