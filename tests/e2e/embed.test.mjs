// Embedding (issue 6): one script tag on any news page, any number of widgets, nothing leaks in or out.
//
// Pages (www/pages/, no inline <script> or <style>, so the /csp/ prefixes of scripts/serve.mjs reuse them):
//   two-scripts.html   two widgets, two copies of the script tag
//   plain.html         the article's two embeds on a neutral page; hostile.html: the same with hostile global CSS
//   blank.html         loads nothing: the globals of an empty page
//   broken-data.html   one widget with an invalid inline dataset, one without, and a page script
//   scrolly.html       scrollytelling: steps drive a sticky <trade-widget view="both"> through setState
//
// Nothing here waits for a fixed time: every wait is for something a reader would see (a status, a text,
// pixels) or for animation frames, with TIMEOUT only as the limit for failing.
//
// TW_MEASURE=1 node --test --test-name-pattern="reserved height" tests/e2e/embed.test.mjs
//   measures the widget at every width from 220 to 1240 px and prints the HEIGHTS table for www/boot.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startEnv, stopEnv, assertNoProblems, waitDrawn, shadow, waitForText, normalise, canvasInk,
  resultPath, ROOT, TIMEOUT, CALC, TL,
} from './helpers.mjs';

let env;
before(async () => { env = await startEnv(); });
after(stopEnv);

const MIN_INK = 0.005;

/**
 * Like helpers.openPage, plus what these tests need before the page loads: JavaScript off, init scripts,
 * routes, every request and every console message (any type).
 */
async function open(urlPath, { width = 1280, height = 900, javaScriptEnabled = true, init = null, setup = null } = {}) {
  const context = await env.browser.newContext({
    viewport: { width, height }, colorScheme: 'light', locale: 'en-US', deviceScaleFactor: 1, javaScriptEnabled,
  });
  context.setDefaultTimeout(TIMEOUT);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const problems = { console: [], page: [], requests: [] };
  const messages = [];
  const requests = [];
  page.on('console', (msg) => {
    messages.push({ type: msg.type(), text: msg.text() });
    if (msg.type() === 'error') problems.console.push(msg.text());
  });
  page.on('pageerror', (err) => problems.page.push(String(err && err.stack || err)));
  page.on('request', (req) => requests.push(req.url()));
  page.on('requestfailed', (req) => {
    problems.requests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText || 'failed'}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.requests.push(`${res.request().method()} ${res.url()}: HTTP ${res.status()}`);
  });
  if (setup) await setup(page);
  const response = await page.goto(env.baseUrl + urlPath, { waitUntil: 'load' });
  return { page, context, response, problems, messages, requests, close: () => context.close() };
}

const frames = (page, n = 2) => page.evaluate((n) => new Promise((resolve) => {
  const step = (k) => (k === 0 ? resolve() : requestAnimationFrame(() => step(k - 1)));
  step(n);
}), n);

/** Scroll each match into view and wait until it reports `status` (data-status); fail with its text otherwise. */
async function waitStatus(page, selector, status) {
  const hosts = page.locator(selector);
  await hosts.first().waitFor({ state: 'attached' });
  for (let i = 0; i < await hosts.count(); i++) {
    const host = hosts.nth(i);
    await host.scrollIntoViewIfNeeded();
    await page.waitForFunction(([el, want]) => el.getAttribute('data-status') === want, [await host.elementHandle(), status],
      { polling: 100, timeout: TIMEOUT }).catch(async () => {
      const got = await host.getAttribute('data-status');
      const text = normalise(await host.evaluate((el) => (el.shadowRoot || el).textContent));
      throw new Error(`${selector} #${i}: data-status=${JSON.stringify(got)}, want "${status}": ${text.slice(0, 300)}`);
    });
  }
}

/** Own property names of window (Object.keys and the non-enumerable ones). */
const windowNames = (page) => page.evaluate(() => [...new Set([...Object.keys(window), ...Object.getOwnPropertyNames(window)])]);

/** Names a page gained over blank.html (loads nothing), opened in the same kind of context. */
async function addedGlobals(page) {
  const blank = await open('/www/pages/blank.html');
  try {
    const base = new Set(await windowNames(blank.page));
    return (await windowNames(page)).filter((n) => !base.has(n)).sort();
  } finally {
    await blank.close();
  }
}

// ---- one script tag, twice ------------------------------------------------------------------------------

test('two copies of the script tag: both widgets draw, the wasm is fetched once, one global', { timeout: 3 * TIMEOUT }, async () => {
  const { page, problems, requests, close } = await open('/www/pages/two-scripts.html');
  try {
    assert.equal(await page.locator('script[src*="trade-widget.js"]').count(), 2, 'the page has two copies of the script tag');
    assert.equal(await waitDrawn(page), 2);
    for (const host of [CALC, TL]) {
      for (const c of await canvasInk(page, host)) {
        assert.ok(c.fraction > MIN_INK, `${host} ${c.role}: only ${(c.fraction * 100).toFixed(2)} % drawn`);
      }
    }
    const wasm = requests.filter((u) => new URL(u).pathname.endsWith('.wasm'));
    assert.equal(wasm.length, 1, `the wasm was requested ${wasm.length} times: ${wasm.join(', ')}`);
    const api = await page.evaluate(() => ({
      type: typeof window.TradeWidget,
      version: window.TradeWidget && window.TradeWidget.version,
      glue: typeof window.wasm_bindgen,
      defined: !!customElements.get('trade-widget'),
    }));
    assert.deepEqual(api, { type: 'object', version: api.version, glue: 'undefined', defined: true });
    assert.match(String(api.version), /^\d+\.\d+\.\d+/);
    assert.deepEqual(await addedGlobals(page), ['TradeWidget'], 'globals the widget added to the page');
    assertNoProblems(problems, 'two-scripts.html');
  } finally {
    await close();
  }
});

// ---- a hostile page ------------------------------------------------------------------------------------

/** Records, after DOMContentLoaded, every change to the page's own (light) DOM but the host's attributes. */
function recordPageMutations() {
  const log = [];
  Object.defineProperty(window, '__twTestMutations', { value: log });
  const name = (n) => (n.nodeType === 1 ? n.localName + (n.id ? '#' + n.id : '') + (n.className ? '.' + n.className : '') : n.nodeName);
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'childList') {
          r.addedNodes.forEach((n) => log.push(`added ${name(n)} to ${name(r.target)}`));
          r.removedNodes.forEach((n) => log.push(`removed ${name(n)} from ${name(r.target)}`));
        } else if (!(r.target.localName === 'trade-widget' && (r.attributeName === 'style' || r.attributeName.startsWith('data-')))) {
          log.push(`attribute ${r.attributeName} on ${name(r.target)}`);
        }
      }
    }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

/** Pixels (of the same size) that differ by more than `tolerance` in a channel, decoded in the browser. */
function pixelDiff(page, pngA, pngB, tolerance = 24) {
  return page.evaluate(async ([a, b, tolerance]) => {
    const decode = async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(bmp, 0, 0);
      return { w: bmp.width, h: bmp.height, d: ctx.getImageData(0, 0, bmp.width, bmp.height).data };
    };
    const [A, B] = [await decode(a), await decode(b)];
    if (A.w !== B.w || A.h !== B.h) return { sameSize: false, a: `${A.w}x${A.h}`, b: `${B.w}x${B.h}` };
    let differ = 0;
    for (let p = 0; p < A.d.length; p += 4) {
      if (Math.abs(A.d[p] - B.d[p]) > tolerance || Math.abs(A.d[p + 1] - B.d[p + 1]) > tolerance
        || Math.abs(A.d[p + 2] - B.d[p + 2]) > tolerance) differ++;
    }
    return { sameSize: true, size: `${A.w}x${A.h}`, fraction: differ / (A.w * A.h) };
  }, [pngA.toString('base64'), pngB.toString('base64'), tolerance]);
}

test('hostile page CSS changes nothing in the widgets, and the widgets change nothing on the page', { timeout: 4 * TIMEOUT }, async () => {
  const plain = await open('/www/pages/plain.html');
  const hostile = await open('/www/pages/hostile.html', { init: recordPageMutations });
  try {
    // The hostile rules are in force on the page itself.
    assert.equal(await hostile.page.evaluate(() => getComputedStyle(document.body).fontSize), '40px', 'hostile.css is not applied');
    for (const p of [plain, hostile]) assert.equal(await waitDrawn(p.page), 2);

    for (const [host, name] of [[CALC, 'calculator'], [TL, 'timeline']]) {
      const a = await plain.page.locator(host).screenshot({ path: resultPath(`embed-plain-${name}.png`) });
      const b = await hostile.page.locator(host).screenshot({ path: resultPath(`embed-hostile-${name}.png`) });
      const d = await pixelDiff(plain.page, a, b);
      assert.ok(d.sameSize, `${name}: ${d.a} on the plain page, ${d.b} on the hostile page (test-results/embed-*-${name}.png)`);
      assert.ok(d.fraction < 0.01,
        `${name} (${d.size}): ${(d.fraction * 100).toFixed(2)} % of the pixels differ between plain.html and hostile.html (test-results/embed-*-${name}.png)`);
    }

    // Nothing added to the page: no stylesheet, no style element, no inline style but the hosts' own
    // --tw-* custom properties, no element, no global beyond TradeWidget.
    const css = await hostile.page.evaluate(() => ({
      sheets: [...document.styleSheets].map((s) => (s.ownerNode ? s.ownerNode.localName + ' ' + (s.href || '') : 'constructed')),
      adopted: document.adoptedStyleSheets.length,
      styleElements: document.querySelectorAll('style').length,
      inline: [...document.querySelectorAll('[style]')].map((el) => ({
        el: el.localName, props: [...el.style].filter((p) => !(el.localName === 'trade-widget' && p.startsWith('--tw-'))),
      })).filter((x) => x.props.length),
    }));
    assert.deepEqual(css.sheets.map((s) => s.replace(/ .*\//, ' ')), ['link embed-page.css', 'link hostile.css'], 'stylesheets of the page');
    assert.equal(css.adopted, 0, 'document.adoptedStyleSheets');
    assert.equal(css.styleElements, 0, '<style> elements in the page');
    assert.deepEqual(css.inline, [], 'inline styles set on the page');
    assert.deepEqual(await hostile.page.evaluate(() => window.__twTestMutations), [], 'changes to the page\'s own DOM');
    assert.deepEqual((await addedGlobals(hostile.page)).filter((n) => n !== '__twTestMutations'), ['TradeWidget'],
      'globals the widget added to the page');
    assertNoProblems(plain.problems, 'plain.html');
    assertNoProblems(hostile.problems, 'hostile.html');
  } finally {
    await plain.close();
    await hostile.close();
  }
});

// ---- Content-Security-Policy ---------------------------------------------------------------------------

function recordViolations() {
  const log = [];
  Object.defineProperty(window, '__twTestViolations', { value: log });
  document.addEventListener('securitypolicyviolation', (e) => {
    log.push(`${e.effectiveDirective || e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample || ''}`.trim());
  }, true);
}

for (const urlPath of ['/csp/index.html', '/csp/www/pages/two-scripts.html']) {
  test(`strict CSP with 'wasm-unsafe-eval' (${urlPath}): both widgets draw, no violation`, { timeout: 3 * TIMEOUT }, async () => {
    const { page, response, problems, close } = await open(urlPath, { init: recordViolations });
    try {
      const header = response.headers()['content-security-policy'] || '';
      assert.match(header, /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/, 'the server did not send the policy');
      assert.equal(await waitDrawn(page), 2);
      for (const host of [CALC, TL]) {
        for (const c of await canvasInk(page, host)) assert.ok(c.fraction > MIN_INK, `${host} ${c.role}: not drawn`);
      }
      assert.deepEqual(await page.evaluate(() => window.__twTestViolations), [], 'securitypolicyviolation events');
      assertNoProblems(problems, urlPath);
    } finally {
      await close();
    }
  });
}

test('CSP without \'wasm-unsafe-eval\': the static fallback, and one console message that says what to add', { timeout: 3 * TIMEOUT }, async () => {
  const { page, problems, messages, close } = await open('/csp-nowasm/index.html');
  try {
    await waitStatus(page, 'trade-widget', 'fallback');
    const table = shadow(page, CALC, 'table');
    await table.first().waitFor({ state: 'visible' });
    const text = normalise(await table.first().textContent());
    assert.ok(text.includes('106.1'), `the fallback table lacks 106.1: "${text.slice(0, 200)}"`);
    assert.ok(await shadow(page, TL, '.tw-fallback').first().isVisible(), 'the timeline shows no fallback');

    const naming = messages.filter((m) => m.text.includes('wasm-unsafe-eval'));
    assert.equal(naming.length, 1, `console messages naming 'wasm-unsafe-eval': ${JSON.stringify(messages)}`);
    assert.match(naming[0].text, /Content-Security-Policy/);
    assert.match(naming[0].text, /'wasm-unsafe-eval'.*script-src|script-src.*'wasm-unsafe-eval'/);
    assert.deepEqual(problems.console, [naming[0].text], 'console errors');
    assert.deepEqual(problems.page, [], 'uncaught errors');
    assert.deepEqual(problems.requests, [], 'failed requests');
  } finally {
    await close();
  }
});

// ---- no JavaScript, print ------------------------------------------------------------------------------

/** 6.1 as a number of its own (not the end of 106.1, nor 6.15). */
const SIX_ONE = /(^|[^\d.,])6\.1(?!\d)/;

test('JavaScript off: the <noscript> table of rates before and after the deal', { timeout: 2 * TIMEOUT }, async () => {
  const { page, requests, close } = await open('/index.html', { javaScriptEnabled: false });
  try {
    const table = page.locator(`${CALC} table`).first();
    await table.waitFor({ state: 'visible' });
    const text = normalise(await table.textContent());
    assert.ok(text.includes('106.1'), `no 106.1 in the table: "${text}"`);
    assert.match(text, SIX_ONE, 'no 6.1 % in the table');
    assert.deepEqual(requests.filter((u) => /\.wasm|trade-widget\.js/.test(u)), [], 'widget files fetched with JavaScript off');
  } finally {
    await close();
  }
});

test('print: the static table instead of the controls', { timeout: 3 * TIMEOUT }, async () => {
  const { page, problems, requests, close } = await open('/index.html');
  try {
    await waitDrawn(page);
    const copy = shadow(page, CALC, '.tw-print');
    assert.equal(await copy.count(), 1, 'the calculator has no print copy of its <noscript> content');
    assert.equal(await copy.isVisible(), false, 'the print copy shows on screen');
    assert.ok(await shadow(page, CALC, 'select[name=flow]').isVisible(), 'the flow control is hidden on screen');

    await page.emulateMedia({ media: 'print' });
    const table = shadow(page, CALC, '.tw-print table').first();
    assert.ok(await table.isVisible(), 'the fallback table is not visible in print');
    const text = normalise(await table.textContent());
    assert.ok(text.includes('106.1') && SIX_ONE.test(text), `the printed table lacks the rates: "${text.slice(0, 200)}"`);
    assert.ok(await shadow(page, TL, '.tw-print').isVisible(), 'the timeline prints no static version');
    for (const [host, inner] of [[CALC, 'select[name=flow]'], [CALC, 'input[name=value]'], [CALC, 'input[name=date]'],
      [CALC, 'button[data-preset]'], [TL, '.toolbar'], [TL, 'button[data-action=fit]']]) {
      assert.equal(await shadow(page, host, inner).first().isVisible(), false, `${host} ${inner} is visible in print`);
    }
    // The real print path: the copy's images are lazy (nothing fetched on screen), and printing loads them.
    const pictures = await shadow(page, TL, '.tw-print img').count();
    await page.pdf({ path: resultPath('embed-print.pdf') });
    if (pictures) assert.ok(requests.some((u) => /timeline\.svg/.test(u)), 'printing did not load the fallback timeline picture');

    await page.emulateMedia({ media: 'screen' });
    assert.equal(await copy.isVisible(), false, 'the print copy stays visible after printing');
    assert.ok(await shadow(page, CALC, 'select[name=flow]').isVisible(), 'the controls do not come back after printing');
    assertNoProblems(problems, 'index.html in print');
  } finally {
    await close();
  }
});

// ---- no request after load -----------------------------------------------------------------------------

/** A cheap fingerprint of a canvas's pixels. */
const canvasHash = (page, host, canvas) => page.evaluate(([h, c]) => {
  const el = document.querySelector(h).shadowRoot.querySelector(c);
  const d = el.getContext('2d').getImageData(0, 0, el.width, el.height).data;
  let x = 0;
  for (let i = 0; i < d.length; i += 4) x = (Math.imul(x, 31) + d[i] + d[i + 1] * 3 + d[i + 2] * 7) | 0;
  return x;
}, [host, canvas]);

test('no request after load: using both widgets fetches nothing', { timeout: 3 * TIMEOUT }, async () => {
  const { page, problems, requests, close } = await open('/index.html');
  try {
    await waitDrawn(page);
    await frames(page);
    const before = requests.length;
    const entries = await page.evaluate(() => performance.getEntriesByType('resource').length);

    // The calculator: a value, a flow, a date.
    const summary = shadow(page, CALC, '[data-role=summary]');
    await shadow(page, CALC, 'select[name=flow]').selectOption('cn-ev-to-ca');
    await shadow(page, CALC, 'select[name=currency]').selectOption('CAD');
    await shadow(page, CALC, 'input[name=value]').fill('12345');
    await waitForText(summary, 'C$12,345.00');
    await shadow(page, CALC, 'input[name=date]').fill('2025-06-01');
    await waitForText(summary, 'June 1, 2025');
    await shadow(page, CALC, 'select[name=flow]').selectOption('ca-pork-to-cn');
    await waitForText(summary, 'pork');

    // The timeline: drag to pan, then zoom in, then open the first event of the list view.
    const canvas = shadow(page, TL, 'canvas[data-role=timeline]');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    const h0 = await canvasHash(page, TL, 'canvas[data-role=timeline]');
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.7, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.4, y, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(([h, c, h0]) => {
      const el = document.querySelector(h).shadowRoot.querySelector(c);
      const d = el.getContext('2d').getImageData(0, 0, el.width, el.height).data;
      let x = 0;
      for (let i = 0; i < d.length; i += 4) x = (Math.imul(x, 31) + d[i] + d[i + 1] * 3 + d[i + 2] * 7) | 0;
      return x !== h0;
    }, [TL, 'canvas[data-role=timeline]', h0], { polling: 'raf' }).catch(() => {
      throw new Error('dragging the timeline did not move it');
    });
    await shadow(page, TL, 'button[data-action=zoom-in]').click();
    await frames(page);

    assert.deepEqual(requests.slice(before), [], 'requests made while the reader used the widgets');
    // The print copy of the <noscript> fallback (its timeline picture) costs nothing until printed.
    assert.deepEqual(requests.filter((u) => /\.(svg|png|jpe?g|webp)(\?|$)/.test(u)), [], 'fallback images fetched on screen');
    assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').length), entries, 'resource timing entries');
    assertNoProblems(problems, 'index.html while used');
  } finally {
    await close();
  }
});

// ---- an error in one widget ----------------------------------------------------------------------------

test('invalid inline data: that widget shows the validator\'s message, the other draws, the page\'s script runs', { timeout: 3 * TIMEOUT }, async () => {
  const { page, problems, close } = await open('/www/pages/broken-data.html');
  try {
    await waitStatus(page, '#broken', 'error');
    const alert = shadow(page, '#broken', '[role=alert]');
    assert.ok(await alert.isVisible(), 'the error box is not visible');
    const text = normalise(await alert.textContent());
    for (const want of ['test-insecure-source', 'http://example.org/levy', 'https://', 'test-event-without-french', 'French']) {
      assert.ok(text.includes(want), `the error box does not say "${want}": "${text}"`);
    }
    assert.equal(await waitDrawn(page, '#good'), 1);
    for (const c of await canvasInk(page, '#good')) assert.ok(c.fraction > MIN_INK, `#good ${c.role}: not drawn`);

    await page.waitForFunction(() => document.body.getAttribute('data-page-script') === 'ran', null, { polling: 100 })
      .catch(() => { throw new Error('the page\'s own script did not run after the widget\'s error'); });
    assert.equal(await page.locator('body').getAttribute('data-page-errors'), '0', 'errors that reached the page');
    assert.deepEqual(problems.page, [], 'uncaught errors');
    assert.deepEqual(problems.requests, [], 'failed requests');
    // The loader logs the widget's error once, and nothing else fails.
    assert.equal(problems.console.length, 1, `console errors: ${JSON.stringify(problems.console)}`);
    assert.match(problems.console[0], /^\[trade-widget\].*test-insecure-source/s);
  } finally {
    await close();
  }
});

// ---- scrollytelling ------------------------------------------------------------------------------------

const STEPS = [
  [1, ['(6.1%)', 'September 30, 2024']],
  [2, ['(106.1%)', 'June 1, 2025']],
  [3, ['(6.1%)', 'March 2, 2026', 'inside the quota']],
  [4, ['(84.8%)', 'September 1, 2025', 'canola seed']],
  [5, ['(14.9%)', 'March 15, 2026', 'canola seed']],
  [2, ['(106.1%)', 'June 1, 2025']], // and back up
];

for (const width of [1280, 390]) {
  test(`scrollytelling at ${width} px: the sticky widget follows each step`, { timeout: 4 * TIMEOUT }, async () => {
    const { page, problems, close } = await open('/www/pages/scrolly.html', { width, height: width > 800 ? 900 : 800 });
    try {
      const W = '#scrolly-widget';
      assert.equal(await waitDrawn(page, W), 1);
      const summary = shadow(page, W, '[data-role=summary]');
      for (const [n, wants] of STEPS) {
        await page.locator(`[data-step="${n}"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await page.waitForFunction((n) => document.body.getAttribute('data-active-step') === String(n), n, { polling: 'raf' })
          .catch(() => { throw new Error(`step ${n} centred but not reported active`); });
        for (const want of wants) await waitForText(summary, want);
        // The reader sees it: the widget is on screen next to (or behind) the step.
        const onScreen = await page.locator(W).evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.bottom > 0 && r.top < innerHeight;
        });
        assert.ok(onScreen, `step ${n}: the sticky widget is off screen`);
      }
      await page.screenshot({ path: resultPath(`embed-scrolly-${width}.png`) });
      assertNoProblems(problems, `scrolly.html at ${width} px`);
    } finally {
      await close();
    }
  });
}

// ---- layout shift --------------------------------------------------------------------------------------

// Worst case first: the wasm is held back until the reader has scrolled the widget's placeholder into
// view, bottom edge and the paragraph after it included, and only then arrives. The widget mounts in
// front of the reader; nothing may move. Then the rest of the article is scrolled through.
for (const width of [1280, 390]) {
  for (const held of [CALC, TL]) {
    test(`layout shift at ${width} px, wasm arriving with ${held} in view: CLS 0`, { timeout: 3 * TIMEOUT }, async () => {
      let release;
      const gate = new Promise((r) => { release = r; });
      const { page, problems, close } = await open('/index.html', {
        width, height: 900,
        setup: (p) => p.route('**/*.wasm', async (route) => { await gate; await route.continue(); }),
      });
      try {
        await page.evaluate(() => {
          Object.defineProperty(window, '__twTestShifts', { value: [] });
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) {
              window.__twTestShifts.push({
                value: e.value, input: e.hadRecentInput,
                sources: (e.sources || []).map((s) => `${s.node ? (s.node.localName || s.node.nodeName) + (s.node.className ? '.' + s.node.className : '') : '?'} y ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)} h ${Math.round(s.previousRect.height)}→${Math.round(s.currentRect.height)}`),
              });
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        const scrollStep = async (target) => page.evaluate(async (target) => {
          const y = Math.min(target, document.documentElement.scrollHeight - innerHeight);
          window.scrollTo(0, y);
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          return window.scrollY;
        }, target);

        // Scroll down half a screen at a time until the held widget's bottom edge is two thirds down the screen.
        const target = await page.locator(held).evaluate((el) => {
          const r = el.getBoundingClientRect();
          return Math.max(0, scrollY + r.bottom - innerHeight * 0.66);
        });
        for (let y = 0; ; y = Math.min(y + 450, target)) {
          await scrollStep(y);
          if (y >= target) break;
        }
        const at = await page.locator(held).evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { status: el.getAttribute('data-status'), top: r.top, bottom: r.bottom, vh: innerHeight };
        });
        assert.equal(at.status, 'loading', `${held} should still be waiting for the wasm`);
        assert.ok(at.bottom > 0 && at.bottom < at.vh, `the placeholder's bottom edge is not in view: ${JSON.stringify(at)}`);

        release();
        await waitStatus(page, held, 'ready'); // already in view: waitStatus does not scroll
        await frames(page);
        const afterMount = await page.evaluate(() => window.__twTestShifts.slice());

        // Then read on to the end of the article.
        for (;;) {
          const y = await page.evaluate(() => window.scrollY);
          const end = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
          if (y >= end - 1) break;
          await scrollStep(y + 450);
        }
        await waitDrawn(page); // every widget drawn (scrolls back to each: not a layout shift)
        await frames(page);
        const shifts = (await page.evaluate(() => window.__twTestShifts.slice())).filter((s) => !s.input);
        const cls = shifts.reduce((a, s) => a + s.value, 0);
        assert.equal(cls, 0, `cumulative layout shift ${cls.toFixed(4)} (at mount: ${JSON.stringify(afterMount)}):\n${JSON.stringify(shifts, null, 1)}`);
        assertNoProblems(problems, `index.html at ${width} px`);
      } finally {
        release();
        await close();
      }
    });
  }
}

// The reservation (boot.js HEIGHTS) against the mounted widget, at article widths: never shorter (the
// article would jump), and not much taller than the tallest widget at that width (a gap under it).
const FLOWS = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'canada-china.json'), 'utf8')).flows.map((f) => f.id);

async function measure(page, view, lang, flows, widths) {
  const out = [];
  for (const flow of flows) {
    // A fresh page for each flow: taking widgets out of a page is another test's business (below).
    await page.goto(env.baseUrl + '/www/pages/blank.html');
    await page.addScriptTag({ url: '/pkg/trade-widget.js' });
    out.push(...await page.evaluate(async ([view, lang, flow, widths]) => {
      // Far below the fold, so the hosts reserve their height and wait; then mount them one by one.
      document.body.insertAdjacentHTML('beforeend', '<div style="height:4000px"></div>' + widths.map((w) => `<section style="width:${w}px;margin:0;padding:0">`
        + `<trade-widget view="${view}" lang="${lang}"${flow ? ` flow="${flow}"` : ''}></trade-widget></section>`).join(''));
      const els = [...document.querySelectorAll('trade-widget')];
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const reserved = els.map((el) => parseFloat(el.style.getPropertyValue('--tw-reserved')));
      for (const el of els) { el.scrollIntoView(); await el.ready; }
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return els.map((el, i) => ({
        view, lang, flow, width: widths[i], reserved: reserved[i],
        height: Math.ceil(el.shadowRoot.querySelector('.tw').getBoundingClientRect().height),
      }));
    }, [view, lang, flow, widths]));
  }
  return out;
}

test('reserved height: at least the mounted height at each width, and not much more', { timeout: 10 * TIMEOUT }, async () => {
  const { page, problems, close } = await open('/www/pages/blank.html', { width: 1400 });
  try {
    if (process.env.TW_MEASURE) {
      const widths = [];
      for (let w = 220; w <= 1240; w += 20) widths.push(w);
      const rows = [...await measure(page, 'calculator', 'en', FLOWS, widths), ...await measure(page, 'calculator', 'fr', FLOWS, widths),
        ...await measure(page, 'timeline', 'en', [null], widths), ...await measure(page, 'timeline', 'fr', [null], widths)];
      for (const view of ['calculator', 'timeline']) {
        const max = widths.map((w) => Math.max(...rows.filter((r) => r.view === view && r.width === w).map((r) => r.height)));
        const bound = max.map((h, i) => Math.max(h, max[i + 1] ?? h)); // covers a bump between two samples
        const kept = [];
        bound.forEach((h, i) => {
          const last = kept[kept.length - 1];
          if (!last || h > last[1] || last[1] - h >= 40) kept.push([widths[i], h]);
        });
        console.log(`    ${view}: ${JSON.stringify(kept).replace(/\],\[/g, '], [')},`);
      }
      return;
    }
    const widths = [280, 350, 520, 640, 720, 1000];
    const rows = [
      ...await measure(page, 'calculator', 'en', FLOWS, [350, 720]),
      ...await measure(page, 'calculator', 'en', ['cn-ev-to-ca'], widths),
      ...await measure(page, 'calculator', 'fr', ['cn-ev-to-ca'], widths),
      ...await measure(page, 'timeline', 'en', [null], widths),
      ...await measure(page, 'timeline', 'fr', [null], widths),
      ...await measure(page, 'both', 'fr', ['cn-ev-to-ca'], [350, 720]),
    ];
    const short = rows.filter((r) => !(r.height <= r.reserved));
    const fmt = (r) => `${r.view} ${r.lang} ${r.flow || ''} at ${r.width} px: reserved ${r.reserved}, mounted ${r.height}`;
    const hint = 'measure again: TW_MEASURE=1 node --test --test-name-pattern="reserved height" tests/e2e/embed.test.mjs, and update HEIGHTS in www/boot.js';
    assert.deepEqual(short.map(fmt), [], `the reservation is shorter than the widget (the article jumps); ${hint}`);
    // The tallest widget at a width: the first flow (the tallest, and the default) in the longer language.
    const tallest = (r) => Math.max(...rows.filter((o) => o.view === r.view && o.width === r.width).map((o) => o.height));
    const wasteful = rows.filter((r) => r.reserved > tallest(r) * 1.15 + 24);
    assert.deepEqual(wasteful.map(fmt), [], `the reservation is much taller than the tallest widget; ${hint}`);
    assertNoProblems(problems, 'the measuring page');
  } finally {
    await close();
  }
});

// A page that removes a widget (a single-page app moving on, an editor's preview) must not get an
// uncaught exception, even when the widget had a frame to draw.
test('removing a widget that has a frame pending throws nothing on the page', {
  timeout: 2 * TIMEOUT,
}, async () => {
  const { page, problems, close } = await open('/www/pages/plain.html');
  try {
    await waitDrawn(page);
    await page.evaluate(async (sel) => {
      const el = document.querySelector(sel);
      el.shadowRoot.querySelector('button[data-action=zoom-in]').click(); // schedules a frame
      el.remove(); // disconnectedCallback: destroy()
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }, TL);
    await waitDrawn(page, CALC); // the other widget is unaffected
    assertNoProblems(problems, 'plain.html after removing the timeline');
  } finally {
    await close();
  }
});

// Lazy: the module is fetched only when a widget comes near the viewport.
// The page's stylesheet (which makes the widget far below) arrives late on purpose: an async script
// can define the element before the page's CSS is in, when layout still puts the widget near the top.
test('a widget far below the fold fetches nothing until the reader scrolls near it', { timeout: 2 * TIMEOUT }, async () => {
  const slowCss = async (page) => page.route('**/below-fold.css', async (route) => {
    await new Promise((r) => setTimeout(r, 600));
    await route.continue();
  });
  const { page, problems, close } = await open('/www/pages/below-fold.html', { setup: slowCss });
  try {
    const wasmRequests = () => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length);
    await page.waitForFunction(() => customElements.get('trade-widget') !== undefined);
    await page.waitForTimeout(500);
    assert.equal(await wasmRequests(), 0, 'the module was fetched before the widget came near the viewport');
    assert.equal(await page.locator('trade-widget').getAttribute('data-status'), 'loading');
    await page.locator('trade-widget').scrollIntoViewIfNeeded();
    await waitDrawn(page);
    assert.equal(await wasmRequests(), 1, 'fetched once, when needed');
    assertNoProblems(problems, 'below-fold.html');
  } finally {
    await close();
  }
});
