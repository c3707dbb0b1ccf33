// Firefox ESR with the unpacked extension, driven over WebDriver BiDi (the
// protocol Firefox speaks natively; Playwright's Firefox is a patched build
// that cannot load extensions). Headless, in a fresh profile where the
// given host names resolve to 127.0.0.1 and every other request goes to a
// closed local port, so nothing leaves the machine.

import { spawn } from 'node:child_process';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { EXTENSION } from './browser.mjs';

// Node 20 has no WebSocket client of its own; playwright-core ships one.
const { ws: WebSocket } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle');

export const FIREFOX = process.env.TABAYYUN_FIREFOX ?? '/usr/bin/firefox-esr';

// The extension's pages get this fixed origin (Firefox picks a random one
// per profile otherwise), so tests can open them.
const ADDON_ID = 'tabayyun@tabayyun.org';
const ADDON_UUID = '5a1b7c3e-0d2f-4e6a-9b8c-7d6e5f4a3b21';

/** Whether Firefox is installed here (`apt-get install firefox-esr`). */
export const firefoxPresent = () => access(FIREFOX).then(() => true, () => false);

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/**
 * Starts Firefox with the extension installed (as a temporary add-on);
 * resolves to `{send(method, params), context, openExtensionPage(path),
 * close()}` where `context` is the first tab's BiDi browsing context.
 */
export async function launchFirefox({ hosts = [] } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'tabayyun-ff-'));
  const prefs = {
    'network.dns.localDomains': hosts.join(','),
    // Everything else goes to the discard port, which refuses it.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': 9,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': hosts.join(','),
    'network.proxy.allow_hijacking_localhost': false,
    'app.update.enabled': false,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'network.captive-portal-service.enabled': false,
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
  };
  await writeFile(join(profile, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
  const port = await freePort();
  const child = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, `--remote-debugging-port=${port}`, '--remote-allow-system-access', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let stderr = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Firefox did not start: ${stderr.slice(-500)}`)), 30000);
    child.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.includes('WebDriver BiDi listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const sock = new WebSocket(`ws://127.0.0.1:${port}/session`);
  await new Promise((resolve, reject) => {
    sock.once('open', resolve);
    sock.once('error', reject);
  });
  let lastId = 0;
  const pending = new Map();
  sock.on('message', (data) => {
    const m = JSON.parse(String(data));
    pending.get(m.id)?.(m);
    pending.delete(m.id);
  });
  /** One BiDi command; rejects with the error Firefox answers. */
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++lastId;
      pending.set(id, (m) => (m.type === 'error' ? reject(new Error(`${method}: ${m.error} ${m.message}`)) : resolve(m.result)));
      sock.send(JSON.stringify({ id, method, params }));
    });
  const close = async () => {
    sock.close();
    child.kill();
    await exited;
    await rm(profile, { recursive: true, force: true });
  };
  try {
    await send('session.new', { capabilities: {} });
    await send('webExtension.install', { extensionData: { type: 'path', path: EXTENSION } });
    const { contexts } = await send('browsingContext.getTree', {});
    return { send, context: contexts[0].context, openExtensionPage: (path) => openExtensionPage(send, path), close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Opens the extension page `path` in a new tab and resolves to its
 * browsing context. BiDi refuses to navigate a tab to moz-extension://, so
 * the browser window's own code opens it (the session has system access).
 */
async function openExtensionPage(send, path) {
  const url = `moz-extension://${ADDON_UUID}/${path}`;
  const { contexts } = await send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  await send('script.evaluate', {
    expression: `void gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() })`,
    target: { context: contexts[0].context },
    awaitPromise: false,
  });
  for (let i = 0; i < 100; i++) {
    const tree = await send('browsingContext.getTree', {});
    const tab = tree.contexts.find((c) => c.url === url);
    if (tab) return tab.context;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not open`);
}
