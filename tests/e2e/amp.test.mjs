// The AMP embed (issue 14): the builder's <amp-iframe> snippet on an AMP page. The AMP runtime cannot be
// loaded here, so www/pages/amp-host.js stands in for it: it checks the element as AMP's validator and
// runtime do, frames embed.html from the CDN (cross-origin, sandboxed) and resizes it on the frame's
// `embed-size` messages, or shows the `overflow` element when the frame is on screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, stopEnv, assertNoProblems, TIMEOUT } from './helpers.mjs';
import { CDN, openHost, frameOf, waitReady, showFrame } from './embed-helpers.mjs';

let env;
before(async () => { env = await startEnv(); });
after(stopEnv);

/** The frame's content height and the amp-iframe's height. */
async function sizes(page, frame) {
  const inner = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  const outer = await page.locator('#tw-amp').evaluate((el) => el.getBoundingClientRect().height);
  return { inner, outer };
}

async function waitFor(fn, what) {
  const deadline = Date.now() + TIMEOUT;
  let last;
  for (;;) {
    last = await fn();
    if (last.ok) return last;
    if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('the AMP snippet: valid for amp-iframe, framed cross-origin, resized by embed-size messages of the shape AMP documents',
  { timeout: 4 * TIMEOUT }, async () => {
    const { page, problems, outside, close } = await openHost(env, '/www/pages/amp-host.html', { width: 800, height: 900 });
    try {
      const frame = await frameOf(page, `${CDN}/pkg/embed.html`);
      await waitReady(frame);
      assert.deepEqual(await page.evaluate(() => window.ampProblems), [], 'what AMP requires of the element');
      const iframe = page.locator('#tw-amp > iframe');
      assert.equal(await iframe.getAttribute('sandbox'), 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
      assert.notEqual(await frame.evaluate(() => location.origin), new URL(env.baseUrl).origin, 'cross-origin');

      // Out of view (the page is at its top, the embed 1,000 px down), the first height is applied.
      const first = await waitFor(async () => {
        const s = await sizes(page, frame);
        return { ...s, ok: Math.abs(s.inner - s.outer) <= 1 };
      }, 'the amp-iframe takes the frame\'s height');

      // The fallback picture stood in for the frame until its first size.
      const placeholder = page.locator('#tw-amp > img[placeholder]');
      assert.match(await placeholder.getAttribute('src'), /\/calculator-cn-ev-to-ca-en\.png$/);
      assert.ok(await placeholder.evaluate((img) => img.complete && img.naturalWidth === 1200), 'the picture loaded');
      assert.equal(await placeholder.isVisible(), false, 'hidden once the frame has drawn');

      const messages = await page.evaluate(() => window.ampEmbedSizes);
      assert.ok(messages.length >= 1);
      for (const m of messages) {
        assert.deepEqual(Object.keys(m.data).sort(), ['height', 'sentinel', 'type'], JSON.stringify(m.data));
        assert.equal(m.data.sentinel, 'amp');
        assert.equal(m.data.type, 'embed-size');
        assert.equal(typeof m.data.height, 'number');
        assert.ok(Number.isInteger(m.data.height) && m.data.height > 0);
        assert.equal(m.origin, CDN);
      }
      assert.equal(messages.at(-1).data.height, first.inner, 'the last message is the content height');

      // On screen, AMP does not move the page under the reader: growing shows the overflow element,
      // and a click on it applies the new height.
      await showFrame(page, '#tw-amp');
      const summary = frame.locator('trade-widget').locator('details.chart-data > summary').first();
      await summary.scrollIntoViewIfNeeded();
      await summary.click();
      await frame.waitForFunction(() => document.querySelector('trade-widget').shadowRoot.querySelector('details.chart-data').open);
      const overflow = page.locator('#tw-amp > [overflow]');
      await overflow.waitFor({ state: 'visible' });
      // A click event on the element itself: a pointer click here is routed by Chromium's hit testing
      // of out-of-process frames, which sent it to the frame under the element (a test artefact,
      // not what is tested).
      await overflow.dispatchEvent('click');
      const grown = await waitFor(async () => {
        const s = await sizes(page, frame);
        return { ...s, ok: Math.abs(s.inner - s.outer) <= 1 && s.outer > first.outer };
      }, 'the overflow element applies the new height: ' + await frame.evaluate(() => [...document.querySelector('trade-widget')
        .shadowRoot.querySelectorAll('details')].map((d) => `${d.className}:${d.open}`).join(' ')));
      assert.ok(grown.outer > first.outer);
      assert.equal(await overflow.isVisible(), false);
      assert.deepEqual(outside, [], 'nothing requested outside this machine');
      assertNoProblems(problems, 'the AMP page');
    } finally {
      await close();
    }
  });
