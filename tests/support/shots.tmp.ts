import { serveStatic } from '/work/main/tests/support/static-server.ts';
import { launchChromium } from '/work/main/tests/support/browser.ts';
const dist = process.argv[2] ?? '/tmp/snap/dist';
const path = process.argv[3] ?? '/lessons/how-this-course-works/';
const prefix = process.argv[4] ?? '/tmp/shot';
const code = `import asyncio


async def brew(name, seconds):
    await asyncio.sleep(seconds)
    print(name, "ready")


async def main():
    await asyncio.gather(brew("a", 1), brew("b", 2), brew("c", 3))


asyncio.run(main())
`;
const server = await serveStatic(dist);
const browser = await launchChromium();
for (const [w, theme] of [[1280, 'dark'], [360, 'light']] as const) {
  const ctx = await browser.newContext({ viewport: { width: w, height: 900 }, colorScheme: theme });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await ctx.newPage();
  await page.goto(server.url + path);
  await page.evaluate((t) => { localStorage.setItem('starlight-theme', t); document.documentElement.dataset.theme = t; }, theme);
  const ex = page.locator('awaitable-exercise').first();
  await ex.locator('.static-code').click();
  await ex.locator('.monaco-editor').waitFor();
  await page.evaluate((t) => navigator.clipboard.writeText(t), code);
  await page.keyboard.press('Control+A'); await page.keyboard.press('Control+V');
  await ex.locator('button.run').click();
  await page.waitForFunction(() => document.querySelector('awaitable-exercise .status')?.textContent?.startsWith('Ran'), null, { timeout: 60000 });
  await page.waitForTimeout(7000);
  await ex.screenshot({ path: `${prefix}-${w}-${theme}.png` });
  const scrollW = await page.evaluate(() => document.documentElement.scrollWidth);
  console.log(w, theme, 'page scrollWidth', scrollW);
  await ctx.close();
}
await browser.close(); await server.close();
