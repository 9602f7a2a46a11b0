#!/usr/bin/env node
// trade-widget against two widely used peers (issue 7), in ONE run of headless Chromium on 127.0.0.1.
// Prints numbers, ratios (trade-widget ÷ peer) and PASS/MISS against the targets; the exit status is
// non-zero only when something could not be measured, never because a target is missed.
//
//   node bench/peers.bench.mjs
//   LOADS=3 INTERACTIONS=100 LEAK_N=1000 BIG_LOADS=1 PAN_N=50 PAN_PUBLIC_N=5 node bench/peers.bench.mjs   # a short trial
// The full run takes about 15 minutes on 2 cores, most of it TimelineJS with 10,000 events (~1 min a load).
// The first drawing on a phone profile (4× CPU, slow 4G, gzip from a local server): bench/phone.bench.mjs.
//
// Needs pkg/ (scripts/build.sh), /usr/bin/chromium, and the npm devDependencies @knight-lab/timelinejs
// and chart.js (npm install). The pages (bench/pages/, no inline scripts):
//   (a) tw-both.html        trade-widget: <trade-widget view=timeline> then view=calculator (EV flow, 2026-03-02)
//   (b) tl.html?data=story  TimelineJS 3: the story's 63 events, converted here from data/canada-china.json
//                           (start_date/end_date, text.headline/text.text in English, group = category) into
//                           bench/pages/generated/tl-story.json, which the page fetches; font: null, local script_path
//   (c) cj.html             Chart.js 4 (dist/chart.umd.js, the full bundle): the calculator's before/after stacked
//                           bar chart for the EV flow: 2026-01-15 = base 6.1 % + surtax 100 %, 2026-03-02 = base 6.1 %
//   tw-synthetic.html?events=N and tl.html?data=synthetic&events=N: N synthetic events (the generator of
//                           bench/pages/synthetic.js, used by bench/timeline.bench.mjs)
// Every request that is not for 127.0.0.1 is aborted with page.route and counted (expected: 0).
//
// What is measured:
//  1. bytes: gzip -9 (zlib level 9) of every same-origin file each page fetched with status 200
//     (page.on('response'), files read from disk): the libraries' JS, wasm, CSS and fonts and the data
//     files. The bench pages' own HTML, CSS and scripts (probes; the peers' few lines of embed code) are
//     listed but not counted (trade-widget's embed is markup only; its data is inside the wasm).
//  2. first drawing: ms from navigation start (performance.now() in the page) to the first complete
//     drawing, LOADS loads of each, alternating a, b, c (the order rotates each round so no peer always
//     follows the same one), each in a fresh browser context, after one untimed warm-up round:
//       trade-widget: both hosts data-status="ready" (each draws synchronously before setting it; MutationObserver)
//       TimelineJS:   its 'loaded' event fired and one .tl-timemarker per event is in the time navigation
//       Chart.js:     its first render (animation: false; an afterRender plugin hook)
//     and "+ frame": one requestAnimationFrame and one task later (that frame's style, layout and paint done).
//  3. interaction, INTERACTIONS inputs, back to back, timed in the page with performance.now():
//       trade-widget: set the calculator's value input, dispatch 'input', el._tw.redraw() (the quote, the
//                     layer table, both charts)
//       Chart.js:     set the page's value input, dispatch 'input', whose handler recomputes both datasets and
//                     calls chart.update('none') (synchronous render)
//     then the same with the CPU throttled 4× (CDP Emulation.setCPUThrottlingRate).
//  4. 10,000 synthetic events (EVENTS): first drawing (BIG_LOADS loads each, alternating, no warm-up), then pan,
//     two timings per step: "sync" (the call and the redraw it does at once, timed synchronously) and "to next
//     frame" (from the call until the next frame is done: rAF, then a task, i.e. its style, layout and paint):
//       trade-widget: pointer drag on the timeline canvas at a 1-month window (bench/timeline.bench.mjs's 'drag'
//                     case), PAN_N moves: sync = pointermove + el._tw.redraw(); to next frame = pointermove alone
//                     (the widget then draws in its own animation frame, as when a reader drags)
//       TimelineJS:   timenav pan, PAN_TL_N steps: __tl._timenav.goTo(i, true) (moves the time navigation to event i,
//                     no animation) + a forced style/layout (offsetHeight); also the public __tl.goTo(i) (timenav and
//                     story slide, animated), PAN_PUBLIC_N steps, each 1 s animation left to end untimed;
//                     i steps by 17 events (~6 days).
//     Raster and compositing off the main thread are outside every in-page timing.
//  5. memory (trade-widget, fresh tw-both page): after 10 inputs and after 10,000 (LEAK_N), each after a forced GC:
//     the wasm linear memory (every WebAssembly.Memory on the page, found with CDP Runtime.queryObjects, so the
//     widget exposes nothing for it) and the JS heap (CDP Runtime.getHeapUsage). Chart.js's JS heap likewise.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startEnv, stopEnv, ROOT, memoryUse, calculatorInputs, CALC } from '../tests/e2e/helpers.mjs';
import { writeTimelineJson, waitProbe, stats, kb, ratio, rx } from './phone-lib.mjs';

const LOADS = Number(process.env.LOADS || 9);
const N = Number(process.env.INTERACTIONS || 500);
const LEAK_N = Number(process.env.LEAK_N || 10_000);
const EVENTS = Number(process.env.EVENTS || 10_000);
const BIG_LOADS = Number(process.env.BIG_LOADS || 3);
const PAN_N = Number(process.env.PAN_N || 300);
const PAN_TL_N = Number(process.env.PAN_TL_N || 40); // TimelineJS at 10,000 events: a frame takes seconds
const PAN_PUBLIC_N = Number(process.env.PAN_PUBLIC_N || 20); // TimelineJS public goTo: each waits out a 1 s animation
const VIEWPORT = { width: 1280, height: 900 };
const LOAD_TIMEOUT = 300_000;
const ZOOM_TO_MONTH = 7; // as bench/timeline.bench.mjs: the whole story / 2^7 ≈ 28 days

const TARGET_BYTES = 70 * 1024;

const version = (pkg) => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const TL_NAME = `TimelineJS ${version('@knight-lab/timelinejs')}`;
const CJ_NAME = `Chart.js ${version('chart.js')}`;

const PEERS = {
  tw: { name: 'trade-widget', url: '/bench/pages/tw-both.html' },
  tl: { name: TL_NAME, url: '/bench/pages/tl.html?data=story' },
  cj: { name: CJ_NAME, url: '/bench/pages/cj.html' },
};
const BIG = {
  tw: { name: 'trade-widget', url: `/bench/pages/tw-synthetic.html?events=${EVENTS}` },
  tl: { name: TL_NAME, url: `/bench/pages/tl.html?data=synthetic&events=${EVENTS}` },
};

// ---------------------------------------------------------------- helpers

const ms = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : 'n/a');
const mb = (b) => `${(b / 1048576).toFixed(2)} MB`;
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' / ');


const gzCache = new Map();
function fileSizes(file) {
  if (!gzCache.has(file)) {
    const buf = fs.readFileSync(file);
    gzCache.set(file, { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length });
  }
  return gzCache.get(file);
}

let env;

/** A fresh context and page, non-local requests aborted and counted, responses recorded. */
async function open(urlPath) {
  const context = await env.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-US', colorScheme: 'light' });
  context.setDefaultTimeout(LOAD_TIMEOUT);
  const page = await context.newPage();
  const rec = { blocked: [], responses: [], problems: [] };
  await page.route((url) => url.hostname !== '127.0.0.1', (route) => {
    rec.blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  page.on('response', (res) => rec.responses.push({ url: res.url(), status: res.status(), type: res.request().resourceType() }));
  page.on('console', (msg) => { if (msg.type() === 'error') rec.problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => rec.problems.push(`page: ${String(err && err.message || err)}`));
  page.on('requestfailed', (req) => {
    if (!rec.blocked.includes(req.url())) rec.problems.push(`request failed: ${req.url()} ${req.failure()?.errorText || ''}`);
  });
  await page.goto(env.baseUrl + urlPath, { waitUntil: 'commit' });
  return { page, context, rec, close: () => context.close() };
}

const waitDrawn = (page, urlPath) => waitProbe(page, urlPath, LOAD_TIMEOUT);

function resources(rec, urlPath) {
  const out = [];
  for (const r of rec.responses) {
    if (!r.url.startsWith(env.baseUrl + '/') || r.status !== 200) continue;
    const u = new URL(r.url);
    if (r.type === 'document') continue;
    const rel = decodeURIComponent(u.pathname).replace(/^\/+/, '');
    const file = path.join(ROOT, rel);
    if (!fs.existsSync(file)) { out.push({ path: rel, harness: false, raw: NaN, gzip: NaN }); continue; }
    // The pages' own layout CSS and scripts (probes, the peers' few lines of embed code) are the harness:
    // listed, not counted. Data files the pages fetch (bench/pages/generated/) are counted.
    const harness = /^bench\/pages\/[^/]+$/.test(rel);
    out.push({ path: rel, harness, ...fileSizes(file) });
  }
  if (!out.length) throw new Error(`${urlPath}: no same-origin resource recorded`);
  return out;
}

/** One timed load: navigation start → complete drawing, the resources fetched, the blocked requests. */
async function timedLoad(peer) {
  const { page, rec, close } = await open(peer.url);
  try {
    const t = await waitDrawn(page, peer.url);
    // Let late requests (fonts, icons) arrive before the list is read.
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
    const events = await page.evaluate(() => window.__benchEvents ?? null);
    return { ...t, events, files: resources(rec, peer.url), blocked: [...rec.blocked], problems: [...rec.problems] };
  } finally {
    await close();
  }
}

/** Alternating loads of several pages; returns {key: [load, ...]}. */
async function alternate(pages, rounds, label, warmUp = true) {
  const keys = Object.keys(pages);
  const out = Object.fromEntries(keys.map((k) => [k, []]));
  for (let r = warmUp ? -1 : 0; r < rounds; r++) { // round -1: warm-up, not kept
    for (let j = 0; j < keys.length; j++) {
      const k = keys[(j + Math.max(r, 0)) % keys.length];
      const one = await timedLoad(pages[k]);
      if (r >= 0) out[k].push(one);
    }
    process.stderr.write(`${label}: round ${r + 1}/${rounds} done (load ${load()})\n`);
  }
  return out;
}

// ---------------------------------------------------------------- in-page workloads

/** trade-widget calculator: `n` inputs from value `from`; durations in ms when `timed`. */
const twInputs = calculatorInputs;

/** Chart.js page: the same inputs; the page's 'input' handler recomputes and calls chart.update('none'). */
function cjInputs([, n, from, timed]) {
  const input = document.querySelector('input[name=value]');
  const times = timed ? new Array(n) : null;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    input.value = String(from + i * 37);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    if (timed) times[i] = performance.now() - t0;
  }
  return times;
}

async function interaction(key) {
  const peer = PEERS[key];
  const fn = key === 'tw' ? twInputs : cjInputs;
  const { page, context, rec, close } = await open(peer.url);
  try {
    await waitDrawn(page, peer.url);
    if (key === 'tw') await page.locator(CALC).scrollIntoViewIfNeeded();
    const cdp = await context.newCDPSession(page);
    const before = await page.evaluate((sel) => (document.querySelector(sel)?._tw?.draws ?? null), CALC);
    await page.evaluate(fn, [CALC, 50, 1000, false]); // warm-up (JIT, font cache)
    const plain = stats(await page.evaluate(fn, [CALC, N, 20_000, true]));
    // Every timed input must have recomputed and drawn, or the timings mean nothing.
    const last = 20_000 + (N - 1) * 37;
    const check = await page.evaluate(([sel, isTw]) => {
      if (isTw) {
        const el = document.querySelector(sel);
        return { draws: el._tw.draws, value: el.getState().value, summary: el.shadowRoot.querySelector('[data-role=summary]')?.textContent || '' };
      }
      return { surtax: window.__chart.data.datasets[1].data[0] };
    }, [CALC, key === 'tw']);
    if (key === 'tw') {
      if (check.draws - before < N + 50 || check.value !== String(last) || !check.summary.replace(/\D/g, '').includes(String(last))) {
        throw new Error(`trade-widget: the inputs did not all redraw: ${JSON.stringify({ ...check, before, last })}`);
      }
    } else if (check.surtax !== last) {
      throw new Error(`Chart.js: the inputs did not update the chart: ${JSON.stringify(check)}, expected ${last}`);
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.evaluate(fn, [CALC, 20, 1000, false]);
    const slow = stats(await page.evaluate(fn, [CALC, N, 40_000, true]));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach().catch(() => {});
    return { plain, slow, problems: rec.problems, blocked: rec.blocked };
  } finally {
    await close();
  }
}

async function memoryNow(page, cdp) {
  const { js, wasm } = await memoryUse(cdp);
  return { js, wasm };
}

async function memory(key) {
  const peer = PEERS[key];
  const fn = key === 'tw' ? twInputs : cjInputs;
  const { page, context, close } = await open(peer.url);
  try {
    await waitDrawn(page, peer.url);
    if (key === 'tw') await page.locator(CALC).scrollIntoViewIfNeeded();
    const cdp = await context.newCDPSession(page);
    await page.evaluate(fn, [CALC, 10, 1000, false]);
    const at10 = await memoryNow(page, cdp);
    for (let done = 10; done < LEAK_N; done += 1000) {
      await page.evaluate(fn, [CALC, Math.min(1000, LEAK_N - done), 60_000 + done * 37, false]);
    }
    const atN = await memoryNow(page, cdp);
    await cdp.detach().catch(() => {});
    return { at10, atN };
  } finally {
    await close();
  }
}

/**
 * trade-widget timeline, synthetic events: pointer drag at a 1-month window (timeline.bench.mjs's 'drag').
 * sync: pointermove + el._tw.redraw(), timed synchronously, one frame between moves;
 * frame: pointermove alone (the widget redraws in its own animation frame, as when a reader drags) until the next frame is done.
 */
async function twPanInPage([count, zoomIn]) {
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => {
    const ch = new MessageChannel(); ch.port1.onmessage = () => resolve(); ch.port2.postMessage(0);
  }));
  const el = document.querySelector('trade-widget');
  const c = el.shadowRoot.querySelector('canvas[data-role=timeline]');
  const raf = () => new Promise((r) => requestAnimationFrame(() => r()));
  const key = (k) => c.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, composed: true }));
  const r = c.getBoundingClientRect();
  const cx = r.left + c.clientLeft + c.clientWidth * 0.5, cy = r.top + c.clientTop + c.clientHeight * 0.45;
  const pointer = (type, x) => c.dispatchEvent(new PointerEvent(type, {
    pointerId: 7, pointerType: 'mouse', isPrimary: true, clientX: x, clientY: cy, bubbles: true, cancelable: true, composed: true,
    buttons: type === 'pointerup' ? 0 : 1,
  }));
  c.focus();
  key('Home');
  for (let i = 0; i < zoomIn; i++) key('+');
  el._tw.redraw();
  await raf();
  const draws0 = el._tw.draws;
  pointer('pointerdown', cx);
  const sync = [];
  for (let i = 0; i < count; i++) {
    await raf();
    const x = cx + 120 * Math.sin((i + 1) * 0.3);
    const t0 = performance.now();
    pointer('pointermove', x);
    el._tw.redraw();
    sync.push(performance.now() - t0);
  }
  const draws1 = el._tw.draws;
  await nextFrame();
  const frame = [];
  for (let i = 0; i < count; i++) {
    const x = cx + 120 * Math.sin((i + 1) * 0.3 + 0.15);
    const t0 = performance.now();
    pointer('pointermove', x);
    await nextFrame();
    frame.push(performance.now() - t0);
  }
  pointer('pointerup', cx);
  return { sync, frame, draws: draws1 - draws0, frameDraws: el._tw.draws - draws1 };
}

/**
 * TimelineJS, synthetic events: goTo every 17th event (consecutive synthetic events are 0.36 day apart,
 * often less than a pixel; 17 is ~6 days). mode 'timenav': __tl._timenav.goTo(i, true) (no animation);
 * 'public': __tl.goTo(i) (timenav and story slide, animated; the animation is left to end, untimed).
 * sync: the call + a forced style/layout (offsetHeight); frame: until the next frame is done.
 */
async function tlPanInPage([count, mode, settleMs]) {
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => {
    const ch = new MessageChannel(); ch.port1.onmessage = () => resolve(); ch.port2.postMessage(0);
  }));
  const tl = window.__tl;
  const root = document.getElementById('tl');
  const slider = root.querySelector('.tl-timenav-slider');
  const n = window.__benchEvents;
  const STRIDE = 17;
  let i = Math.floor(n / 2);
  const left0 = slider.style.left;
  const sync = [], frame = [];
  let moved = 0;
  await nextFrame();
  for (let k = 0; k < count; k++) {
    if (settleMs) { await new Promise((r) => setTimeout(r, settleMs)); await nextFrame(); }
    i = (i + STRIDE) % n;
    const before = slider.style.left;
    const t0 = performance.now();
    if (mode === 'timenav') tl._timenav.goTo(i, true);
    else tl.goTo(i);
    void root.offsetHeight; // force style and layout
    sync.push(performance.now() - t0);
    await nextFrame();
    frame.push(performance.now() - t0);
    if (mode === 'timenav' && slider.style.left !== before) moved++;
  }
  if (mode === 'public') { await new Promise((r) => setTimeout(r, settleMs)); moved = slider.style.left !== left0 ? count : 0; }
  return { sync, frame, moved, current: tl.current_id };
}

async function pan(key) {
  const peer = BIG[key];
  const { page, rec, close } = await open(peer.url);
  try {
    await waitDrawn(page, peer.url);
    if (key === 'tw') {
      await page.locator('trade-widget').scrollIntoViewIfNeeded();
      const r = await page.evaluate(twPanInPage, [PAN_N, ZOOM_TO_MONTH]);
      if (r.draws < PAN_N || r.frameDraws < PAN_N * 0.9) throw new Error(`trade-widget pan: ${r.draws} + ${r.frameDraws} draws for 2 × ${PAN_N} moves`);
      return { sync: stats(r.sync), frame: stats(r.frame), problems: rec.problems };
    }
    await page.locator('#tl').scrollIntoViewIfNeeded();
    const a = await page.evaluate(tlPanInPage, [PAN_TL_N, 'timenav', 0]);
    if (a.moved < PAN_TL_N * 0.9) throw new Error(`TimelineJS timenav pan moved the slider ${a.moved} times of ${PAN_TL_N}`);
    const duration = await page.evaluate(() => window.__tl.options.duration);
    const b = await page.evaluate(tlPanInPage, [PAN_PUBLIC_N, 'public', duration + 200]);
    return { sync: stats(a.sync), frame: stats(a.frame), publicSync: stats(b.sync), publicFrame: stats(b.frame), problems: rec.problems };
  } finally {
    await close();
  }
}

// ---------------------------------------------------------------- main

function pad(s, n, right = false) { s = String(s); return right ? s.padStart(n) : s.padEnd(n); }

function printTable(head, rows) {
  const w = head.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => pad(c ?? '', w[i], i > 0)).join('  ');
  console.log(line(head));
  console.log(w.map((x) => '-'.repeat(x)).join('  '));
  for (const r of rows) console.log(line(r));
}

async function main() {
  const started = new Date();
  const load0 = load();
  const storyEvents = writeTimelineJson();
  env = await startEnv();
  const browserVersion = env.browser.version();
  const problems = [];
  const note = (where, list) => list.forEach((p) => problems.push(`${where}: ${p}`));
  try {
    // 1-2. loads, alternating
    const loads = await alternate(PEERS, LOADS, 'first drawing');
    for (const [k, ls] of Object.entries(loads)) ls.forEach((l) => note(PEERS[k].name, l.problems));
    const tlEvents = loads.tl[0].events;
    if (tlEvents !== storyEvents) throw new Error(`TimelineJS shows ${tlEvents} events, the data has ${storyEvents}`);
    const bytes = {}, first = {}, frame = {}, blocked = {};
    for (const k of Object.keys(PEERS)) {
      const files = loads[k][0].files;
      const counted = files.filter((f) => !f.harness);
      bytes[k] = { files, total: counted.reduce((s, f) => s + f.gzip, 0), raw: counted.reduce((s, f) => s + f.raw, 0) };
      first[k] = stats(loads[k].map((l) => l.ready));
      frame[k] = stats(loads[k].map((l) => l.frame));
      blocked[k] = loads[k].reduce((s, l) => s + l.blocked.length, 0);
      const sets = new Set(loads[k].map((l) => l.files.map((f) => f.path).sort().join(',')));
      if (sets.size > 1) problems.push(`${PEERS[k].name}: the loads did not all fetch the same files`);
    }

    const brief = (o) => Object.entries(o).map(([k, v]) => `${k} ${ms(v.median)} [${ms(v.min)}–${ms(v.max)}]`).join(', ');
    process.stderr.write(`  bytes gzip: ${Object.entries(bytes).map(([k, v]) => `${k} ${kb(v.total)}`).join(', ')}\n  first drawing ms: ${brief(first)}\n`);

    // 3. interaction
    process.stderr.write(`interaction (load ${load()})\n`);
    const inter = { tw: await interaction('tw'), cj: await interaction('cj') };
    note('trade-widget interaction', inter.tw.problems);
    note(`${CJ_NAME} interaction`, inter.cj.problems);
    process.stderr.write(`  median/p95 ms: tw ${ms(inter.tw.plain.median)}/${ms(inter.tw.plain.p95)}, cj ${ms(inter.cj.plain.median)}/${ms(inter.cj.plain.p95)}; ` +
      `4×: tw ${ms(inter.tw.slow.median)}/${ms(inter.tw.slow.p95)}, cj ${ms(inter.cj.slow.median)}/${ms(inter.cj.slow.p95)}\n`);

    // 4. 10,000 events
    process.stderr.write(`${EVENTS} events: first drawing (load ${load()})\n`);
    const big = await alternate(BIG, BIG_LOADS, `${EVENTS} events`, false); // warm already; a TimelineJS load takes ~1 min
    for (const [k, ls] of Object.entries(big)) ls.forEach((l) => note(`${BIG[k].name} (${EVENTS} events)`, l.problems));
    if (big.tl[0].events !== EVENTS) throw new Error(`TimelineJS synthetic page shows ${big.tl[0].events} events, not ${EVENTS}`);
    const bigFirst = { tw: stats(big.tw.map((l) => l.ready)), tl: stats(big.tl.map((l) => l.ready)) };
    const bigFrame = { tw: stats(big.tw.map((l) => l.frame)), tl: stats(big.tl.map((l) => l.frame)) };
    for (const k of ['tw', 'tl']) blocked[k] += big[k].reduce((s, l) => s + l.blocked.length, 0);
    process.stderr.write(`  ${EVENTS} events, first drawing ms: ${brief(bigFirst)}\n${EVENTS} events: pan (load ${load()})\n`);
    const panTw = await pan('tw');
    const panTl = await pan('tl');
    note('trade-widget pan', panTw.problems);
    note(`${TL_NAME} pan`, panTl.problems);
    process.stderr.write(`  pan sync median/p95 ms: tw ${ms(panTw.sync.median)}/${ms(panTw.sync.p95)}, tl ${ms(panTl.sync.median)}/${ms(panTl.sync.p95)}; ` +
      `to next frame: tw ${ms(panTw.frame.median)}/${ms(panTw.frame.p95)}, tl ${ms(panTl.frame.median)}/${ms(panTl.frame.p95)}\n`);

    // 5. memory
    process.stderr.write(`memory (load ${load()})\n`);
    const mem = { tw: await memory('tw'), cj: await memory('cj') };

    // ------------------------------------------------------------ report
    const tw = 'trade-widget', TL = TL_NAME, CJ = CJ_NAME;
    const spread = (s) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)}; IQR ${ms(s.q1)}–${ms(s.q3)})`;
    const mp = (s) => `${ms(s.median)} / ${ms(s.p95)}`;
    const both = bytes.tl.total + bytes.cj.total;

    console.log(`\ntrade-widget vs ${TL} and ${CJ} — headless Chromium ${browserVersion}, ${os.cpus().length} CPU(s) ` +
      `(${os.cpus()[0]?.model?.trim() || '?'}), viewport ${VIEWPORT.width}×${VIEWPORT.height} dpr 1`);
    console.log(`started ${started.toISOString()}, ${Math.round((Date.now() - started) / 1000)} s; os.loadavg() 1/5/15 min: ` +
      `${load0} at start, ${load()} at end`);
    console.log(`loads: ${LOADS} of each (+1 warm-up round), alternating; interactions: ${N}; memory: 10 then ${LEAK_N} inputs; ` +
      `synthetic: ${EVENTS} events, ${BIG_LOADS} loads each, pan steps: trade-widget ${PAN_N}, TimelineJS ${PAN_TL_N} (public goTo ${PAN_PUBLIC_N})\n`);

    const rows = [
      ['bytes gzip -9 (library JS, wasm, CSS, fonts, data)', kb(bytes.tw.total), kb(bytes.tl.total), kb(bytes.cj.total),
        rx(ratio(bytes.tw.total, bytes.tl.total)), rx(ratio(bytes.tw.total, bytes.cj.total))],
      [`first drawing, ms: median (min–max; IQR)`, spread(first.tw), spread(first.tl), spread(first.cj),
        rx(ratio(first.tw.median, first.tl.median)), rx(ratio(first.tw.median, first.cj.median))],
      [`first drawing + next frame, ms: median (min–max)`, `${ms(frame.tw.median)} (${ms(frame.tw.min)}–${ms(frame.tw.max)})`,
        `${ms(frame.tl.median)} (${ms(frame.tl.min)}–${ms(frame.tl.max)})`, `${ms(frame.cj.median)} (${ms(frame.cj.min)}–${ms(frame.cj.max)})`,
        rx(ratio(frame.tw.median, frame.tl.median)), rx(ratio(frame.tw.median, frame.cj.median))],
      [`input → recomputed + redrawn, ms: median / p95`, mp(inter.tw.plain), '—', mp(inter.cj.plain),
        '', `${rx(ratio(inter.tw.plain.median, inter.cj.plain.median))} / ${rx(ratio(inter.tw.plain.p95, inter.cj.plain.p95))}`],
      [`the same, CPU 4× throttled: median / p95`, mp(inter.tw.slow), '—', mp(inter.cj.slow),
        '', `${rx(ratio(inter.tw.slow.median, inter.cj.slow.median))} / ${rx(ratio(inter.tw.slow.p95, inter.cj.slow.p95))}`],
      [`${EVENTS} events: first drawing, ms: median (min–max)`, `${ms(bigFirst.tw.median)} (${ms(bigFirst.tw.min)}–${ms(bigFirst.tw.max)})`,
        `${ms(bigFirst.tl.median)} (${ms(bigFirst.tl.min)}–${ms(bigFirst.tl.max)})`, '—', rx(ratio(bigFirst.tw.median, bigFirst.tl.median)), ''],
      [`${EVENTS} events: + next frame, ms: median`, ms(bigFrame.tw.median), ms(bigFrame.tl.median), '—', rx(ratio(bigFrame.tw.median, bigFrame.tl.median)), ''],
      [`${EVENTS} events: pan, sync redraw, ms: median / p95 (tw drag; TL timenav goTo)`, mp(panTw.sync), mp(panTl.sync), '—',
        `${rx(ratio(panTw.sync.median, panTl.sync.median))} / ${rx(ratio(panTw.sync.p95, panTl.sync.p95))}`, ''],
      [`${EVENTS} events: pan, to next frame done, ms: median / p95`, mp(panTw.frame), mp(panTl.frame), '—',
        `${rx(ratio(panTw.frame.median, panTl.frame.median))} / ${rx(ratio(panTw.frame.p95, panTl.frame.p95))}`, ''],
      [`${EVENTS} events: TL public goTo(i): sync / to next frame, median`, '', `${ms(panTl.publicSync.median)} / ${ms(panTl.publicFrame.median)}`, '—', '', ''],
      [`wasm memory after 10 → ${LEAK_N} inputs`, `${mb(mem.tw.at10.wasm)} → ${mb(mem.tw.atN.wasm)}`, '—', '—', '', ''],
      [`JS heap after 10 → ${LEAK_N} inputs (after GC)`, `${mb(mem.tw.at10.js)} → ${mb(mem.tw.atN.js)}`, '—',
        `${mb(mem.cj.at10.js)} → ${mb(mem.cj.atN.js)}`, '', ''],
      ['requests to other hosts (blocked)', blocked.tw, blocked.tl, blocked.cj, '', ''],
    ];
    printTable(['measure', tw, TL, CJ, `÷ ${TL.split(' ')[0]}`, `÷ ${CJ.split(' ')[0]}`], rows);
    console.log(`\n(ratios: trade-widget ÷ peer; trade-widget draws the calculator AND the timeline, each peer only its own part. ` +
      `Both peers together: ${kb(both)} gzip, trade-widget ÷ both ${rx(ratio(bytes.tw.total, both))}.)`);

    // targets
    const wasmGrowth = mem.tw.atN.wasm - mem.tw.at10.wasm;
    const jsGrowth = mem.tw.atN.js - mem.tw.at10.js;
    const targets = [
      [bytes.tw.total <= TARGET_BYTES, `everything for both widgets ≤ 70 KB gzip: ${kb(bytes.tw.total)}`],
      [first.tw.median <= first.tl.median / 4, `first drawing ≤ ¼ of TimelineJS's: ${ms(first.tw.median)} vs ${ms(first.tl.median / 4)} ms ` +
        `(ratio ${rx(ratio(first.tw.median, first.tl.median))}; + next frame: ${rx(ratio(frame.tw.median, frame.tl.median))})`],
      [inter.tw.plain.p95 <= inter.cj.plain.p95 / 2, `interaction p95 ≤ ½ of Chart.js's: ${ms(inter.tw.plain.p95)} vs ${ms(inter.cj.plain.p95 / 2)} ms ` +
        `(ratio ${rx(ratio(inter.tw.plain.p95, inter.cj.plain.p95))})`],
      [inter.tw.slow.p95 <= inter.cj.slow.p95 / 2, `the same at 4× CPU throttling: ${ms(inter.tw.slow.p95)} vs ${ms(inter.cj.slow.p95 / 2)} ms ` +
        `(ratio ${rx(ratio(inter.tw.slow.p95, inter.cj.slow.p95))})`],
      [wasmGrowth < 1048576, `memory growth < 1 MB: wasm ${mb(wasmGrowth)}, JS heap ${mb(jsGrowth)} (10 → ${LEAK_N} inputs)`],
    ];
    console.log('\ntargets (informative; they never fail this command):');
    for (const [ok, text] of targets) console.log(`  ${ok ? 'PASS' : 'MISS'}  ${text}`);

    console.log('\nfiles fetched (gzip -9 / raw bytes):');
    for (const k of Object.keys(PEERS)) {
      console.log(`  ${PEERS[k].name}: ${kb(bytes[k].total)} gzip, ${kb(bytes[k].raw)} raw`);
      for (const f of bytes[k].files) console.log(`    ${pad(f.gzip, 8, true)} ${pad(f.raw, 8, true)}  ${f.path}${f.harness ? '  (bench page, not counted)' : ''}`);
    }

    console.log('\nFor the README:\n');
    console.log(`| measure | trade-widget | ${TL} | ${CJ} | ratio |`);
    console.log('|---|---|---|---|---|');
    console.log(`| bytes, gzip -9 (JS, wasm, CSS, fonts, data) | ${kb(bytes.tw.total)} | ${kb(bytes.tl.total)} | ${kb(bytes.cj.total)} | ` +
      `${rx(ratio(bytes.tw.total, bytes.tl.total))} / ${rx(ratio(bytes.tw.total, bytes.cj.total))} |`);
    console.log(`| first drawing, median (min–max), ${LOADS} loads | ${ms(first.tw.median)} ms (${ms(first.tw.min)}–${ms(first.tw.max)}) | ` +
      `${ms(first.tl.median)} ms (${ms(first.tl.min)}–${ms(first.tl.max)}) | ${ms(first.cj.median)} ms (${ms(first.cj.min)}–${ms(first.cj.max)}) | ` +
      `${rx(ratio(first.tw.median, first.tl.median))} / ${rx(ratio(first.tw.median, first.cj.median))} |`);
    console.log(`| input → redrawn, median / p95, ${N} inputs | ${mp(inter.tw.plain)} ms | — | ${mp(inter.cj.plain)} ms | p95 ${rx(ratio(inter.tw.plain.p95, inter.cj.plain.p95))} |`);
    console.log(`| the same, CPU 4× throttled | ${mp(inter.tw.slow)} ms | — | ${mp(inter.cj.slow)} ms | p95 ${rx(ratio(inter.tw.slow.p95, inter.cj.slow.p95))} |`);
    console.log(`| ${EVENTS.toLocaleString('en')} events: first drawing, median | ${ms(bigFirst.tw.median)} ms | ${ms(bigFirst.tl.median)} ms | — | ${rx(ratio(bigFirst.tw.median, bigFirst.tl.median))} |`);
    console.log(`| ${EVENTS.toLocaleString('en')} events: pan redraw, median / p95 | ${mp(panTw.sync)} ms (drag) | ${mp(panTl.sync)} ms (timenav goTo + layout) | — | p95 ${rx(ratio(panTw.sync.p95, panTl.sync.p95))} |`);
    console.log(`| ${EVENTS.toLocaleString('en')} events: pan to next frame, median / p95 | ${mp(panTw.frame)} ms | ${mp(panTl.frame)} ms | — | p95 ${rx(ratio(panTw.frame.p95, panTl.frame.p95))} |`);
    console.log(`| memory, 10 → ${LEAK_N.toLocaleString('en')} inputs | wasm ${mb(mem.tw.at10.wasm)} → ${mb(mem.tw.atN.wasm)}, JS ${mb(mem.tw.at10.js)} → ${mb(mem.tw.atN.js)} | — | JS ${mb(mem.cj.at10.js)} → ${mb(mem.cj.atN.js)} | |`);

    if (problems.length) {
      console.log(`\nproblems seen on the pages (${problems.length}):`);
      for (const p of [...new Set(problems)].slice(0, 30)) console.log(`  ${p}`);
    }
  } finally {
    await stopEnv();
  }
}

main().catch((e) => {
  console.error(e && e.stack || e);
  process.exitCode = 1;
});
