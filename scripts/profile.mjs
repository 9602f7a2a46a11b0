#!/usr/bin/env node
// A CPU profile of the calculator's inputs in headless Chromium, recorded through CDP.
//
//   node scripts/profile.mjs [N] [--names]      (needs `make build`; Chromium from `make setup-test`)
//
// One input = what bench/calculator.bench.mjs times: set the value field, dispatch 'input', redraw.
// Writes test-results/calculator.cpuprofile (open it in Chrome DevTools > Performance > "Load
// profile", or in https://www.speedscope.app) and prints the functions with the most self time.
//
// --names serves target/wasm-gen/VIEW/trade_widget_bg.wasm in place of pkg/trade-widget-VIEW.wasm
// (index.html loads VIEW = both). That file is wasm-bindgen's output before wasm-opt, from the same
// build as pkg/'s glue, and keeps the
// name section, so wasm frames read as Rust functions instead of "wasm-function[812]". It is not
// size-optimised, so its times are close to, not equal to, what readers get.
import fs from 'node:fs';
import path from 'node:path';
import { startEnv, stopEnv, waitDrawn, calculatorInputs, CALC, ROOT, RESULTS } from '../tests/e2e/helpers.mjs';

const args = process.argv.slice(2);
const names = args.includes('--names');
const n = Number(args.find((a) => /^\d+$/.test(a)) || 2000);
const namedWasm = path.join(ROOT, 'target/wasm-gen/both/trade_widget_bg.wasm');
if (names && !fs.existsSync(namedWasm)) {
  console.error(`${namedWasm} not found; run make build first`);
  process.exit(1);
}

const env = await startEnv();
try {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (names) {
    await page.route(/\/trade-widget-(calculator|timeline|both)\.wasm(\?.*)?$/, (route) => route.fulfill({
      body: fs.readFileSync(path.join(ROOT, 'target/wasm-gen', /trade-widget-(\w+)\.wasm/.exec(route.request().url())[1],
        'trade_widget_bg.wasm')),
      contentType: 'application/wasm',
    }));
  }
  await page.goto(env.baseUrl + '/index.html', { waitUntil: 'load' });
  await waitDrawn(page, CALC);
  await page.locator(CALC).scrollIntoViewIfNeeded();
  await page.evaluate(calculatorInputs, [CALC, 50, 1000, false]); // warm-up: JIT, font cache

  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); // microseconds
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await page.evaluate(calculatorInputs, [CALC, n, 20_000, false]);
  const ms = Date.now() - t0;
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach().catch(() => {});
  await context.close();

  fs.mkdirSync(RESULTS, { recursive: true });
  const out = path.join(RESULTS, 'calculator.cpuprofile');
  fs.writeFileSync(out, JSON.stringify(profile));

  // Self time per function: each sample is charged to the node on top of the stack.
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id).callFrame;
    const key = `${frame.functionName || '(anonymous)'}  ${frame.url ? path.basename(frame.url.split('?')[0]) : ''}`.trim();
    self.set(key, (self.get(key) || 0) + (profile.timeDeltas[i] || 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  console.log(`${n} inputs in ${ms} ms${names ? ' (named, unoptimised wasm)' : ''}; profile: ${path.relative(ROOT, out)}`);
  console.log('self time  function');
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(8)} %  ${key}`);
  }
} finally {
  await stopEnv();
}
