// Launches the system Chromium for the end-to-end tests, optionally with
// the unpacked extension loaded, headless, with no background traffic.

import { chromium } from 'playwright-core';
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXTENSION = join(ROOT, 'extension');
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
export const SHARED = process.env.TABAYYUN_SHARED ?? join(ROOT, '..', 'shared');

const ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--disable-quic',
];

/**
 * A persistent context (extensions need one). `extension: true` loads
 * extension/; `hostMap` lists host names resolved to 127.0.0.1, so a
 * fixture served locally can stand at a news site's address without any
 * request leaving the machine; `blockOtherHosts` makes every other host name
 * fail to resolve (cheaper than intercepting requests, for benchmarks).
 * Resolves to `{context, extensionId, close}`.
 */
export async function launch({ extension = false, hostMap = [], blockOtherHosts = false, colorScheme = 'light' } = {}) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'tabayyun-e2e-'));
  const args = [...ARGS];
  if (extension) args.push(`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`);
  // The first rule that matches a host wins.
  const rules = hostMap.map((h) => `MAP ${h} 127.0.0.1`);
  if (blockOtherHosts) rules.push('MAP * ~NOTFOUND');
  if (rules.length) args.push(`--host-resolver-rules=${rules.join(',')}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args,
    ignoreDefaultArgs: extension ? ['--disable-extensions'] : [],
    viewport: { width: 1100, height: 800 },
    colorScheme,
    locale: 'ar',
  });
  let extensionId = null;
  if (extension) {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: 15000 });
    extensionId = new URL(worker.url()).host;
    // The site list's content script is registered just after install.
    await worker.evaluate(async () => {
      for (let i = 0; i < 200; i++) {
        if ((await chrome.scripting.getRegisteredContentScripts()).length) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('the content script was never registered');
    });
  }
  return {
    context,
    extensionId,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot under tests/artifacts/ and returns its path. */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
