// Accessibility of the widgets as embedded in an article: axe-core (WCAG 2.0/2.1/2.2 A and AA rules,
// through the open shadow roots) on the English demo article and on a French article, in light and
// dark colour schemes, with the timeline's details card closed and open; then three checks axe does
// not make in full: every control has an accessible name (as Chromium's accessibility tree computes
// it), every target is at least 24 × 24 CSS px, and keyboard focus is always visible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import {
  startEnv, stopEnv, openPage, assertNoProblems, waitDrawn, shadow, normalise, TIMEOUT, CALC, TL,
} from './helpers.mjs';

before(startEnv);
after(stopEnv);

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PAGES = [
  { lang: 'en', path: '/index.html' },
  { lang: 'fr', path: '/www/pages/article-fr.html' },
];

/** axe's target, e.g. [["trade-widget[view=timeline]", "button.close"]], as "trade-widget[view=timeline] >>> button.close". */
function targetText(target) {
  return target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | ');
}

/** Every violation, one block per rule, each node with its selector, markup and what to fix. */
function describeViolations(violations) {
  return violations.map((v) => [
    `${v.id} [${v.impact}] ${v.help} (${v.helpUrl})`,
    ...v.nodes.map((n) => [
      `  - ${targetText(n.target)}`,
      `    ${n.html.replace(/\s+/g, ' ').slice(0, 240)}`,
      ...String(n.failureSummary || '').split('\n').map((l) => `      ${l.trim()}`),
    ].join('\n')),
  ].join('\n')).join('\n\n');
}

async function runAxe(page, where) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  // axe must actually have looked inside the widgets' shadow roots.
  const inShadow = results.passes.concat(results.violations)
    .flatMap((r) => r.nodes)
    .filter((n) => Array.isArray(n.target[0]) && /^trade-widget/.test(n.target[0][0])).length;
  assert.ok(inShadow > 20, `${where}: axe checked only ${inShadow} nodes inside the widgets' shadow roots`);
  assert.equal(results.violations.length, 0,
    `${where}: ${results.violations.length} axe violation(s):\n\n${describeViolations(results.violations)}\n`);
  return results;
}

/** Focus the timeline canvas, press Home then Enter: the details card of the first event opens. */
async function openFirstEvent(page) {
  await shadow(page, TL, 'canvas[data-role=timeline]').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  const card = shadow(page, TL, '[data-role=details]');
  await card.waitFor({ state: 'visible', timeout: 10_000 });
  const title = normalise(await shadow(page, TL, '[data-role=details-title]').textContent());
  assert.ok(title.length > 0, 'the details card opened with an empty title');
  return title;
}

for (const { lang, path } of PAGES) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe: ${lang} article, ${colorScheme}, details card closed and open`, { timeout: 3 * TIMEOUT }, async () => {
      const { page, problems, close } = await openPage(path, { colorScheme, lang: lang === 'fr' ? 'fr-CA' : 'en-US' });
      try {
        await waitDrawn(page);
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
        for (const host of [CALC, TL]) {
          assert.equal(await page.locator(host).getAttribute('data-scheme'), colorScheme,
            `${host} did not take the page's ${colorScheme} colour scheme`);
        }
        // The French page's widgets speak French (they take the page's lang).
        const heading = normalise(await shadow(page, CALC, 'h2').textContent());
        assert.equal(heading, lang === 'fr' ? 'Calculateur de droits de douane' : 'Tariff calculator');

        await runAxe(page, `${path} (${colorScheme})`);
        await openFirstEvent(page);
        await runAxe(page, `${path} (${colorScheme}, details card open)`);
        assertNoProblems(problems, `${path} (${colorScheme})`);
      } finally {
        await close();
      }
    });
  }
}

/** The accessible name and role Chromium computes for each visible control inside a widget. */
async function accessibleNames(page, hostSelector) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const count = await page.evaluate((h) => document.querySelector(h).shadowRoot
      .querySelectorAll('input, select, textarea, button, [tabindex]').length, hostSelector);
    const out = [];
    for (let i = 0; i < count; i++) {
      const expression = `document.querySelector(${JSON.stringify(hostSelector)}).shadowRoot
        .querySelectorAll('input, select, textarea, button, [tabindex]')[${i}]`;
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      const info = await cdp.send('Runtime.callFunctionOn', {
        objectId: result.objectId,
        functionDeclaration: 'function () { const r = this.getBoundingClientRect(); return { html: this.outerHTML.slice(0, 160), visible: r.width > 0 && r.height > 0 && getComputedStyle(this).visibility !== "hidden" }; }',
        returnByValue: true,
      });
      const { html, visible } = info.result.value;
      if (!visible) continue;
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false });
      const node = nodes.find((n) => !n.ignored) || nodes[0];
      out.push({ html, ignored: !!node?.ignored, role: node?.role?.value, name: normalise(node?.name?.value) });
    }
    return out;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

test('every control in the calculator and the timeline has an accessible name', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openPage('/index.html');
  try {
    await waitDrawn(page);
    await openFirstEvent(page); // the card's buttons count too
    const want = {
      'select[name=flow]': 'Trade flow', 'input[name=value]': 'Customs value of the shipment',
      'select[name=currency]': 'Currency', 'input[name=date]': 'Date of entry', 'input[name=quantity]': 'Quantity',
      'input[name=quota-used]': 'Units already entered this quota year', 'input[name=date-range]': 'Date of entry, 2017 to 2026',
      'button[data-preset=peak]': 'At the peak',
    };
    for (const [sel, name] of Object.entries(want)) {
      const got = normalise(await shadow(page, CALC, sel).evaluate((el) => el.labels?.[0]?.textContent || el.getAttribute('aria-label') || el.textContent));
      assert.equal(got, name, `${sel}: expected the label "${name}"`);
    }
    const bad = [];
    let seen = 0;
    for (const host of [CALC, TL]) {
      for (const c of await accessibleNames(page, host)) {
        seen++;
        if (c.ignored || !c.name) bad.push(`${host} >>> ${c.html}: role ${c.role}, name "${c.name}"${c.ignored ? ' (not in the accessibility tree)' : ''}`);
      }
    }
    assert.ok(seen >= 12, `only ${seen} visible controls found`);
    assert.deepEqual(bad, [], `controls without an accessible name:\n${bad.join('\n')}`);
    assertNoProblems(problems, 'accessible names');
  } finally {
    await close();
  }
});

test('every target in the widgets is at least 24 × 24 CSS px', { timeout: 2 * TIMEOUT }, async () => {
  for (const width of [320, 1280]) {
    const { page, problems, close } = await openPage('/index.html', { width });
    try {
      await waitDrawn(page);
      await openFirstEvent(page);
      const small = [];
      let seen = 0;
      for (const host of [CALC, TL]) {
        // Links inside sentences and table cells are exempt (WCAG 2.5.8, "inline"); everything else counts.
        const targets = shadow(page, host, 'button, select, input, [tabindex]:not([tabindex="-1"]), label.lane');
        const n = await targets.count();
        for (let i = 0; i < n; i++) {
          const t = targets.nth(i);
          const box = await t.boundingBox();
          if (!box || box.width === 0 || box.height === 0) continue; // hidden
          seen++;
          if (box.width < 24 || box.height < 24) {
            const html = await t.evaluate((el) => el.outerHTML.slice(0, 120));
            small.push(`${host} >>> ${html}: ${box.width.toFixed(1)} × ${box.height.toFixed(1)}`);
          }
        }
      }
      assert.ok(seen >= 15, `only ${seen} targets found at ${width} px`);
      assert.deepEqual(small, [], `targets under 24 × 24 CSS px at ${width} px:\n${small.join('\n')}`);
      assertNoProblems(problems, `targets at ${width} px`);
    } finally {
      await close();
    }
  }
});

/** The deepest focused element (through shadow roots): where it is and how its focus is drawn. */
function focusInfo(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    let host = null;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) { host = el; el = el.shadowRoot.activeElement; }
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    const shadowed = cs.boxShadow && cs.boxShadow !== 'none';
    return {
      widget: host ? host.getAttribute('view') : null,
      what: el.outerHTML.slice(0, 100),
      key: host ? `${host.getAttribute('view')}:${el.getAttribute('name') || ''}:${el.getAttribute('data-preset') || el.getAttribute('data-action') || el.getAttribute('data-role') || ''}:${el.getAttribute('value') || ''}:${el.textContent.slice(0, 20)}` : el.outerHTML.slice(0, 60),
      visible: outline || shadowed,
      style: `outline: ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}; box-shadow: ${cs.boxShadow}`,
    };
  });
}

test('keyboard focus is visible on every control of both widgets', { timeout: 3 * TIMEOUT }, async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, problems, close } = await openPage('/index.html', { colorScheme });
    try {
      await waitDrawn(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      const hidden = [];
      const seen = new Set();
      const check = (f) => {
        if (!f || !f.widget) return;
        seen.add(f.key);
        if (!f.visible) hidden.push(`${f.widget} >>> ${f.what} (${f.style})`);
      };
      // From the top of the page through both widgets, Tab only.
      let leftTimeline = false;
      for (let i = 0; i < 120 && !leftTimeline; i++) {
        await page.keyboard.press('Tab');
        const f = await focusInfo(page);
        check(f);
        if (seen.has('timeline::timeline::') && (!f || f.widget !== 'timeline')) leftTimeline = true;
      }
      assert.ok([...seen].some((k) => k.startsWith('calculator:flow')), 'Tab never reached the calculator');
      assert.ok(seen.has('timeline::timeline::'), `Tab never reached the timeline canvas; reached: ${[...seen].join(', ')}`);
      // With the details card open: its buttons and links.
      await openFirstEvent(page);
      for (let i = 0; i < 15; i++) {
        await page.keyboard.press('Tab');
        const f = await focusInfo(page);
        if (!f || f.widget !== 'timeline') break;
        check(f);
      }
      assert.ok(seen.has('timeline::close::×'), `Tab never reached the details card's close button; reached: ${[...seen].join(', ')}`);
      assert.deepEqual(hidden, [], `${colorScheme}: focused elements without a visible focus indicator:\n${hidden.join('\n')}`);
      assertNoProblems(problems, `focus (${colorScheme})`);
    } finally {
      await close();
    }
  }
});
