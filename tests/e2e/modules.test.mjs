// One module per view (issue 11): the loader fetches the smallest module that has every view on the
// page, once for any number of widgets; a view that appears later (a new element, a `view` change)
// loads the module it lacks, and the widgets already there keep working. Each module draws its
// views; the calculator's module has no events but still marks their days on the rate chart. A
// page's own data (and TradeWidget.validate) goes through the reader module, fetched only then.
//
// The pages are built on www/pages/blank.html: elements first, then the script tag, as an article has them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startEnv, stopEnv, openPage, assertNoProblems, waitDrawn, shadow, waitForText, TIMEOUT, CALC, TL, ROOT,
} from './helpers.mjs';

before(startEnv);
after(stopEnv);

const SUMMARY = '[data-role=summary]';

/** Opens blank.html with `views` as <trade-widget> elements, then the loader; records module requests.
 *  `data`: an inline dataset (JSON text) for every element. */
async function openWith(views, data) {
  const opened = await openPage('/www/pages/blank.html');
  const fetched = [];
  opened.page.on('request', (req) => {
    const m = /\/trade-widget-(calculator|timeline|both|reader)\.(js|wasm)$/.exec(new URL(req.url()).pathname);
    if (m) fetched.push(`${m[1]}.${m[2]}`);
  });
  await opened.page.evaluate(([list, json]) => {
    for (const view of list) {
      const el = document.createElement('trade-widget');
      el.setAttribute('view', view);
      el.setAttribute('flow', 'cn-ev-to-ca');
      el.setAttribute('value', '40000');
      el.setAttribute('date', '2025-06-01');
      if (json) {
        const data = document.createElement('script');
        data.type = 'application/json';
        data.textContent = json;
        el.appendChild(data);
      }
      document.body.appendChild(el);
    }
    const s = document.createElement('script');
    s.src = '/pkg/trade-widget.js';
    document.body.appendChild(s);
  }, [views, data]);
  return { ...opened, fetched };
}

const modulesOf = (fetched) => [...new Set(fetched)].sort();

for (const [views, expected] of [
  [['calculator'], 'calculator'],
  [['timeline'], 'timeline'],
  [['calculator', 'calculator'], 'calculator'],
  [['timeline', 'calculator'], 'both'],
  [['both'], 'both'],
]) {
  test(`a page with ${views.join(' + ')} loads trade-widget-${expected} (.js and .wasm) and nothing else`, { timeout: TIMEOUT }, async () => {
    const { page, problems, close, fetched } = await openWith(views);
    try {
      await waitDrawn(page);
      assert.deepEqual(modulesOf(fetched), [`${expected}.js`, `${expected}.wasm`], `fetched: ${fetched.join(', ')}`);
      assert.equal(fetched.length, 2, `each file once: ${fetched.join(', ')}`);
      if (views.some((v) => v !== 'timeline')) {
        await waitForText(shadow(page, 'trade-widget:not([view=timeline])', SUMMARY).first(), 'C$40,000');
      }
      if (views.some((v) => v !== 'calculator')) {
        const items = await shadow(page, 'trade-widget:not([view=calculator])', '[data-role=event-list] li').count();
        assert.ok(items >= 60, `the timeline lists ${items} events, not the data's 63`);
      }
      assertNoProblems(problems);
    } finally {
      await close();
    }
  });
}

test('a timeline added to a calculator page loads the timeline module; both widgets work and stay linked', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close, fetched } = await openWith(['calculator']);
  try {
    await waitDrawn(page, CALC);
    assert.deepEqual(modulesOf(fetched), ['calculator.js', 'calculator.wasm']);
    await page.evaluate(() => {
      const el = document.createElement('trade-widget');
      el.setAttribute('view', 'timeline');
      document.body.appendChild(el);
    });
    await waitDrawn(page, TL);
    assert.deepEqual(modulesOf(fetched), ['calculator.js', 'calculator.wasm', 'timeline.js', 'timeline.wasm']);
    // The timeline (its module) moves the calculator (the other module) to its date: the link is the page's.
    await page.evaluate(() => document.querySelector('trade-widget[view=timeline]').setState({ date: '2026-03-02' }));
    await page.waitForFunction(() => document.querySelector('trade-widget[view=calculator]').getState().date === '2026-03-02');
    // The calculator still answers its reader.
    await page.evaluate(() => document.querySelector('trade-widget[view=calculator]').setState({ value: '50000' }));
    await waitForText(shadow(page, CALC, SUMMARY), 'C$50,000');
    assertNoProblems(problems);
  } finally {
    await close();
  }
});

test('view="both" set on a calculator loads the module with both views and keeps what the reader entered', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close, fetched } = await openWith(['calculator']);
  try {
    await waitDrawn(page, CALC);
    await page.evaluate(() => document.querySelector('trade-widget').setState({ value: '12345' }));
    await waitForText(shadow(page, CALC, SUMMARY), 'C$12,345');
    await page.evaluate(() => document.querySelector('trade-widget').setAttribute('view', 'both'));
    await waitDrawn(page, 'trade-widget[view=both]');
    assert.ok(fetched.includes('both.wasm'), `fetched: ${fetched.join(', ')}`);
    await waitForText(shadow(page, 'trade-widget[view=both]', SUMMARY), 'C$12,345');
    const items = await shadow(page, 'trade-widget[view=both]', '[data-role=event-list] li').count();
    assert.ok(items >= 60, `the timeline lists ${items} events`);
    assertNoProblems(problems);
  } finally {
    await close();
  }
});

test('the calculator\'s module, without the events, still marks their days on the rate chart', { timeout: 2 * TIMEOUT }, async () => {
  // The rate chart's data table lists the steps; its markers are the events' days. Compare the
  // chart's pixels in the calculator-only module with the module with both views.
  const ink = async (views, host) => {
    const { page, close } = await openWith(views);
    try {
      await waitDrawn(page, host);
      // The chart sits in a folded section: open it, and let the widget draw it.
      await page.evaluate((sel) => {
        const c = document.querySelector(sel).shadowRoot.querySelector('canvas[data-role=rate-chart]');
        for (let d = c.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) d.open = true;
      }, host);
      await page.waitForFunction((sel) => {
        const c = document.querySelector(sel).shadowRoot.querySelector('canvas[data-role=rate-chart]');
        return c.clientWidth > 0 && c.width >= c.clientWidth;
      }, host);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      return await page.evaluate((sel) => {
        const c = document.querySelector(sel).shadowRoot.querySelector('canvas[data-role=rate-chart]');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let h = 0, inked = 0;
        for (let i = 0; i < d.length; i += 4) {
          h = (h * 31 + d[i] + 7 * d[i + 1] + 13 * d[i + 2] + 17 * d[i + 3]) >>> 0;
          if (d[i + 3] > 0) inked++;
        }
        return { w: c.width, h: c.height, hash: h, inked };
      }, host);
    } finally {
      await close();
    }
  };
  const alone = await ink(['calculator'], CALC);
  const withTimeline = await ink(['calculator', 'timeline'], CALC);
  assert.ok(alone.inked > 1000, `the rate chart was not drawn (${alone.inked} pixels with ink)`);
  assert.deepEqual(alone, withTimeline, 'the rate chart differs between the calculator\'s module and the module with both views');
});

test('a page\'s own data goes through the reader module; pages without it never fetch that module', { timeout: 2 * TIMEOUT }, async () => {
  const file = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/canada-china.json'), 'utf8'));
  const event = { ...file.events[0], title: { en: 'A title only this page has', fr: 'Un titre propre à cette page' } };
  const { page, problems, close, fetched } = await openWith(['timeline'], JSON.stringify({ events: [event] }));
  try {
    await waitDrawn(page, TL);
    assert.deepEqual(modulesOf(fetched), ['reader.js', 'reader.wasm', 'timeline.js', 'timeline.wasm']);
    await waitForText(shadow(page, TL, '[data-role=event-list] li').first(), 'A title only this page has');
    assertNoProblems(problems);
  } finally {
    await close();
  }
  // The reader's messages reach the widget: a file the validator refuses.
  const bad = await openWith(['calculator'], JSON.stringify({ flows: 3 }));
  try {
    await bad.page.waitForFunction(() => document.querySelector('trade-widget').getAttribute('data-status') === 'error');
    const text = await bad.page.evaluate(() => document.querySelector('trade-widget').shadowRoot.textContent);
    assert.match(text, /This widget could not start/);
    assert.match(text, /flows/, text);
  } finally {
    await bad.close();
  }
  // TradeWidget.validate loads the reader only when it is called.
  const plain = await openWith(['calculator']);
  try {
    await waitDrawn(plain.page, CALC);
    assert.ok(!plain.fetched.some((f) => f.startsWith('reader')), `fetched: ${plain.fetched.join(', ')}`);
    const problemsText = await plain.page.evaluate(() => TradeWidget.validate('{"flows": 3}'));
    assert.match(problemsText, /flows/);
    assert.ok(plain.fetched.includes('reader.wasm'), `validate() did not load the reader: ${plain.fetched.join(', ')}`);
    assertNoProblems(plain.problems);
  } finally {
    await plain.close();
  }
});
