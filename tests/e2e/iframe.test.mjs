// The iframe embed (issue 14): pkg/embed.html framed by a news page from the widget's CDN, the way a
// CMS frames it (sandbox="allow-scripts allow-same-origin allow-popups"), sized by its height messages.
//
// Host pages (www/pages/, no inline script or style): iframe-host.html (no CSP: the calculator, and
// one frame with values the widget cannot take), iframe-host-csp.html (a CSP without
// 'wasm-unsafe-eval'), pym-host.html (pym.js 1.3.2 from npm). The CDN is routed to this checkout
// (embed-helpers.mjs): the frame is cross-origin and on https.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startEnv, stopEnv, assertNoProblems, waitDrawn, ROOT, TIMEOUT } from './helpers.mjs';
import { CDN, SANDBOX, openHost, frameOf, waitSized, showFrame, waitReady } from './embed-helpers.mjs';

let env;
before(async () => { env = await startEnv(); });
after(stopEnv);

const embedUrl = (query) => `${CDN}/pkg/embed.html?${query}`;

/**
 * Scrolls the (lazy) iframe into view, waits for its widget to draw, and returns its frame with the
 * frame on screen (see showFrame).
 */
async function frameAt(page, iframeSelector, part) {
  await showFrame(page, iframeSelector);
  const frame = await frameOf(page, part);
  await waitReady(frame);
  await showFrame(page, iframeSelector);
  await waitDrawn(frame);
  return frame;
}

/** Opens the calculator's "Show the data" section inside the frame: the widget grows. */
async function openSection(frame) {
  const summary = frame.locator('trade-widget').locator('details.chart-data > summary').first();
  await summary.scrollIntoViewIfNeeded();
  await summary.click();
  await frame.waitForFunction(() => {
    const d = document.querySelector('trade-widget').shadowRoot.querySelector('details.chart-data');
    return d && d.open;
  });
}

test('host page without CSP: a cross-origin sandboxed iframe draws, and iframe-resizer.js follows it as it grows',
  { timeout: 4 * TIMEOUT }, async () => {
    const { page, problems, outside, close } = await openHost(env, '/www/pages/iframe-host.html');
    try {
      const frame = await frameAt(page, '#tw-calc', 'childId=tw-calc');
      assert.equal(await frame.evaluate(() => location.origin), CDN, 'the widget runs on its own origin');
      assert.equal(await page.locator('#tw-calc').getAttribute('sandbox'), SANDBOX);
      const first = await waitSized(page, frame, '#tw-calc', { above: 300 });
      await openSection(frame);
      const grown = await waitSized(page, frame, '#tw-calc', { above: first });
      assert.ok(grown > first + 50, `the frame grew with its content: ${first} → ${grown} px`);

      // Switching view through a new query: the frame loads again and is resized to the new content.
      await page.locator('#tw-calc').evaluate((f, src) => { f.src = src; }, embedUrl('view=both&lang=fr&childId=tw-calc'));
      const both = await frameAt(page, '#tw-calc', 'view=both');
      const bothH = await waitSized(page, both, '#tw-calc', { above: grown });
      assert.ok(bothH > grown, `view=both is taller than the calculator: ${bothH} > ${grown}`);
      assert.equal(await both.evaluate(() => document.documentElement.lang), 'fr');
      assert.deepEqual(outside, [], 'nothing requested outside this machine');
      assertNoProblems(problems, 'the host page and its frames');
    } finally {
      await close();
    }
  });

test('host page whose CSP forbids WebAssembly for itself: the iframe still draws, with its own policy',
  { timeout: 3 * TIMEOUT }, async () => {
    const { page, problems, close } = await openHost(env, '/www/pages/iframe-host-csp.html');
    try {
      const blocked = await page.evaluate(() => WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))
        .then(() => 'compiled', (e) => `blocked: ${e.message}`));
      assert.match(blocked, /^blocked/, 'the host page itself cannot compile WebAssembly');
      const frame = await frameAt(page, '#tw-tl', 'childId=tw-tl');
      const policy = await frame.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
      assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
      assert.doesNotMatch(policy, /'unsafe-inline'|\s'unsafe-eval'/, 'no inline script or style, no eval');
      await waitSized(page, frame, '#tw-tl', { above: 300 });
      // The host's own test compile above is the one thing its policy refused.
      problems.console = problems.console.filter((m) => !/WebAssembly|wasm-unsafe-eval|Content Security Policy/i.test(m));
      assertNoProblems(problems, 'the strict host page');
    } finally {
      await close();
    }
  });

test('pym.js 1.3.2 from npm on the host resizes the frame (pym v1 height messages keyed by childId)',
  { timeout: 4 * TIMEOUT }, async () => {
    assert.ok(fs.existsSync(path.join(ROOT, 'node_modules/pym.js/dist/pym.v1.min.js')), 'npm install (pym.js is a dev dependency)');
    const { page, problems, close } = await openHost(env, '/www/pages/pym-host.html');
    try {
      const sel = '#tw-pym iframe';
      const frame = await frameAt(page, sel, 'childId=tw-pym');
      assert.equal(await page.locator(sel).getAttribute('sandbox'), SANDBOX);
      const first = await waitSized(page, frame, sel, { above: 200 });
      // The widget grows: the reader opens a section, then the view changes (the widget re-mounts).
      await openSection(frame);
      const grown = await waitSized(page, frame, sel, { above: first });
      await frame.evaluate(() => document.querySelector('trade-widget').setAttribute('view', 'both'));
      await waitReady(frame);
      const both = await waitSized(page, frame, sel, { above: grown });
      assert.ok(both > grown, `${first} → ${grown} → ${both} px`);
      // What pym's Parent wrote: the height attribute, from the message it parsed.
      assert.equal(Math.round(parseFloat(await page.locator(sel).getAttribute('height'))), both);
      assertNoProblems(problems, 'the pym.js host page');
    } finally {
      await close();
    }
  });

test('values the widget cannot take are said in the frame, never a blank frame; unknown parameters are listed',
  { timeout: 3 * TIMEOUT }, async () => {
    const { page, close } = await openHost(env, '/www/pages/iframe-host.html');
    try {
      const frame = await frameAt(page, '#tw-bad', 'childId=tw-bad');
      const note = await frame.locator('[data-role=embed-note]').textContent();
      assert.match(note, /colour/);
      assert.doesNotMatch(note.split(':')[1].split('.')[0], /flow|theme/, 'known parameters go to the widget, not to the note');
      const text = await frame.locator('trade-widget').evaluate((el) => el.shadowRoot.textContent);
      assert.ok(text.length > 200, 'the frame shows the widget');
      await waitSized(page, frame, '#tw-bad', { above: 300 });
    } finally {
      await close();
    }
  });

test('links in the frame open in a new tab under the CMS sandbox; the article stays', { timeout: 3 * TIMEOUT }, async () => {
  const { page, context, outside, close } = await openHost(env, '/www/pages/iframe-host.html');
  try {
    const frame = await frameAt(page, '#tw-calc', 'childId=tw-calc');
    assert.equal(await frame.evaluate(() => document.querySelector('base').target), '_blank');
    const link = frame.locator('trade-widget').locator('a[href^="https://"]').first();
    assert.equal(await link.getAttribute('target'), '_blank');
    const href = await link.getAttribute('href');
    await link.scrollIntoViewIfNeeded();
    const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await popup.waitForLoadState('domcontentloaded');
    assert.equal(popup.url(), href, 'the source opened in a new tab');
    assert.match(page.url(), /iframe-host\.html$/, 'the article stays where it was');
    assert.ok(outside.includes(href));
  } finally {
    await close();
  }
});

test('pkg/iframe-resizer.js is a few hundred bytes, and both folders carry the embed files', () => {
  const buf = fs.readFileSync(path.join(ROOT, 'pkg/iframe-resizer.js'));
  const gz = zlib.gzipSync(buf, { level: 9 }).length;
  assert.ok(buf.length < 800, `iframe-resizer.js is ${buf.length} bytes minified`);
  assert.ok(gz < 500, `${gz} bytes gzip`);
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'pkg/package.json'), 'utf8')).version;
  for (const f of ['embed.html', 'embed.js', 'iframe-resizer.js']) {
    for (const dir of ['pkg', `pkg/v${version}`]) {
      assert.ok(fs.existsSync(path.join(ROOT, dir, f)), `${dir}/${f}`);
    }
  }
  const html = fs.readFileSync(path.join(ROOT, 'pkg/embed.html'), 'utf8');
  assert.doesNotMatch(html, /__TW_[A-Z_]+__/, 'every placeholder of www/embed.html is filled');
  assert.doesNotMatch(html, /<script>(?!<\/script>)|<style|\sstyle=/, 'no inline script or style (the page\'s CSP allows none)');
});
