#!/usr/bin/env node
// Where a phone reader's first drawing goes (issue 11's start-up budget): the phone profile of
// bench/phone.bench.mjs (412×915 at dpr 2, 150 ms round trip, 1.6 Mbit/s, CPU 4× slower, gzip -9 from
// a local server), one page per view, LOADS loads each (default 5), medians printed:
//   - the network: when the loader, the module's glue and its wasm had arrived (Resource Timing);
//   - the main thread from the wasm's arrival to the first drawing, by a CPU profile (CDP Profiler)
//     of a second set of loads in which the page gets the names-kept module of the same build
//     (target/wasm-gen/VIEW/, before wasm-opt: a little slower than what readers get), its samples
//     charged to: compile (V8 compiling the module), data (the JSON reader and the validator,
//     core::json and core::load), controls (markup, the DOM writes of the mount), layout and drawing
//     (core::timeline, draw::, plotters, the canvas), the rest of the wasm, and other JavaScript.
//
//   node bench/startup.bench.mjs            LOADS=3 node bench/startup.bench.mjs
// Needs pkg/ and target/wasm-gen/ from scripts/build.sh and /usr/bin/chromium.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startGzipServer, stopServer, stats, ms } from './phone-lib.mjs';
import { ROOT, CHROMIUM } from '../tests/e2e/helpers.mjs';

const LOADS = Number(process.env.LOADS || 5);
const DEVICE = { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const NETWORK = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 };
const PAGES = { calculator: '/bench/pages/tw-calculator.html', timeline: '/bench/pages/tw-timeline.html', both: '/bench/pages/tw-both.html' };

// The first matching rule names a sample's bucket (wasm frames by their Rust names).
const BUCKETS = [
  ['data', /core::json|core::load|dlmalloc/],
  ['layout and drawing', /core::timeline|draw::|plotters|canvas|MeasuredCanvas|fill_text|fillText|measureText|stroke|fill_rect/i],
  ['controls', /markup|populate|write_inputs|set_inner_html|innerHTML|dom::|append|createElement|setAttribute|textContent/i],
];

async function load(browser, srv, view, profile) {
  const context = await browser.newContext({ ...DEVICE, locale: 'en-US', colorScheme: 'light' });
  const page = await context.newPage();
  if (profile) {
    await page.route(/\/trade-widget-(\w+)\.wasm$/, (route) => route.fulfill({
      contentType: 'application/wasm',
      body: fs.readFileSync(path.join(ROOT, 'target/wasm-gen', /trade-widget-(\w+)\.wasm$/.exec(route.request().url())[1], 'trade_widget_bg.wasm')),
    }));
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.goto(srv.url + PAGES[view], { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__benchReadyAt != null || window.__benchError, null, { timeout: 120_000, polling: 50 });
  const t = await page.evaluate(() => {
    const end = (re) => performance.getEntriesByType('resource').filter((e) => re.test(e.name)).map((e) => [e.startTime, e.responseEnd])[0] || [NaN, NaN];
    return { loader: end(/trade-widget\.js$/), glue: end(/trade-widget-\w+\.js$/), wasm: end(/\.wasm$/), ready: window.__benchReadyAt };
  });
  let buckets = null;
  if (profile) {
    const { profile: p } = await cdp.send('Profiler.stop');
    buckets = charge(p, t.wasm[1], t.ready);
  }
  await context.close();
  return { t, buckets };
}

/** Main-thread ms per bucket between `from` and `to` (page ms), from the profile's samples. */
function charge(p, from, to) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const out = {};
  // Profile timestamps are µs on the same clock as performance.timeOrigin-relative times after an offset:
  // align by the last sample ≈ the moment the profile stopped is unknown, so use relative positions.
  let at = p.startTime;
  const origin = p.startTime;
  p.samples.forEach((id, i) => {
    at += p.timeDeltas[i];
    const tMs = (at - origin) / 1000;
    if (tMs < from || tMs > to) return;
    const dt = (p.timeDeltas[i + 1] || 0) / 1000;
    const stack = [];
    for (let n = id; n != null; n = parent.get(n)) stack.push(byId.get(n).callFrame);
    const names = stack.map((f) => f.functionName).join(' ');
    const top = stack[0];
    let bucket = 'other JavaScript';
    if (top.functionName === '(idle)') bucket = 'idle (network)';
    else if (top.functionName === '(program)' || top.functionName === '(garbage collector)') bucket = 'browser (style, layout, paint, GC, compile)';
    else {
      const hit = BUCKETS.find(([, re]) => re.test(names));
      if (hit) bucket = hit[0];
      else if (/wasm|trade_widget/.test(names) || stack.some((f) => /wasm:/.test(f.url))) bucket = 'rest of the wasm';
    }
    out[bucket] = (out[bucket] || 0) + dt;
  });
  return out;
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
const srv = await startGzipServer();
try {
  for (const view of Object.keys(PAGES)) {
    const runs = [];
    for (let i = 0; i < LOADS; i++) runs.push(await load(browser, srv, view, false));
    const med = (f) => stats(runs.map(f)).median;
    console.log(`\n${view}: ${LOADS} loads, medians (ms from navigation start)`);
    console.log(`  loader arrived ${ms(med((r) => r.t.loader[1]))}; wasm requested ${ms(med((r) => r.t.wasm[0]))}, arrived ${ms(med((r) => r.t.wasm[1]))}; glue arrived ${ms(med((r) => r.t.glue[1]))}`);
    console.log(`  first drawing ${ms(med((r) => r.t.ready))}: ${ms(med((r) => r.t.ready - r.t.wasm[1]))} after the wasm arrived`);
    const prof = [];
    for (let i = 0; i < LOADS; i++) prof.push(await load(browser, srv, view, true));
    const keys = [...new Set(prof.flatMap((r) => Object.keys(r.buckets)))];
    console.log(`  after the wasm arrived, names-kept module, main thread by the CPU profile (median ms): ` +
      keys.map((k) => `${k} ${ms(stats(prof.map((r) => r.buckets[k] || 0)).median)}`).join('; '));
  }
} finally {
  await stopServer(srv.server);
  await browser.close();
}
