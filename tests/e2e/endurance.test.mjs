// Endurance: 10,000 random interactions across the two widgets of the demo
// article (calculator and timeline): typing good and bad values, flows,
// dates, presets, quantities, quota use, timeline keys, wheel, drag, taps,
// lane toggles, setState from the page. Afterwards: no console or page
// error, no panic, both widgets still drawn and answering, and the wasm
// memory grew by less than 1 MB.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, stopEnv, openPage, assertNoProblems, waitDrawn, memoryUse, TIMEOUT, CALC, TL } from './helpers.mjs';

before(startEnv);
after(stopEnv);

const N = Number(process.env.ENDURANCE_N || 10_000);

const wasmMemory = async (cdp) => (await memoryUse(cdp)).wasm;

/** In the page: `n` seeded random interactions; returns how many of each kind ran. */
function interact([n, seed]) {
  let state = seed >>> 0;
  const rnd = (k) => {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state % k;
  };
  const calc = document.querySelector('trade-widget[view=calculator]');
  const tl = document.querySelector('trade-widget[view=timeline]');
  const c = calc.shadowRoot;
  const t = tl.shadowRoot;
  const canvas = t.querySelector('canvas[data-role=timeline]');
  const flows = [...c.querySelectorAll('select[name=flow] option')].map((o) => o.value);
  const values = ['40000', '40,000', '1 234,56', '', 'abc', '-5', '0', '1000000000001', '99.999', '7e3', '123456789.12'];
  const keys = ['ArrowRight', 'ArrowLeft', 'Home', 'End', '+', '-', 'Enter', 'Escape', ' ', 'Tab'];
  const fire = (el, type, init) => el.dispatchEvent(new Event(type, { bubbles: true, composed: true, ...init }));
  const set = (name, v) => { const el = c.querySelector(`[name="${name}"]`); el.value = v; fire(el, 'input'); fire(el, 'change'); };
  const count = {};
  for (let i = 0; i < n; i++) {
    const kind = rnd(12);
    count[kind] = (count[kind] || 0) + 1;
    switch (kind) {
      case 0: set('value', values[rnd(values.length)]); break;
      case 1: set('flow', flows[rnd(flows.length)]); break;
      case 2: set('date', `20${17 + rnd(10)}-${String(1 + rnd(12)).padStart(2, '0')}-${String(1 + rnd(31)).padStart(2, '0')}`); break;
      case 3: set('quantity', String(rnd(4) === 0 ? -1 : rnd(100))); break;
      case 4: set('quota-used', String(rnd(60000))); break;
      case 5: c.querySelectorAll('button[data-preset]')[rnd(4)].click(); break;
      case 6: canvas.dispatchEvent(new KeyboardEvent('keydown', { key: keys[rnd(keys.length)], bubbles: true, cancelable: true })); break;
      case 7: canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: rnd(2) ? 120 : -120, ctrlKey: rnd(2) === 1, clientX: 100 + rnd(500), clientY: 100, bubbles: true, cancelable: true })); break;
      case 8: {
        const x = rnd(600), y = rnd(300), id = 1 + rnd(3);
        canvas.dispatchEvent(new PointerEvent('pointerdown', { pointerId: id, clientX: x, clientY: y, bubbles: true }));
        canvas.dispatchEvent(new PointerEvent('pointermove', { pointerId: id, clientX: x + rnd(200) - 100, clientY: y, bubbles: true }));
        canvas.dispatchEvent(new PointerEvent('pointerup', { pointerId: id, clientX: x, clientY: y, bubbles: true }));
        break;
      }
      case 9: t.querySelectorAll('input[name=lane]')[rnd(5)].click(); break;
      case 10: t.querySelectorAll('button[data-action]')[rnd(4)].click(); break;
      default: calc.setState({ value: String(1 + rnd(90000)), date: `2026-0${1 + rnd(9)}-1${rnd(10)}` }); break;
    }
    if (i % 50 === 0) { calc._tw.redraw(); tl._tw.redraw(); }
  }
  calc._tw.redraw();
  tl._tw.redraw();
  return count;
}

test(`${N} random interactions across two widgets`, { timeout: 20 * TIMEOUT }, async () => {
  const { page, problems, close } = await openPage('/index.html', { width: 1280 });
  try {
    await waitDrawn(page, 'trade-widget');
    const cdp = await page.context().newCDPSession(page);
    await page.evaluate(interact, [10, 7]);
    const before = await wasmMemory(cdp);
    const count = await page.evaluate(interact, [N, 12345]);
    const after = await wasmMemory(cdp);
    const kinds = Object.values(count).reduce((a, b) => a + b, 0);
    assert.equal(kinds, N, 'every interaction ran');

    for (const host of [CALC, TL]) {
      assert.equal(await page.locator(host).getAttribute('data-status'), 'ready', `${host} still drawn`);
    }
    // Both still answer (a panic would have aborted the shared module): a known state gives the golden figure.
    await page.evaluate(() => document.querySelector('trade-widget[view=calculator]')
      .setState({ flow: 'cn-ev-to-ca', value: '40000', currency: 'CAD', date: '2026-03-02', quantity: '1', quotaUsed: '0', compareDate: '2026-01-15' }));
    await page.evaluate(() => document.querySelector('trade-widget[view=calculator]')._tw.redraw());
    const summary = await page.locator(CALC).locator('[data-role=summary]').textContent();
    assert.match(summary, /C\$2,440\.00/);
    const growth = after - before;
    console.log(`# wasm memory: ${before} → ${after} bytes (growth ${growth}) after ${N} interactions`);
    assert.ok(growth < 1024 * 1024, `wasm memory grew by ${growth} bytes`);
    assertNoProblems(problems, 'index.html after the endurance run');
  } finally {
    await close();
  }
});
