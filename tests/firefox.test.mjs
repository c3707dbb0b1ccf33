// The built extension in Firefox ESR (its background is an event page,
// which extracts articles itself, without Chromium's offscreen document):
// the fixture page and the real CNN Arabic page are highlighted as in
// Chromium. `build.sh setup` installs Firefox ESR, so its absence is a
// failure, not a skip (set TABAYYUN_NO_FIREFOX=1 to skip knowingly).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, SHARED } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { NEWS_HOST, fixturePage } from './lib/pages.mjs';
import { wordF1 } from './lib/text-score.mjs';
import { firefoxPresent, launchFirefox, FIREFOX } from './lib/firefox.mjs';

const CNN_HOST = 'arabic.cnn.com';
let server;
let firefox;
let cnnPage = null;
let cnnExpected = null;

const SKIP = process.env.TABAYYUN_NO_FIREFOX === '1';

before(async () => {
  if (SKIP || !(await firefoxPresent())) return;
  const pages = { '/news/floods.html': { body: await fixturePage() } };
  cnnPage = await readFile(join(SHARED, 'data', 'pages', 'cnn-arabic-syria.html'), 'utf8');
  cnnExpected = await readFile(join(SHARED, 'data', 'pages', 'cnn-arabic-syria.expected.txt'), 'utf8');
  pages['/2013/syria.html'] = { body: cnnPage };
  server = await startServer({ pages });
  firefox = await launchFirefox({ hosts: [NEWS_HOST, CNN_HOST] });
});

after(async () => {
  await firefox?.close();
  await server?.close();
});

// Opens `url` in the tab and resolves to <tabayyun-root>'s data once its
// state is settled, with the number of painted number highlights.
async function readPage(url) {
  const { send, context } = firefox;
  const probe = `(() => {
    const root = document.querySelector('tabayyun-root');
    return JSON.stringify({ ...(root?.dataset ?? {}), painted: CSS.highlights?.get('tabayyun-number')?.size ?? 0, href: location.href });
  })()`;
  // The content script is registered just after install (in Chromium,
  // tests/lib/browser.mjs waits for it; BiDi cannot see it): a page loaded
  // before that is loaded again.
  for (let load = 0; load < 5; load++) {
    // Not waiting for the load event: the CNN page's refused ad requests
    // make Firefox report its navigation as failed ("Address rejected").
    await send('browsingContext.navigate', { context, url, wait: 'none' });
    for (let i = 0; i < 60; i++) {
      const r = await send('script.evaluate', { expression: probe, target: { context }, awaitPromise: false }).catch(() => null);
      const data = r ? JSON.parse(r.result.value) : {};
      if (data.href !== url) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        continue;
      }
      if (data.state === 'ready' || data.state === 'error') return data;
      if (!data.state && i >= 8) break; // not read at all: load again
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${url} was never read`);
}

async function screenshot(name) {
  const { data } = await firefox.send('browsingContext.captureScreenshot', { context: firefox.context });
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(join(ARTIFACTS, `${name}.png`), Buffer.from(data, 'base64'));
}

// Skipped only on request; a missing Firefox fails (build.sh installs it).
function present(t) {
  if (SKIP) {
    t.skip('TABAYYUN_NO_FIREFOX=1');
    return false;
  }
  assert.ok(firefox, `no ${FIREFOX}: run ./build.sh setup`);
  return true;
}

test('Firefox: the fixture page is highlighted', async (t) => {
  if (!present(t)) return;
  const data = await readPage(`http://${NEWS_HOST}:${server.port}/news/floods.html`);
  assert.equal(data.state, 'ready', `error: ${data.error}`);
  // As in Chromium (tests/extension.test.mjs): at least ten numbers, all painted.
  assert.ok(Number(data.numbers) >= 10, `data-numbers=${data.numbers}`);
  assert.equal(data.painted, Number(data.numbers));
  await screenshot('firefox-news-page');
});

test('Firefox: the CNN Arabic page is read through Readability, as in Chromium', async (t) => {
  if (!present(t)) return;
  const data = await readPage(`http://${CNN_HOST}:${server.port}/2013/syria.html`);
  assert.equal(data.state, 'ready', `error: ${data.error}`);
  assert.ok(Number(data.numbers) > 0 && Number(data.entities) > 0, JSON.stringify(data));
  await screenshot('firefox-cnn-page');
  // The text read is the article, as in Chromium (tests/extension.test.mjs);
  // the page has no <article> or <main>, so without Readability the whole
  // body (menus, links) would be read. Asked of the content script from an
  // extension page in a second tab.
  const { send } = firefox;
  const tab = await firefox.openExtensionPage('popup.html');
  const asked = await send('script.evaluate', {
    expression: `(async () => {
      const [tab] = await browser.tabs.query({ url: '*://${CNN_HOST}/2013/syria.html' });
      return (await browser.tabs.sendMessage(tab.id, { type: globalThis.Tabayyun.messages.GET_ARTICLE })).text;
    })()`,
    target: { context: tab },
    awaitPromise: true,
  });
  await send('browsingContext.close', { context: tab });
  const score = wordF1(asked.result.value, cnnExpected);
  assert.ok(score.r >= 0.98 && score.f1 >= 0.85, `words: recall ${score.r}, F1 ${score.f1}`);
});
