// The script API a newsroom calls (www/trade-widget.d.ts): the typed usage file run against the
// real widget, quote()'s camelCase keys and figures, setState({lang}), a change listener that calls
// setState on its own widget, and the version the build writes in.
//
// The page is www/pages/api.html; with ?usage it runs test-results/types/usage.js, which
// scripts/check-types.sh compiles from tests/types/usage.ts (done here first, so it is current).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  startEnv, stopEnv, openPage, assertNoProblems, waitDrawn, shadow, waitForText, normalise, ROOT, TIMEOUT, CALC,
} from './helpers.mjs';

before(startEnv);
after(stopEnv);

const PAGE = '/www/pages/api.html';
const SUMMARY = '[data-role=summary]';
// A C$40,000 Chinese EV on June 1, 2025: the 6.1 % base rate and the 100 % surtax.
const EV = { flow: 'cn-ev-to-ca', value: 40000, currency: 'CAD', date: '2025-06-01', quantity: 1 };

async function openApi(query = '') {
  const opened = await openPage(PAGE + query);
  await waitDrawn(opened.page, CALC);
  return opened;
}

const summaryOf = async (page) => normalise(await shadow(page, CALC, SUMMARY).textContent());

/** Every key of a JSON value, with its path. */
function keysOf(v, at = 'quote()', out = []) {
  if (Array.isArray(v)) v.forEach((x, i) => keysOf(x, `${at}[${i}]`, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.push([`${at}.${k}`, k]);
      keysOf(x, `${at}.${k}`, out);
    }
  }
  return out;
}

test('tests/types/usage.ts, compiled, agrees with the real widget', { timeout: 4 * TIMEOUT }, async () => {
  const tsc = spawnSync('bash', ['scripts/check-types.sh'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(tsc.status, 0, `scripts/check-types.sh failed:\n${tsc.stdout}${tsc.stderr}`);
  assert.ok(fs.existsSync(path.join(ROOT, 'test-results/types/usage.js')), 'check-types.sh wrote no test-results/types/usage.js');

  const { page, problems, close } = await openPage(PAGE + '?usage');
  try {
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-usage'), null, { timeout: 3 * TIMEOUT, polling: 200 });
    const report = await page.evaluate(() => window.twUsage);
    assert.deepEqual(report.problems, [], `usage.js reported ${report.problems.length} problem(s):\n${report.problems.join('\n')}`);
    assert.equal(report.ok, true);
    assert.ok(report.checks >= 100, `usage.js ran only ${report.checks} checks`);
    assertNoProblems(problems, PAGE + '?usage');
  } finally {
    await close();
  }
});

test('quote(): camelCase keys, and the figures the reader sees in the summary', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openApi();
  try {
    const cmp = await page.evaluate(([sel, patch]) => {
      const el = document.querySelector(sel);
      el.setState(patch);
      return el.quote();
    }, [CALC, EV]);
    const keys = keysOf(cmp);
    const notCamel = keys.filter(([, k]) => !/^[a-z][a-zA-Z0-9]*$/.test(k)).map(([p]) => p);
    assert.deepEqual(notCamel, [], 'keys that are not camelCase');
    for (const k of ['totalDutyMinor', 'valueMinor', 'landedMinor', 'hasEstimate', 'outsideCoverage']) {
      assert.ok(k in cmp.selected, `quote().selected has no ${k}`);
    }
    for (const k of ['baseMinor', 'amountMinor']) assert.ok(k in cmp.selected.layers[0], `a layer has no ${k}`);
    assert.ok('dutyChangeMinor' in cmp && 'rateChangeBp' in cmp, 'quote() has no dutyChangeMinor / rateChangeBp');
    // Values are data, not keys: they stay as in the data file.
    assert.deepEqual(cmp.selected.layers.map((l) => [l.kind, l.status.status]), [['base', 'applied'], ['surtax', 'applied']]);

    const q = cmp.selected;
    assert.equal(q.totalDutyMinor, 4_244_000, 'total duty (minor units)');
    assert.equal(q.effective, 10_610, 'effective rate (basis points)');
    assert.equal(q.landedMinor, 8_244_000, 'landed cost (minor units)');
    // The same figures in the sentence the reader reads: C$42,440.00, 106.1 %.
    const summary = await waitForText(shadow(page, CALC, SUMMARY), 'C$42,440.00');
    assert.match(summary, /106\.1\s?%/, `the summary does not show the 106.1 % of quote().selected.effective: "${summary}"`);
    assert.ok(summary.includes('C$40,000.00'), `the summary does not show the value: "${summary}"`);
    assertNoProblems(problems, PAGE);
  } finally {
    await close();
  }
});

test('setState({lang: "fr"}) switches the widget to French and keeps what was entered', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openApi();
  try {
    await page.evaluate(([sel, patch]) => document.querySelector(sel).setState({ ...patch, quotaUsed: 12, compareDate: '2025-01-01' }), [CALC, EV]);
    await waitForText(shadow(page, CALC, SUMMARY), 'C$42,440.00');
    const before = await page.evaluate((sel) => document.querySelector(sel).getState(), CALC);

    const returned = await page.evaluate((sel) => document.querySelector(sel).setState({ lang: 'fr' }), CALC);
    assert.deepEqual(returned, [], 'setState({lang}) returns []');
    await page.evaluate((sel) => document.querySelector(sel).ready.then(() => true), CALC);
    await waitDrawn(page, CALC);
    const summary = await waitForText(shadow(page, CALC, SUMMARY), '42 440,00 $');
    assert.match(summary, /juin 2025/, `the date is not in French: "${summary}"`);
    assert.match(summary, /106,1\s?%/, `the rate is not in French: "${summary}"`);
    assert.ok(!/C\$|42,440|June/.test(summary), `English left in the French summary: "${summary}"`);

    const after = await page.evaluate((sel) => document.querySelector(sel).getState(), CALC);
    assert.equal(after.lang, 'fr');
    const { lang: _l1, errors: _e1, ...keptBefore } = before;
    const { lang: _l2, errors: _e2, ...keptAfter } = after;
    assert.deepEqual(keptAfter, keptBefore, 'the inputs after the language change');
    assert.equal(await page.locator(CALC).getAttribute('lang'), 'fr', 'the element\'s lang attribute');

    // 'FR-ca' is French too (no re-mount), and 'en-CA' goes back, with the rest of the patch.
    await page.evaluate((sel) => document.querySelector(sel).setState({ lang: 'FR-ca' }), CALC);
    await page.evaluate((sel) => document.querySelector(sel).setState({ lang: 'en-CA', value: 50000 }), CALC);
    await page.evaluate((sel) => document.querySelector(sel).ready.then(() => true), CALC);
    await waitForText(shadow(page, CALC, SUMMARY), 'C$50,000.00');
    const back = await page.evaluate((sel) => document.querySelector(sel).getState(), CALC);
    assert.deepEqual([back.lang, back.value, back.date, back.quotaUsed], ['en', '50000', '2025-06-01', '12']);
    assertNoProblems(problems, PAGE);
  } finally {
    await close();
  }
});

test('setState({lang: "de"}) throws, naming en and fr, and applies nothing', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openApi();
  try {
    await page.evaluate(([sel, patch]) => document.querySelector(sel).setState(patch), [CALC, EV]);
    await waitForText(shadow(page, CALC, SUMMARY), 'C$42,440.00');
    const before = { state: await page.evaluate((sel) => document.querySelector(sel).getState(), CALC), summary: await summaryOf(page) };
    for (const lang of ['de', '', 'english', 42, null]) {
      const result = await page.evaluate(([sel, l]) => {
        const el = document.querySelector(sel);
        let events = 0;
        const count = () => { events++; };
        el.addEventListener('trade-widget-change', count);
        try {
          el.setState({ value: 1, date: '2026-03-02', lang: l });
          return { threw: false, events };
        } catch (e) {
          return { threw: true, isError: e instanceof Error, message: e.message, events };
        } finally {
          el.removeEventListener('trade-widget-change', count);
        }
      }, [CALC, lang]);
      assert.equal(result.threw, true, `setState({lang: ${JSON.stringify(lang)}}) did not throw`);
      assert.ok(result.isError, 'it throws an Error');
      assert.match(result.message, /"en"/, `the message does not name en: ${result.message}`);
      assert.match(result.message, /"fr"/, `the message does not name fr: ${result.message}`);
      assert.equal(result.events, 0, 'a rejected patch fired a change event');
    }
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const after = { state: await page.evaluate((sel) => document.querySelector(sel).getState(), CALC), summary: await summaryOf(page) };
    assert.deepEqual(after, before, 'a rejected lang changed the widget');
    assert.equal(await page.locator(CALC).getAttribute('lang'), null, 'a rejected lang set the attribute');
    assertNoProblems(problems, PAGE);
  } finally {
    await close();
  }
});

test('a change listener that calls setState on its own widget does not recurse', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openApi();
  try {
    const result = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      const values = [];
      // Stops itself after 100 calls, so a widget that does recurse fails this test instead of hanging it.
      const listener = (ev) => {
        values.push(ev.detail.value);
        if (values.length <= 100) el.setState({ value: String(41000 + values.length) });
      };
      el.addEventListener('trade-widget-change', listener);
      const t0 = performance.now();
      try {
        el.setState({ flow: 'cn-ev-to-ca', currency: 'CAD', date: '2025-06-01', value: 50000 });
      } finally {
        el.removeEventListener('trade-widget-change', listener);
      }
      return { values, ms: performance.now() - t0, state: el.getState(), quote: el.quote() };
    }, CALC);
    assert.ok(result.values.length >= 1, 'the listener never ran');
    assert.ok(result.values.length <= 2, `the listener ran ${result.values.length} times (${result.values.join(', ')}): setState from a change listener recurses`);
    assert.equal(result.values[0], '50000', 'the first event carries the first state');
    // The listener's own setState is applied and drawn.
    const last = String(41000 + result.values.length);
    assert.equal(result.state.value, last, 'the listener\'s setState was not applied');
    assert.equal(result.quote.selected.valueMinor, Number(last) * 100, 'quote() does not reflect the listener\'s setState');
    await waitForText(shadow(page, CALC, SUMMARY), `C$${Number(last).toLocaleString('en-CA')}.00`);
    // The page still answers.
    assert.equal(await page.evaluate(() => 1 + 1), 2);
    assertNoProblems(problems, PAGE);
  } finally {
    await close();
  }
});

test('the version is Cargo.toml\'s, in TradeWidget.version, pkg/vX.Y.Z/ and pkg/package.json', { timeout: TIMEOUT }, async () => {
  const toml = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
  const version = /\[package\][^[]*?\nversion\s*=\s*"([^"]+)"/.exec(toml)?.[1];
  assert.ok(version, 'no [package] version in Cargo.toml');
  const pkg = (f) => path.join(ROOT, 'pkg', f);
  const modules = ['calculator', 'timeline', 'both', 'reader'].flatMap((v) => [`trade-widget-${v}.js`, `trade-widget-${v}.wasm`]);
  for (const f of ['trade-widget.js', ...modules]) {
    assert.ok(fs.existsSync(pkg(`v${version}/${f}`)), `pkg/v${version}/${f} is missing (scripts/build.sh writes it)`);
  }
  const npm = JSON.parse(fs.readFileSync(pkg('package.json'), 'utf8'));
  assert.equal(npm.version, version, 'pkg/package.json version');
  for (const f of modules) assert.ok(npm.files.includes(f), `pkg/package.json's files lack ${f}`);
  const js = fs.readFileSync(pkg('trade-widget.js'), 'utf8');
  assert.ok(!js.includes('__TW_VERSION__'), 'pkg/trade-widget.js still holds the version placeholder');
  for (const doc of ['README.md', 'trade-widget.d.ts']) {
    const named = [...fs.readFileSync(pkg(doc), 'utf8').matchAll(/trade-widget\/v(\d+\.\d+\.\d+)\//g)].map((m) => m[1]);
    assert.ok(named.length > 0 && named.every((v) => v === version), `pkg/${doc} names ${named.join(', ') || 'no version'}, not v${version}`);
  }
  const { page, problems, close } = await openApi();
  try {
    assert.equal(await page.evaluate(() => window.TradeWidget.version), version, 'TradeWidget.version');
    assertNoProblems(problems, PAGE);
  } finally {
    await close();
  }
});
