// Shared plumbing for the end-to-end tests (node:test + playwright-core + Debian's Chromium).
//
//   before(startEnv); after(stopEnv);
//   const { page, problems, close } = await openPage('/index.html', { width: 390 });
//   await waitDrawn(page);                       // every <trade-widget> has data-status="ready"
//   shadow(page, 'trade-widget[view=calculator]', 'select[name=flow]')   // a Locator inside the shadow root
//   await canvasInkFraction(page, 'trade-widget[view=timeline]', 'canvas[data-role=timeline]')
//
// Nothing is downloaded: the browser is /usr/bin/chromium (scripts/setup.sh test installs it).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { start } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS = path.join(ROOT, 'test-results');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Generous: two cores shared with other jobs, and a cold wasm compile.
export const TIMEOUT = 60_000;

/** The two widgets of the demo article and the test pages. */
export const CALC = 'trade-widget[view=calculator]';
export const TL = 'trade-widget[view=timeline]';

let env = null;

export async function startEnv() {
  if (env) return env;
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found; run scripts/setup.sh test`);
  }
  if (!fs.existsSync(path.join(ROOT, 'pkg', 'trade-widget.js'))) {
    throw new Error('pkg/trade-widget.js not found; run scripts/build.sh first');
  }
  fs.mkdirSync(RESULTS, { recursive: true });
  const { server, url } = await start(0);
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--no-first-run', '--disable-quic', '--disable-sync'],
    });
  } catch (e) {
    server.close();
    throw e;
  }
  env = { server, baseUrl: url, browser };
  return env;
}

export async function stopEnv() {
  if (!env) return;
  const { server, browser } = env;
  env = null;
  await browser.close().catch(() => {});
  server.closeAllConnections?.();
  await new Promise((resolve) => server.close(resolve));
}

/**
 * Open a page in a fresh browser context and record everything that went wrong on it.
 * @param {string} urlPath e.g. '/index.html'
 * @param {{width?: number, height?: number, colorScheme?: 'light'|'dark', lang?: string, deviceScaleFactor?: number, hasTouch?: boolean}} [opts]
 * @returns {Promise<{page: import('playwright-core').Page, context: import('playwright-core').BrowserContext,
 *   problems: {console: string[], page: string[], requests: string[]}, close: () => Promise<void>}>}
 */
export async function openPage(urlPath, { width = 1280, height = 900, colorScheme = 'light', lang = 'en-US', deviceScaleFactor = 1, hasTouch = false } = {}) {
  if (!env) throw new Error('startEnv() has not run (call it in before())');
  const context = await env.browser.newContext({
    viewport: { width, height },
    colorScheme,
    locale: lang,
    deviceScaleFactor,
    hasTouch,
  });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const problems = { console: [], page: [], requests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.console.push(msg.text());
  });
  page.on('pageerror', (err) => problems.page.push(String(err && err.stack || err)));
  page.on('requestfailed', (req) => {
    problems.requests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText || 'failed'}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.requests.push(`${res.request().method()} ${res.url()}: HTTP ${res.status()}`);
  });
  await page.goto(env.baseUrl + urlPath, { waitUntil: 'load' });
  return { page, context, problems, close: () => context.close() };
}

/** Fail with every recorded problem listed, if there is any. */
export function assertNoProblems(problems, where = '') {
  const lines = [
    ...problems.console.map((s) => `console error: ${s}`),
    ...problems.page.map((s) => `page error: ${s}`),
    ...problems.requests.map((s) => `failed request: ${s}`),
  ];
  assert.deepEqual(lines, [], `problems${where ? ' on ' + where : ''}:\n${lines.join('\n')}`);
}

/**
 * Wait until every element matching `selector` has data-status="ready".
 * Widgets may start lazily (IntersectionObserver), so each one is scrolled into view first.
 * Fails at once with the widget's own text when one reports data-status="error" (or "fallback":
 * the static no-wasm rendering, which is not "drawn" for these tests).
 */
export async function waitDrawn(page, selector = 'trade-widget', { timeout = TIMEOUT } = {}) {
  const hosts = page.locator(selector);
  await hosts.first().waitFor({ state: 'attached', timeout });
  const n = await hosts.count();
  const deadline = Date.now() + timeout;
  for (let i = 0; i < n; i++) {
    const host = hosts.nth(i);
    await host.scrollIntoViewIfNeeded({ timeout: Math.max(1000, deadline - Date.now()) }).catch(() => {});
    const handle = await host.elementHandle();
    const result = await page.waitForFunction((el) => {
      const status = el.getAttribute('data-status');
      if (status === 'error' || status === 'fallback') {
        const text = (el.shadowRoot ? el.shadowRoot.textContent : el.textContent) || '';
        return { error: `data-status="${status}": ` + (text.replace(/\s+/g, ' ').trim() || 'no message') };
      }
      return status === 'ready' ? { ok: true } : false;
    }, handle, { timeout: Math.max(1000, deadline - Date.now()), polling: 100 }).then((h) => h.jsonValue(), async (e) => {
      const status = await host.getAttribute('data-status').catch(() => null);
      throw new Error(`${selector} #${i}: not drawn within ${timeout} ms (data-status=${JSON.stringify(status)}): ${e.message.split('\n')[0]}`);
    });
    if (result.error) throw new Error(`${selector} #${i} reports an error: ${result.error}`);
  }
  // Let pending requestAnimationFrame redraws land before pixels or screenshots are read.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate(() => document.fonts && document.fonts.ready);
  return n;
}

/** A Locator for `innerSelector` inside the (open) shadow root of `hostSelector`. Playwright's CSS engine pierces open shadow roots. */
export function shadow(page, hostSelector, innerSelector) {
  return page.locator(hostSelector).locator(innerSelector);
}

/** Text of a locator with every run of whitespace (incl. U+00A0, U+202F) turned into one plain space. */
export function normalise(text) {
  return String(text ?? '').replace(/\s+/g, ' ').trim();
}

/** Poll until the locator's (normalised) text contains `expected`; fail with the last text seen. */
export async function waitForText(locator, expected, { timeout = 15_000 } = {}) {
  const want = normalise(expected);
  const deadline = Date.now() + timeout;
  let last = '';
  for (;;) {
    last = normalise(await locator.textContent({ timeout: Math.max(500, deadline - Date.now()) }).catch(() => ''));
    if (last.includes(want)) return last;
    if (Date.now() > deadline) {
      throw new assert.AssertionError({ message: `expected text containing "${want}", got "${last}"`, actual: last, expected: want, operator: 'includes' });
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const inkInPage = ([hostSelector, canvasSelector]) => {
  const host = document.querySelector(hostSelector);
  if (!host) throw new Error(`no element matches ${hostSelector}`);
  const root = host.shadowRoot || host;
  const canvases = canvasSelector ? [root.querySelector(canvasSelector)] : [...root.querySelectorAll('canvas')];
  return canvases.map((c, i) => {
    if (!c) throw new Error(`no ${canvasSelector} inside ${hostSelector}`);
    const role = c.getAttribute('data-role') || `canvas #${i}`;
    const { width, height } = c;
    if (!width || !height) return { role, width, height, fraction: 0 };
    const ctx = c.getContext('2d');
    if (!ctx) throw new Error(`${role}: no 2d context`);
    const d = ctx.getImageData(0, 0, width, height).data;
    const [r, g, b, a] = [d[0], d[1], d[2], d[3]];
    let differ = 0;
    for (let p = 0; p < d.length; p += 4) {
      if (d[p] !== r || d[p + 1] !== g || d[p + 2] !== b || d[p + 3] !== a) differ++;
    }
    return { role, width, height, fraction: differ / (width * height) };
  });
};

/** Fraction (0..1) of the canvas's pixels that differ from its top-left pixel (the background). */
export async function canvasInkFraction(page, hostSelector, canvasSelector) {
  const [one] = await page.evaluate(inkInPage, [hostSelector, canvasSelector]);
  return one.fraction;
}

/** The same for every canvas in the host's shadow root: [{role, width, height, fraction}]. */
export async function canvasInk(page, hostSelector) {
  return page.evaluate(inkInPage, [hostSelector, null]);
}

/** Is `innerSelector` (inside hostSelector's shadow root) the focused element? */
export async function focusedIs(page, hostSelector, innerSelector) {
  return page.evaluate(([h, s]) => {
    const host = document.querySelector(h);
    if (!host || document.activeElement !== host) return false;
    const active = host.shadowRoot && host.shadowRoot.activeElement;
    return !!active && active.matches(s);
  }, [hostSelector, innerSelector]);
}

/** Press Tab (then Shift+Tab) until `innerSelector` inside the widget has focus; keyboard only. */
export async function tabTo(page, hostSelector, innerSelector, { max = 60 } = {}) {
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < max; i++) {
      if (await focusedIs(page, hostSelector, innerSelector)) return;
      await page.keyboard.press(key);
    }
  }
  if (await focusedIs(page, hostSelector, innerSelector)) return;
  throw new Error(`could not reach ${hostSelector} ${innerSelector} with Tab / Shift+Tab`);
}

/** Screenshot path inside test-results/. */
export function resultPath(name) {
  fs.mkdirSync(RESULTS, { recursive: true });
  return path.join(RESULTS, name);
}

/**
 * Memory in use after a forced garbage collection, through the DevTools protocol (nothing is
 * exposed by the widget for it): the JS heap, and every WebAssembly.Memory on the page.
 * @returns {Promise<{js: number, jsTotal: number, wasm: number}>} bytes
 */
export async function memoryUse(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const { result: proto } = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.reduce((s, m) => s + m.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  return { js: heap.usedSize, jsTotal: heap.totalSize, wasm: result.value };
}

/**
 * In the page (pass to page.evaluate): `n` calculator inputs on the widget `sel`, each = set the
 * value field to a new number, fire 'input' (what typing does), then the widget's synchronous
 * redraw (quote, table, both charts). Returns the durations in ms when `timed`.
 */
export function calculatorInputs([sel, n, from, timed]) {
  const el = document.querySelector(sel);
  const input = el.shadowRoot.querySelector('input[name=value]');
  const times = timed ? new Array(n) : null;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    input.value = String(from + i * 37);
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el._tw.redraw();
    if (timed) times[i] = performance.now() - t0;
  }
  return times;
}
