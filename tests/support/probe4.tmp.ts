import { serveStatic } from '/work/main/tests/support/static-server.ts';
import { launchChromium } from '/work/main/tests/support/browser.ts';
const server = await serveStatic('/tmp/snap/dist');
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(server.url + '/lessons/how-this-course-works/');
for (let i = 0; i < 200; i++) {
  await page.keyboard.press('Tab');
  const here = await page.evaluate(() => document.activeElement?.closest('#exercise-warm-up') !== null && document.activeElement?.closest('.editor-frame') !== null);
  if (here) { console.log('tabs', i); break; }
}
await page.locator('#exercise-warm-up .monaco-editor.focused').waitFor();
await page.keyboard.press('Control+A');
await page.keyboard.type('import asyncio\nasync def main(): await asyncio.sleep(1); print("Hello, asyncio!")\nasyncio.run(main())\n');
await page.keyboard.press('Control+Enter');
await page.waitForTimeout(8000);
console.log(await page.locator('#exercise-warm-up .status').textContent());
console.log(await page.locator('#exercise-warm-up .monaco-editor .view-lines').innerText());
await page.locator('#exercise-warm-up').screenshot({ path: '/tmp/kb.png' });
await browser.close(); await server.close();
