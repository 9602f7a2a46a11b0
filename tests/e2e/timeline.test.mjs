// The relations timeline (issue 5) on the demo article, as a reader uses it: keyboard walk in date
// order (and with a lane hidden), Enter / Escape and the details card, a real mouse click on a
// marker, the chosen event driving the calculator's date, drag, wheel, toolbar, list view,
// orientation by width, brief announcements, and screenshots at 390 and 1280 px, light and dark.
//
// Expected values come from data/canada-china.json, sorted the way the widget sorts its events
// (date, a partial date standing for its first day; then priority; then id). Nothing here reads
// the Rust layout: marker positions are found from the canvas pixels (the focus ring).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT, startEnv, stopEnv, openPage, assertNoProblems, waitDrawn, shadow, normalise, focusedIs,
  tabTo, resultPath, TIMEOUT, CALC, TL,
} from './helpers.mjs';

before(startEnv);
after(stopEnv);

const CANVAS = 'canvas[data-role=timeline]';
const DATA = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'canada-china.json'), 'utf8'));

const fullDate = (d) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** The events in the widget's order. */
const EVENTS = DATA.events
  .map((e) => ({ ...e, day: fullDate(e.date) }))
  .sort((a, b) => cmp(a.day, b.day) || a.priority - b.priority || cmp(a.id, b.id));
const PUBLIC_OPINION = 'public_opinion';
const DEAL = EVENTS.find((e) => e.id === 'deal-2026-01-16');

const q = (page, inner) => shadow(page, TL, inner);
const status = async (page) => normalise(await q(page, '[data-role=tl-status]').textContent());
const cardTitle = async (page) => normalise(await q(page, '[data-role=details-title]').textContent());

/** Let the widget's requestAnimationFrame redraw land. */
async function frames(page, n = 2) {
  for (let i = 0; i < n; i++) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
}

async function openTimeline(opts) {
  const opened = await openPage('/index.html', opts);
  await waitDrawn(opened.page);
  await q(opened.page, CANVAS).scrollIntoViewIfNeeded();
  await frames(opened.page);
  return opened;
}

// ---- canvas pixels, kept inside the page (a snapshot is a few MB) ---------------------------

/** Store the timeline canvas's pixels as window.__twSnaps[name]. */
async function snap(page, name) {
  await frames(page);
  await page.evaluate(([host, sel, n]) => {
    const c = document.querySelector(host).shadowRoot.querySelector(sel);
    window.__twSnaps = window.__twSnaps || {};
    window.__twSnaps[n] = { w: c.width, h: c.height, d: c.getContext('2d').getImageData(0, 0, c.width, c.height).data };
  }, [TL, CANVAS, name]);
}

/** Differing pixels between two snapshots: fraction and bounding box (device pixels). */
async function diff(page, a, b) {
  return page.evaluate(([a, b]) => {
    const A = window.__twSnaps[a], B = window.__twSnaps[b];
    if (A.w !== B.w || A.h !== B.h) return { fraction: 1, count: A.w * A.h, resized: true };
    let count = 0, x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
    for (let y = 0; y < A.h; y++) {
      for (let x = 0; x < A.w; x++) {
        const p = (y * A.w + x) * 4;
        if (A.d[p] !== B.d[p] || A.d[p + 1] !== B.d[p + 1] || A.d[p + 2] !== B.d[p + 2] || A.d[p + 3] !== B.d[p + 3]) {
          count++;
          if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
        }
      }
    }
    return { fraction: count / (A.w * A.h), count, box: count ? { x0, y0, x1, y1 } : null };
  }, [a, b]);
}

/**
 * The horizontal shift (device px) that best maps snapshot a's tick-label band (the strip under
 * the plot) onto snapshot b's, and the mismatch at that shift and at no shift.
 */
async function tickBandShift(page, a, b, maxShift) {
  return page.evaluate(([a, b, maxShift, dpr]) => {
    const A = window.__twSnaps[a], B = window.__twSnaps[b];
    const y0 = A.h - Math.round(34 * dpr), y1 = A.h - Math.round(10 * dpr);
    const mismatch = (s) => {
      let bad = 0, n = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = Math.max(0, -s); x < Math.min(A.w, A.w - s); x++) {
          const p = (y * A.w + x) * 4, r = (y * A.w + x + s) * 4;
          n++;
          if (Math.abs(A.d[p] - B.d[r]) + Math.abs(A.d[p + 1] - B.d[r + 1]) + Math.abs(A.d[p + 2] - B.d[r + 2]) > 30) bad++;
        }
      }
      return n ? bad / n : 1;
    };
    let best = 0, bestM = Infinity;
    for (let s = -maxShift; s <= maxShift; s++) {
      const m = mismatch(s);
      if (m < bestM) { bestM = m; best = s; }
    }
    return { shift: best, atBest: bestM, atZero: mismatch(0) };
  }, [a, b, maxShift, await page.evaluate(() => devicePixelRatio)]);
}

/** Viewport coordinates of a canvas point given in backing-store (device) pixels. */
async function canvasPointToViewport(page, x, y) {
  return page.evaluate(([host, sel, x, y]) => {
    const c = document.querySelector(host).shadowRoot.querySelector(sel);
    const sx = c.clientWidth / c.width, sy = c.clientHeight / c.height;
    let r = c.getBoundingClientRect();
    const want = r.top + c.clientTop + y * sy;
    if (want < 40 || want > innerHeight - 40) { scrollBy(0, want - innerHeight / 2); r = c.getBoundingClientRect(); }
    const vx = r.left + c.clientLeft + x * sx, vy = r.top + c.clientTop + y * sy;
    const hostEl = document.elementFromPoint(vx, vy);
    const hit = hostEl && hostEl.shadowRoot ? hostEl.shadowRoot.elementFromPoint(vx, vy) : hostEl;
    return { x: vx, y: vy, onCanvas: hit === c };
  }, [TL, CANVAS, x, y]);
}

async function canvasBox(page) {
  return page.evaluate(([host, sel]) => {
    const c = document.querySelector(host).shadowRoot.querySelector(sel);
    const r = c.getBoundingClientRect();
    return { x: r.left + c.clientLeft, y: r.top + c.clientTop, w: c.clientWidth, h: c.clientHeight };
  }, [TL, CANVAS]);
}

async function focusCanvas(page) {
  await q(page, CANVAS).focus();
  assert.ok(await focusedIs(page, TL, CANVAS), 'the timeline canvas did not take the focus');
}

/** Press Home, then ArrowRight `n` times; the announcement after each key. */
async function walk(page, n) {
  await page.keyboard.press('Home');
  const said = [await status(page)];
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('ArrowRight');
    said.push(await status(page));
  }
  return said;
}

function assertAnnounces(said, expected, what) {
  said.forEach((text, i) => {
    assert.ok(text.startsWith(`${expected[i].title.en}, `),
      `${what}: announcement #${i} should name "${expected[i].title.en}" (${expected[i].id}, ${expected[i].date}), got "${text}"\n` +
      `expected order: ${expected.map((e) => e.id).join(', ')}`);
  });
}

async function isCardShown(page) {
  const card = q(page, '[data-role=details]');
  return (await card.count()) > 0 && await card.isVisible();
}

async function waitCard(page, shown, what) {
  const deadline = Date.now() + 10_000;
  while ((await isCardShown(page)) !== shown) {
    if (Date.now() > deadline) throw new Error(`details card still ${shown ? 'hidden' : 'shown'} after ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// ---- keyboard -------------------------------------------------------------------------------

test('arrow keys walk the events in date order and announce each one', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openTimeline();
  try {
    await focusCanvas(page);
    const said = await walk(page, 5);
    assertAnnounces(said, EVENTS.slice(0, 6), 'Home, ArrowRight ×5');
    await page.keyboard.press('ArrowLeft');
    assertAnnounces([await status(page)], [EVENTS[4]], 'then ArrowLeft');
    await page.keyboard.press('End');
    assertAnnounces([await status(page)], [EVENTS[EVENTS.length - 1]], 'End');
    assertNoProblems(problems, 'the keyboard walk');
  } finally {
    await close();
  }
});

test('with "Public opinion" unchecked, the arrows skip its events and the list drops them', { timeout: 2 * TIMEOUT }, async () => {
  const shown = EVENTS.filter((e) => e.category !== PUBLIC_OPINION);
  assert.ok(EVENTS.slice(0, 6).some((e) => e.category === PUBLIC_OPINION),
    'test premise: a public-opinion event is among the first six');
  const { page, problems, close } = await openTimeline();
  try {
    const lane = q(page, 'label.lane').filter({ hasText: 'Public opinion' }).locator('input[name=lane]');
    assert.equal(await lane.count(), 1, 'one "Public opinion" lane checkbox');
    await lane.click();
    assert.equal(await lane.isChecked(), false, 'the checkbox unchecks');
    await focusCanvas(page);
    const said = await walk(page, 5);
    assertAnnounces(said, shown.slice(0, 6), 'public opinion hidden, Home, ArrowRight ×5');

    await q(page, '[data-action=list]').click();
    await frames(page);
    const items = q(page, 'ol[data-role=event-list] > li');
    assert.equal(await items.count(), shown.length, 'the list view lists the events of the visible lanes only');
    assertNoProblems(problems, 'lane toggle');
  } finally {
    await close();
  }
});

test('Enter opens the details card; Escape closes it and the canvas keeps the focus', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openTimeline();
  try {
    await focusCanvas(page);
    assert.equal(await isCardShown(page), false, 'no card before choosing an event');
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await waitCard(page, true, 'Home, Enter');
    assert.equal(await cardTitle(page), EVENTS[0].title.en, 'the card shows the first event');
    const sources = q(page, '[data-role=details-sources] a');
    assert.equal(await sources.count(), EVENTS[0].sources.length, 'the card links every source of the event');
    await page.keyboard.press('Escape');
    await waitCard(page, false, 'Escape');
    assert.ok(await focusedIs(page, TL, CANVAS), 'focus is on the canvas after Escape');
    assertNoProblems(problems, 'Enter / Escape');
  } finally {
    await close();
  }
});

test('Escape pressed inside the open card closes it and returns the focus to the canvas', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openTimeline();
  try {
    await focusCanvas(page);
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await waitCard(page, true, 'Home, Enter');
    // The reader tabs into the card (its close button comes next in the tab order).
    await page.keyboard.press('Tab');
    assert.ok(await focusedIs(page, TL, '[data-role=details] *'), 'Tab from the canvas reaches the open card');
    await page.keyboard.press('Escape');
    await waitCard(page, false, 'Escape with the focus inside the card');
    assert.ok(await focusedIs(page, TL, CANVAS), 'focus is back on the canvas');

    // The close button does the same.
    await page.keyboard.press('Enter');
    await waitCard(page, true, 'Enter again');
    await q(page, '[data-role=details] [data-action=close]').click();
    await waitCard(page, false, 'clicking the close button');
    assert.ok(await focusedIs(page, TL, CANVAS), 'focus is back on the canvas after the close button');
    assertNoProblems(problems, 'Escape inside the card');
  } finally {
    await close();
  }
});

test('every announcement is brief: title and date, at most 120 characters', { timeout: 3 * TIMEOUT }, async () => {
  const { page, problems, close } = await openTimeline();
  try {
    await focusCanvas(page);
    const said = await walk(page, EVENTS.length - 1);
    assertAnnounces(said, EVENTS, 'the whole walk');
    said.forEach((text, i) => {
      const e = EVENTS[i];
      assert.ok(text.length <= 120, `announcement for ${e.id} is ${text.length} characters: "${text}"`);
      assert.ok(text.includes(e.day.slice(0, 4)), `announcement for ${e.id} has no year: "${text}"`);
      assert.ok(!text.includes(normalise(e.description.en).slice(0, 40)), `announcement for ${e.id} reads the description`);
    });
    assertNoProblems(problems, 'announcements');
  } finally {
    await close();
  }
});

// ---- the timeline drives the calculator -----------------------------------------------------

test('choosing the 2026-01-16 deal with the keyboard sets the calculator to that date (EV: 106.1%)', { timeout: 3 * TIMEOUT }, async () => {
  assert.ok(DEAL, 'deal-2026-01-16 is in the data');
  const { page, problems, close } = await openTimeline();
  try {
    const dateInput = shadow(page, CALC, 'input[name=date]');
    const summary = shadow(page, CALC, '[data-role=summary]');
    const before = normalise(await summary.textContent());
    assert.notEqual(await dateInput.inputValue(), '2026-01-16', 'test premise: the calculator starts on another date');
    assert.match(before, /electric vehicles/i, 'test premise: the calculator shows the EV flow');

    await tabTo(page, TL, CANVAS);
    await page.keyboard.press('Home');
    let said = await status(page);
    for (let i = 0; i < EVENTS.length && !said.startsWith(`${DEAL.title.en}, `); i++) {
      await page.keyboard.press('ArrowRight');
      said = await status(page);
    }
    assert.ok(said.startsWith(`${DEAL.title.en}, `), `ArrowRight never reached "${DEAL.title.en}"; last: "${said}"`);
    await page.keyboard.press('Enter');
    await waitCard(page, true, 'Enter on the deal');
    assert.equal(await cardTitle(page), DEAL.title.en);

    const deadline = Date.now() + 10_000;
    while (await dateInput.inputValue() !== '2026-01-16' && Date.now() < deadline) await frames(page, 1);
    assert.equal(await dateInput.inputValue(), '2026-01-16', "the calculator's date field follows the chosen event");
    let after = normalise(await summary.textContent());
    while (after === before && Date.now() < deadline) { await frames(page, 1); after = normalise(await summary.textContent()); }
    assert.notEqual(after, before, "the calculator's summary changed");
    assert.match(after, /January 16, 2026/, `summary names the new date: "${after}"`);
    assert.match(after, /106\.1\s?%/, `an EV entering on 2026-01-16 pays 106.1 %: "${after}"`);
    assert.ok(await focusedIs(page, TL, CANVAS), 'the focus stays on the timeline');
    assertNoProblems(problems, 'timeline → calculator');
  } finally {
    await close();
  }
});

// ---- mouse ----------------------------------------------------------------------------------

/** An event whose lane has no other event for the longest time around it (not the first or last). */
function loneEvent() {
  let best = null, bestGap = -1;
  const days = (d) => Date.parse(d) / 86_400_000;
  EVENTS.forEach((e, i) => {
    if (i === 0 || i === EVENTS.length - 1) return;
    const same = EVENTS.filter((o) => o !== e && o.category === e.category).map((o) => Math.abs(days(o.day) - days(e.day)));
    const gap = Math.min(...same);
    if (gap > bestGap) { bestGap = gap; best = i; }
  });
  return best;
}

for (const [width, dpr] of [[1280, 1], [1280, 2], [390, 2]]) {
  test(`clicking an event's marker opens its card (${width} px, devicePixelRatio ${dpr})`, { timeout: 3 * TIMEOUT }, async () => {
    const k = loneEvent();
    const target = EVENTS[k];
    const { page, problems, close } = await openTimeline({ width, deviceScaleFactor: dpr });
    try {
      // Find the marker on screen: focus the event with the keyboard and see where the focus ring appears.
      await snap(page, 'plain');
      await focusCanvas(page);
      await walk(page, k);
      assertAnnounces([await status(page)], [target], `Home, ArrowRight ×${k}`);
      await snap(page, 'ring');
      const d = await diff(page, 'plain', 'ring');
      assert.ok(d.box, 'focusing an event drew a focus ring');
      const span = Math.max(d.box.x1 - d.box.x0, d.box.y1 - d.box.y0);
      assert.ok(span < 40 * dpr, `the focus ring should be a small circle round the marker, changed box ${JSON.stringify(d.box)}`);
      const cx = (d.box.x0 + d.box.x1) / 2, cy = (d.box.y0 + d.box.y1) / 2;

      // Move the keyboard focus elsewhere so only the click can choose the target.
      await page.keyboard.press('Home');
      await frames(page);
      assert.equal(await isCardShown(page), false, 'no card before the click');
      const at = await canvasPointToViewport(page, cx, cy);
      assert.ok(at.onCanvas, `the marker's point (${at.x}, ${at.y}) is on the canvas`);
      await page.mouse.click(at.x, at.y);
      await waitCard(page, true, `a click on ${target.id}'s marker`);
      assert.equal(await cardTitle(page), target.title.en, `the card shows the clicked event (${target.id})`);
      const date = shadow(page, CALC, 'input[name=date]');
      const deadline = Date.now() + 10_000;
      while (await date.inputValue() !== target.day && Date.now() < deadline) await frames(page, 1);
      assert.equal(await date.inputValue(), target.day, "the clicked event sets the calculator's date");
      assertNoProblems(problems, `click at ${width} px, dpr ${dpr}`);
    } finally {
      await close();
    }
  });
}

test('dragging pans (pixels and tick labels follow the pointer); Ctrl + wheel zooms', { timeout: 3 * TIMEOUT }, async () => {
  const { page, problems, close } = await openTimeline();
  try {
    const box = await canvasBox(page);
    await snap(page, 'start');
    const dx = 150;
    const x0 = box.x + box.w * 0.35, y0 = box.y + box.h * 0.45;
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    await page.mouse.move(x0 + dx, y0, { steps: 10 });
    await page.mouse.up();
    await snap(page, 'dragged');
    const d = await diff(page, 'start', 'dragged');
    assert.ok(d.fraction > 0.02, `a ${dx} px drag changed only ${(d.fraction * 100).toFixed(2)} % of the canvas`);
    const t = await tickBandShift(page, 'start', 'dragged', 250);
    assert.ok(t.atZero > 0.005, 'the tick labels changed place');
    assert.ok(Math.abs(t.shift - dx) <= 3,
      `the tick labels should move with the pointer by ${dx} px; best match at ${t.shift} px (mismatch ${t.atBest.toFixed(3)}, unmoved ${t.atZero.toFixed(3)})`);
    assert.equal(await isCardShown(page), false, 'a drag is not a tap: no card opens');

    const scrollY = await page.evaluate(() => scrollY);
    const cx = box.x + box.w * 0.5, cy = box.y + box.h * 0.45;
    await page.mouse.move(cx, cy);
    // Ctrl + wheel zooms (a plain wheel scrolls the article: tests/e2e/gestures.test.mjs).
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await snap(page, 'wheel-in');
    const w = await diff(page, 'dragged', 'wheel-in');
    assert.ok(w.fraction > 0.01, `a wheel turn changed only ${(w.fraction * 100).toFixed(2)} % of the canvas`);
    const z = await tickBandShift(page, 'dragged', 'wheel-in', 0);
    assert.ok(z.atZero > 0.005, 'the wheel changed the time axis');
    assert.equal(await page.evaluate(() => scrollY), scrollY, 'Ctrl + wheel over the timeline zooms instead of scrolling the article');
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, 200);
    await page.keyboard.up('Control');
    await snap(page, 'wheel-out');
    const back = await diff(page, 'dragged', 'wheel-out');
    assert.ok(back.fraction < 0.002,
      `wheel in then out at the same point should restore the picture; ${(back.fraction * 100).toFixed(2)} % differs`);
    assertNoProblems(problems, 'drag and wheel');
  } finally {
    await close();
  }
});

test('zoom buttons, "Show all" and the list view', { timeout: 3 * TIMEOUT }, async () => {
  const { page, problems, close } = await openTimeline();
  try {
    await snap(page, 'fit');
    await q(page, '[data-action=zoom-in]').click();
    await snap(page, 'in');
    const zin = await diff(page, 'fit', 'in');
    assert.ok(zin.fraction > 0.02, `zoom in changed only ${(zin.fraction * 100).toFixed(2)} %`);
    assert.ok((await tickBandShift(page, 'fit', 'in', 0)).atZero > 0.005, 'zoom in changed the time axis');
    await q(page, '[data-action=zoom-out]').click();
    await snap(page, 'out');
    assert.ok((await diff(page, 'fit', 'out')).fraction < 0.002, 'zoom in then out restores the picture');
    await q(page, '[data-action=zoom-out]').click();
    await snap(page, 'out2');
    assert.ok((await diff(page, 'fit', 'out2')).fraction > 0.02, 'zoom out from the whole story changes the picture');

    // Zoom and pan away, then "Show all" brings back the first picture.
    await q(page, '[data-action=zoom-in]').click();
    await q(page, '[data-action=zoom-in]').click();
    await q(page, '[data-action=zoom-in]').click();
    const box = await canvasBox(page);
    await page.mouse.move(box.x + box.w * 0.3, box.y + box.h * 0.45);
    await page.mouse.down();
    await page.mouse.move(box.x + box.w * 0.6, box.y + box.h * 0.45, { steps: 8 });
    await page.mouse.up();
    await snap(page, 'away');
    assert.ok((await diff(page, 'fit', 'away')).fraction > 0.02, 'zoomed and panned away');
    await q(page, '[data-action=fit]').click();
    await snap(page, 'refit');
    const refit = await diff(page, 'fit', 'refit');
    assert.ok(refit.fraction < 0.002, `"Show all" should restore the whole story; ${(refit.fraction * 100).toFixed(2)} % differs`);

    // List view.
    const list = q(page, 'ol[data-role=event-list]');
    const toggle = q(page, '[data-action=list]');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    const hiddenBox = await list.boundingBox();
    assert.ok(!hiddenBox || hiddenBox.height <= 2, 'the list is visually hidden at first');
    await toggle.click();
    await frames(page);
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    const shownBox = await list.boundingBox();
    assert.ok(shownBox && shownBox.height > 200 && shownBox.width > 200, `the list is shown: box ${JSON.stringify(shownBox)}`);
    const items = list.locator(':scope > li');
    assert.equal(await items.count(), DATA.events.length, 'one list item per event in the data');
    const texts = (await items.allTextContents()).map(normalise);
    EVENTS.forEach((e, i) => assert.ok(texts[i].includes(e.title.en), `item ${i} should be "${e.title.en}", got "${texts[i].slice(0, 80)}"`));
    await toggle.click();
    await frames(page);
    const again = await list.boundingBox();
    assert.ok(!again || again.height <= 2, 'the toggle hides the list again');
    assertNoProblems(problems, 'toolbar');
  } finally {
    await close();
  }
});

// ---- layout by width, screenshots -----------------------------------------------------------

for (const width of [390, 1280]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`at ${width} px, ${colorScheme}: ${width < 480 ? 'vertical' : 'horizontal'} timeline, screenshot`, { timeout: 2 * TIMEOUT }, async () => {
      const { page, problems, close } = await openTimeline({ width, height: 900, colorScheme });
      try {
        const canvas = q(page, CANVAS);
        const orientation = await canvas.getAttribute('data-orientation');
        const { w, h } = await canvasBox(page);
        if (width < 480) {
          assert.equal(orientation, 'vertical', `data-orientation at ${width} px`);
          assert.ok(h > w, `a vertical timeline is taller than wide (${w}×${h})`);
        } else {
          assert.equal(orientation, 'horizontal', `data-orientation at ${width} px`);
          assert.ok(w > h, `a horizontal timeline is wider than tall (${w}×${h})`);
        }
        assert.ok(w <= width, `the canvas (${w} px) fits the ${width} px viewport`);
        assert.equal(await page.locator(TL).getAttribute('data-scheme'), colorScheme);
        await page.locator(TL).screenshot({ path: resultPath(`timeline-${width}-${colorScheme}.png`) });
        assertNoProblems(problems, `${width} px ${colorScheme}`);
      } finally {
        await close();
      }
    });
  }
}
