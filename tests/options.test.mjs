// The options page: the site list decides where Tabayyun reads by itself,
// colours apply to open pages, the interface language switches direction.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { NEWS_HOST, fixturePage } from './lib/pages.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ pages: { '/news/floods.html': { body: await fixturePage() } } });
  browser = await launch({ extension: true, hostMap: [NEWS_HOST] });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const ext = (path) => `chrome-extension://${browser.extensionId}/${path}`;
const news = () => `http://${NEWS_HOST}:${server.port}/news/floods.html`;

// The page's state a little after load: null when Tabayyun did not run.
async function stateAfterLoad(page) {
  await page.goto(news());
  await page.waitForTimeout(1500);
  return page.evaluate(() => document.querySelector('tabayyun-root')?.dataset.state ?? null);
}

test('removing a site stops automatic reading there; adding it back resumes it', async () => {
  const options = await browser.context.newPage();
  await options.goto(ext('options.html'));
  const item = options.locator('[data-testid=site-list] li[data-site="enabbaladi.net"]');
  await item.waitFor();
  await item.locator('[data-testid=remove-site]').click();
  await item.waitFor({ state: 'detached' });

  const page = await browser.context.newPage();
  assert.equal(await stateAfterLoad(page), null);

  await options.fill('[data-testid=new-site]', 'https://www.EnabBaladi.net/');
  await options.click('[data-testid=add-site]');
  await item.waitFor();
  await screenshot(options, 'options-page');
  await page.goto(news());
  await page.waitForFunction(() => document.querySelector('tabayyun-root')?.dataset.state === 'ready');
  await page.close();
  await options.close();
});

test('a colour chosen on the options page applies to an open page', async () => {
  const page = await browser.context.newPage();
  await page.goto(news());
  await page.waitForFunction(() => document.querySelector('tabayyun-root')?.dataset.state === 'ready');
  const options = await browser.context.newPage();
  await options.goto(ext('options.html'));
  await options.locator('[data-testid=colours] input[data-kind=number]').fill('#00ff00');
  const rule = () =>
    page.evaluate(() =>
      document.adoptedStyleSheets
        .flatMap((s) => [...s.cssRules])
        .map((r) => r.cssText)
        .find((t) => t.startsWith('::highlight(tabayyun-number)') && t.includes('background-color')),
    );
  await page.waitForFunction(
    () =>
      document.adoptedStyleSheets
        .flatMap((s) => [...s.cssRules])
        .some((r) => r.cssText.startsWith('::highlight(tabayyun-number)') && r.cssText.includes('rgb(0, 255, 0)')),
  );
  assert.match(await rule(), /rgb\(0, 255, 0\)/);
  await page.close();
  await options.close();
});

test('the interface language switches the extension pages to English, left to right', async () => {
  const options = await browser.context.newPage();
  await options.goto(ext('options.html'));
  await options.selectOption('[data-testid=options-language]', 'en');
  await options.waitForFunction(() => document.documentElement.dir === 'ltr');
  const popup = await browser.context.newPage();
  await popup.goto(ext('popup.html'));
  await popup.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await popup.locator('[data-testid=save-article]').textContent(), 'Save article');
  await options.selectOption('[data-testid=options-language]', 'ar');
  await options.waitForFunction(() => document.documentElement.dir === 'rtl');
  await popup.close();
  await options.close();
});
