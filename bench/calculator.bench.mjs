#!/usr/bin/env node
// The calculator's cost per keystroke, in headless Chromium on the demo article.
//
//   node bench/calculator.bench.mjs            (needs pkg/ built and /usr/bin/chromium, like the e2e tests)
//
// One "input" = set the value field to a new number, dispatch an 'input' event (what typing does),
// then call the widget's synchronous redraw (the quote, the table, both charts), timed together
// with performance.now() inside the page. 500 inputs unthrottled, then 500 with the CPU throttled
// 4× through CDP; then the JS heap (after a forced GC, from CDP Runtime.getHeapUsage) and the
// wasm linear memory (every WebAssembly.Memory on the page, found with CDP Runtime.queryObjects,
// so nothing is exposed for the benchmark) before and after 10,000 more inputs.
// Prints numbers only; nothing is asserted.
import { startEnv, stopEnv, openPage, waitDrawn, memoryUse, calculatorInputs, CALC } from '../tests/e2e/helpers.mjs';

const N = Number(process.env.BENCH_N || 500);
const LEAK_N = Number(process.env.BENCH_LEAK_N || 10_000);

const inputs = calculatorInputs;

function stats(times) {
  const s = [...times].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1] };
}

async function memory(page, cdp) {
  const use = await memoryUse(cdp);
  const perfMemory = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize : null));
  return { jsHeapUsed: use.js, jsHeapTotal: use.jsTotal, wasmMemory: use.wasm, perfMemoryUsed: perfMemory };
}

const fmt = (x) => x.toFixed(3);
const mb = (b) => (b / 1048576).toFixed(2);

await startEnv();
try {
  const { page, close } = await openPage('/index.html', { width: 1280, height: 900 });
  try {
    await waitDrawn(page, CALC);
    await page.locator(CALC).scrollIntoViewIfNeeded();
    const ok = await page.evaluate((sel) => typeof document.querySelector(sel)._tw?.redraw === 'function', CALC);
    if (!ok) throw new Error(`${CALC}._tw.redraw() is not available`);
    const cdp = await page.context().newCDPSession(page);

    await page.evaluate(inputs, [CALC, 50, 1000, false]); // warm-up (JIT, font cache)
    const draws0 = await page.evaluate((sel) => document.querySelector(sel)._tw.draws, CALC);
    const plain = stats(await page.evaluate(inputs, [CALC, N, 20_000, true]));
    // Each timed input must have drawn a frame and shown its own value, or the timings mean nothing.
    const check = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      return { draws: el._tw.draws, value: el.getState().value, summary: el.shadowRoot.querySelector('[data-role=summary]').textContent };
    }, CALC);
    const last = String(20_000 + (N - 1) * 37);
    if (check.draws - draws0 < N || check.value !== last || !check.summary.replace(/\D/g, '').includes(last)) {
      throw new Error(`the inputs did not all redraw: ${JSON.stringify({ ...check, draws0, last })}`);
    }
    console.log(`inputs_unthrottled ${N}`);
    console.log(`median_ms ${fmt(plain.median)}`);
    console.log(`p95_ms ${fmt(plain.p95)}`);
    console.log(`max_ms ${fmt(plain.max)}`);

    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.evaluate(inputs, [CALC, 20, 1000, false]);
    const slow = stats(await page.evaluate(inputs, [CALC, N, 40_000, true]));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    console.log(`inputs_throttled_4x ${N}`);
    console.log(`median_4x_ms ${fmt(slow.median)}`);
    console.log(`p95_4x_ms ${fmt(slow.p95)}`);
    console.log(`max_4x_ms ${fmt(slow.max)}`);

    const before = await memory(page, cdp);
    const t0 = Date.now();
    for (let done = 0; done < LEAK_N; done += 1000) {
      await page.evaluate(inputs, [CALC, Math.min(1000, LEAK_N - done), 60_000 + done * 37, false]);
    }
    const seconds = (Date.now() - t0) / 1000;
    const after = await memory(page, cdp);
    console.log(`memory_inputs ${LEAK_N}`);
    console.log(`memory_seconds ${seconds.toFixed(1)}`);
    console.log(`js_heap_used_before_mb ${mb(before.jsHeapUsed)}`);
    console.log(`js_heap_used_after_mb ${mb(after.jsHeapUsed)}`);
    console.log(`js_heap_total_after_mb ${mb(after.jsHeapTotal)}`);
    console.log(`wasm_memory_before_mb ${mb(before.wasmMemory)}`);
    console.log(`wasm_memory_after_mb ${mb(after.wasmMemory)}`);
    if (before.perfMemoryUsed !== null) {
      console.log(`performance_memory_used_before_mb ${mb(before.perfMemoryUsed)}`);
      console.log(`performance_memory_used_after_mb ${mb(after.perfMemoryUsed)}`);
    }
    await cdp.detach().catch(() => {});
  } finally {
    await close();
  }
} finally {
  await stopEnv();
}
