// A reader in the middle of the article is never trapped by the timeline (issue 12, item 1):
// a plain wheel and one finger scroll the page over the timeline and the charts, in both
// layouts; Ctrl + wheel and two fingers move and zoom the timeline; a finger tap still opens an
// event; a plain wheel or a one-finger swipe shows a short hint, in the reader's language.
// Real input: playwright's mouse.wheel (CDP mouse events) and CDP touch events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startEnv, stopEnv, openPage, assertNoProblems, waitDrawn, shadow, normalise, TIMEOUT, CALC, TL,
} from './helpers.mjs';

before(startEnv);
after(stopEnv);

const CANVAS = 'canvas[data-role=timeline]';
const HINT = '[data-role=gesture-hint]';

async function frames(page, n = 3) {
  for (let i = 0; i < n; i++) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
}

/** A checksum of a canvas's pixels in a widget. */
function checksum(page, host, sel) {
  return page.evaluate(([host, sel]) => {
    const c = document.querySelector(host).shadowRoot.querySelector(sel);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let h = 0;
    for (let i = 0; i < d.length; i += 7) h = (Math.imul(h, 31) + d[i]) >>> 0;
    return h;
  }, [host, sel]);
}

/** The viewport point at (fx, fy) of a canvas's box, after centring it in the viewport. */
async function centre(page, host, sel, fx = 0.5, fy = 0.5) {
  await page.evaluate(([host, sel]) => {
    document.querySelector(host).shadowRoot.querySelector(sel).scrollIntoView({ block: 'center' });
  }, [host, sel]);
  await frames(page);
  return page.evaluate(([host, sel, fx, fy]) => {
    const r = document.querySelector(host).shadowRoot.querySelector(sel).getBoundingClientRect();
    return { x: r.left + r.width * fx, y: r.top + r.height * fy };
  }, [host, sel, fx, fy]);
}

async function open(width, lang = 'en') {
  const url = lang === 'fr' ? '/www/pages/article-fr.html' : '/index.html';
  const opened = await openPage(url, { width, height: 800, hasTouch: true, lang: lang === 'fr' ? 'fr-CA' : 'en-US' });
  await waitDrawn(opened.page);
  opened.cdp = await opened.context.newCDPSession(opened.page);
  return opened;
}

const scrollY = (page) => page.evaluate(() => window.scrollY);

/** Waits until the page has stopped scrolling (a touch fling goes on after the finger lifts). */
async function settle(page) {
  let last = await scrollY(page), still = 0;
  for (let i = 0; i < 100 && still < 5; i++) {
    await frames(page, 1);
    const now = await scrollY(page);
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

/** One finger (or two) down at `points`, moved by (dx, dy) in `steps`, then up. */
async function touchDrag(cdp, points, dx, dy, steps = 8) {
  const at = (k) => points.map((p, i) => ({ x: p.x + (dx * k) / steps, y: p.y + (dy * k) / steps, id: i + 1 }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let k = 1; k <= steps; k++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(k) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

for (const [width, layout] of [[1280, 'horizontal'], [390, 'vertical']]) {
  test(`a plain wheel over the ${layout} timeline scrolls the article and says how to zoom; Ctrl + wheel zooms`, { timeout: 2 * TIMEOUT }, async () => {
    const { page, problems, close } = await open(width);
    try {
      assert.equal(await shadow(page, TL, CANVAS).getAttribute('data-orientation'), layout);
      const p = await centre(page, TL, CANVAS);
      const [y0, pixels0] = [await scrollY(page), await checksum(page, TL, CANVAS)];
      await page.mouse.move(p.x, p.y);
      await page.mouse.wheel(0, 300);
      await frames(page);
      const y1 = await scrollY(page);
      assert.ok(y1 - y0 > 100, `a plain wheel over the timeline scrolled the article by ${y1 - y0} px`);
      assert.equal(await checksum(page, TL, CANVAS), pixels0, 'a plain wheel left the timeline as it was');
      const hint = shadow(page, TL, HINT);
      assert.ok(await hint.isVisible(), 'the hint shows after a plain wheel');
      assert.match(normalise(await hint.textContent()), /Ctrl.*scroll to zoom/);

      const q = await centre(page, TL, CANVAS);
      const y2 = await scrollY(page);
      await page.mouse.move(q.x, q.y);
      await page.keyboard.down('Control');
      await page.mouse.wheel(0, -300);
      await page.keyboard.up('Control');
      await frames(page);
      assert.equal(await scrollY(page), y2, 'Ctrl + wheel did not scroll the article');
      assert.notEqual(await checksum(page, TL, CANVAS), pixels0, 'Ctrl + wheel zoomed the timeline');
      assertNoProblems(problems, `wheel at ${width} px`);
    } finally {
      await close();
    }
  });

  test(`one finger over the ${layout} timeline scrolls the article; two fingers move the timeline`, { timeout: 2 * TIMEOUT }, async () => {
    const { page, cdp, problems, close } = await open(width);
    try {
      const p = await centre(page, TL, CANVAS, 0.5, 0.6);
      const [y0, pixels0] = [await scrollY(page), await checksum(page, TL, CANVAS)];
      // One finger, upwards: the article scrolls down, the timeline stays.
      await touchDrag(cdp, [p], 0, -250);
      await settle(page);
      const y1 = await scrollY(page);
      assert.ok(y1 - y0 > 80, `a one-finger swipe over the timeline scrolled the article by ${y1 - y0} px`);
      assert.equal(await checksum(page, TL, CANVAS), pixels0, 'one finger left the timeline as it was');

      // Two fingers along the time axis: the timeline moves, the article stays.
      const q = await centre(page, TL, CANVAS, 0.4, 0.4);
      await settle(page);
      const y2 = await scrollY(page);
      const [dx, dy] = layout === 'horizontal' ? [160, 0] : [0, 160];
      const spread = layout === 'horizontal' ? { x: 0, y: 60 } : { x: 60, y: 0 };
      await touchDrag(cdp, [q, { x: q.x + spread.x, y: q.y + spread.y }], dx, dy);
      await settle(page);
      assert.notEqual(await checksum(page, TL, CANVAS), pixels0, 'two fingers moved the timeline');
      const y3 = await scrollY(page);
      assert.ok(Math.abs(y3 - y2) < 2, `two fingers over the timeline scrolled the article by ${y3 - y2} px`);
      assertNoProblems(problems, `touch at ${width} px`);
    } finally {
      await close();
    }
  });
}

test('a plain wheel over the calculator\'s charts scrolls the article', { timeout: TIMEOUT }, async () => {
  const { page, problems, close } = await open(1280);
  try {
    for (const sel of ['canvas[data-role=duty-chart]', 'canvas[data-role=rate-chart]']) {
      const p = await centre(page, CALC, sel);
      const y0 = await scrollY(page);
      await page.mouse.move(p.x, p.y);
      await page.mouse.wheel(0, 250);
      await frames(page);
      assert.ok((await scrollY(page)) - y0 > 100, `a wheel over ${sel} scrolled the article`);
    }
    assertNoProblems(problems, 'wheel over the charts');
  } finally {
    await close();
  }
});

test('a finger tap on an event opens its card; the French hint is in French', { timeout: 2 * TIMEOUT }, async () => {
  const { page, cdp, problems, close } = await open(1280, 'fr');
  try {
    // Where the first event's marker is: focus it with the keyboard and diff the canvas.
    await centre(page, TL, CANVAS);
    const plain = await page.evaluate(([host, sel]) => {
      const c = document.querySelector(host).shadowRoot.querySelector(sel);
      return Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data);
    }, [TL, CANVAS]);
    await shadow(page, TL, CANVAS).focus();
    await page.keyboard.press('Home');
    await frames(page);
    const ring = await page.evaluate(([host, sel, plain]) => {
      const c = document.querySelector(host).shadowRoot.querySelector(sel);
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i] !== plain[i] || d[i + 1] !== plain[i + 1] || d[i + 2] !== plain[i + 2]) {
          const x = (i / 4) % c.width, y = Math.floor(i / 4 / c.width);
          x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
        }
      }
      const r = c.getBoundingClientRect();
      return x1 < 0 ? null : { x: r.left + ((x0 + x1) / 2) * r.width / c.width, y: r.top + ((y0 + y1) / 2) * r.height / c.height };
    }, [TL, CANVAS, plain]);
    assert.ok(ring, 'focusing the first event drew its focus ring');
    await page.keyboard.press('Escape');
    await page.touchscreen.tap(ring.x, ring.y);
    const card = shadow(page, TL, '[data-role=details]');
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    assert.ok(normalise(await shadow(page, TL, '[data-role=details-title]').textContent()).length > 3, 'the card has a title');

    // The hint after a one-finger swipe, in French.
    await page.keyboard.press('Escape');
    const p = await centre(page, TL, CANVAS, 0.5, 0.6);
    await touchDrag(cdp, [p], 0, -200);
    await frames(page, 4);
    const hint = shadow(page, TL, HINT);
    const said = normalise(await hint.textContent());
    assert.match(said, /deux doigts/, `the touch hint is in French: "${said}"`);
    assertNoProblems(problems, 'tap and French hint');
  } finally {
    await close();
  }
});
