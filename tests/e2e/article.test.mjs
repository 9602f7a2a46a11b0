// A first end-to-end test: the demo article (index.html) loads both embeds through the one
// script tag, draws them, and nothing on the page fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startEnv, stopEnv, openPage, assertNoProblems, waitDrawn, canvasInk, resultPath, TIMEOUT, CALC, TL,
} from './helpers.mjs';

before(startEnv);
after(stopEnv);

const MIN_INK = 0.005; // 0.5 % of the canvas differs from its background

for (const width of [1280, 390]) {
  test(`article at ${width} px: both widgets drawn, no errors`, { timeout: 4 * TIMEOUT }, async () => {
    const { page, problems, close } = await openPage('/index.html', { width });
    try {
      const n = await waitDrawn(page, 'trade-widget');
      assert.equal(n, 2, 'the article embeds two widgets');
      assert.equal(await page.locator(CALC).count(), 1);
      assert.equal(await page.locator(TL).count(), 1);

      for (const host of [CALC, TL]) {
        const canvases = await canvasInk(page, host);
        assert.ok(canvases.length > 0, `${host} has no canvas`);
        for (const c of canvases) {
          assert.ok(c.width > 0 && c.height > 0, `${host} ${c.role}: empty backing store ${c.width}x${c.height}`);
          assert.ok(c.fraction > MIN_INK,
            `${host} ${c.role}: only ${(c.fraction * 100).toFixed(2)} % of pixels drawn (want > ${MIN_INK * 100} %)`);
        }
      }

      // The page must not scroll sideways (a widget wider than a phone is a layout bug).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow} px wider than the ${width} px viewport`);

      // One script tag, two widgets: the module is fetched once.
      const wasmRequests = await page.evaluate(() => performance.getEntriesByType('resource')
        .map((e) => e.name).filter((u) => new URL(u).pathname.endsWith('.wasm')));
      assert.ok(wasmRequests.length <= 1, `wasm fetched ${wasmRequests.length} times: ${wasmRequests.join(', ')}`);

      await page.screenshot({ path: resultPath(`article-${width}.png`), fullPage: true });
      assertNoProblems(problems, `/index.html at ${width} px`);
    } finally {
      await close();
    }
  });
}

// An embedder can check an inline dataset from the console before publishing.
test('TradeWidget.validate reports every problem of a data file, and nothing for a valid one', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openPage('/index.html', { width: 1280 });
  try {
    const result = await page.evaluate(async () => {
      const good = await (await fetch('/data/canada-china.json')).text();
      const bad = JSON.parse(good);
      bad.events[0].sources = ['javascript:alert(1)'];
      delete bad.flows[0].name.fr;
      return {
        good: await TradeWidget.validate(good),
        bad: await TradeWidget.validate(JSON.stringify(bad)),
        syntax: await TradeWidget.validate('{\n  "flows": [1,]\n}'),
      };
    });
    assert.equal(result.good, '');
    assert.match(result.bad, /events\[0\].*javascript:alert\(1\).*https:\/\//);
    assert.match(result.bad, /flows\[0\].*French text is missing/);
    assert.match(result.syntax, /line 2, column 15: a comma before \]/);
    assertNoProblems(problems, 'validate');
  } finally {
    await close();
  }
});
