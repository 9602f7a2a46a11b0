// Which goods count (issue 12, item 6): the search above the flow picker finds a flow by an HS
// code or a product word in either language, hides what it does not find, says how many flows
// match and moves the choice to the first match; under the picker the chosen flow's goods line
// gives its HS headings, its scope and its tariff schedule as a source link. In English and
// French, from the keyboard alone, and with axe-core at zero violations while a search is on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import {
  startEnv, stopEnv, openPage, assertNoProblems, waitDrawn, shadow, normalise, waitForText,
  focusedIs, tabTo, TIMEOUT, CALC,
} from './helpers.mjs';

before(startEnv);
after(stopEnv);

const q = (page, inner) => shadow(page, CALC, inner);

async function openCalculator(path = '/index.html', lang = 'en-US') {
  const opened = await openPage(path, { width: 1280, lang });
  await waitDrawn(opened.page, CALC);
  return opened;
}

/** The picker's options a reader can see and choose: [{value, text}], and the groups left shown. */
function visibleOptions(page) {
  return q(page, 'select[name=flow]').evaluate((sel) => ({
    options: [...sel.options].filter((o) => !o.hidden && !o.disabled).map((o) => ({ value: o.value, text: o.textContent })),
    groups: [...sel.querySelectorAll('optgroup')].filter((g) => !g.hidden).map((g) => g.label),
  }));
}

async function search(page, text) {
  await q(page, 'input[name=flow-search]').fill(text);
}

async function summary(page) {
  return normalise(await q(page, '[data-role=summary]').textContent());
}

/** Wait until the summary differs from `before`; return it. */
async function summaryChanged(page, before) {
  const deadline = Date.now() + 15_000;
  let now = await summary(page);
  while (now === before && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    now = await summary(page);
  }
  assert.notEqual(now, before, 'the summary did not follow the search');
  return now;
}

test('"8703" leaves the EV flow, chooses it and shows its headings and schedule', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openCalculator();
  try {
    // Start elsewhere, so the choice has to follow the search.
    await q(page, 'select[name=flow]').selectOption('ca-canola-seed-to-cn');
    // The choice is drawn in the next frame: wait for it, or `before` may still be the EV's sentence.
    await page.waitForFunction(() => /canola/i.test(
      document.querySelector('trade-widget[view=calculator]').shadowRoot.querySelector('[data-role=summary]').textContent));
    const before = await summary(page);
    await search(page, '8703');
    await waitForText(q(page, '[data-role=flow-search-status]'), '1 trade flow matches');
    const { options, groups } = await visibleOptions(page);
    assert.deepEqual(options.map((o) => o.value), ['cn-ev-to-ca'], 'only the EV flow is left in the picker');
    assert.deepEqual(groups, ['Into Canada'], 'the groups left empty are hidden');
    assert.equal(await q(page, 'select[name=flow]').inputValue(), 'cn-ev-to-ca');
    const after = await summaryChanged(page, before);
    assert.match(after, /Chinese electric vehicles/, after);

    const goods = q(page, '[data-role=goods]');
    const line = await waitForText(goods, 'HS 8703.80 · Electric and certain hybrid cars');
    assert.match(line, /^Which goods count\? HS 8703\.80 · /, line);
    assert.match(line, /Tariff schedule: Justice Laws Website, October 22, 2024$/, line);
    const link = goods.locator('a');
    assert.equal(await link.count(), 1);
    assert.equal(await link.getAttribute('href'), 'https://laws-lois.justice.gc.ca/eng/regulations/SOR-2024-187/FullText.html');
    assert.equal(await link.getAttribute('data-kind'), 'primary');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.match(await link.getAttribute('title'), /China Surtax Order \(2024\)/);
    // The picker is described by the goods line.
    assert.equal(await q(page, 'select[name=flow]').getAttribute('aria-describedby'), 'tw-goods');

    // Clearing the search brings every flow back, and says nothing.
    await search(page, '');
    assert.equal((await visibleOptions(page)).options.length, 14);
    assert.equal(normalise(await q(page, '[data-role=flow-search-status]').textContent()), '');
    assertNoProblems(problems, 'searching 8703');
  } finally {
    await close();
  }
});

test('"rapeseed" chooses canola seed and the result follows; a flow without confirmed headings shows its scope', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openCalculator();
  try {
    const before = await summary(page);
    await search(page, 'rapeseed');
    await waitForText(q(page, '[data-role=flow-search-status]'), '3 trade flows match');
    const { options } = await visibleOptions(page);
    assert.deepEqual(options.map((o) => o.value), ['ca-canola-seed-to-cn', 'ca-canola-oil-to-cn', 'ca-canola-meal-to-cn']);
    assert.equal(await q(page, 'select[name=flow]').inputValue(), 'ca-canola-seed-to-cn');
    const after = await summaryChanged(page, before);
    assert.match(after, /Canadian canola seed/, after);
    const state = await page.evaluate((sel) => document.querySelector(sel).getState(), CALC);
    assert.equal(state.flow, 'ca-canola-seed-to-cn');
    assert.equal(state.currency, 'CNY', 'the new flow brings its own currency');
    await waitForText(q(page, '[data-role=goods]'), 'HS 1205.10, 1205.90 · Canola (rapeseed) seed from Canada');

    // Within the matches, the reader's own choice stays.
    await q(page, 'select[name=flow]').selectOption('ca-canola-oil-to-cn');
    const oil = await waitForText(q(page, '[data-role=goods]'), 'Canola (rapeseed) oil from Canada');
    assert.doesNotMatch(oil, /HS \d/, 'no HS code is shown where none was confirmed');
    assert.match(oil, /Tariff schedule: Customs Tariff Commission of the State Council/, oil);
    assertNoProblems(problems, 'searching rapeseed');
  } finally {
    await close();
  }
});

test('« colza » on the French article finds « Graines de canola canadiennes »', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openCalculator('/www/pages/article-fr.html', 'fr-CA');
  try {
    const label = normalise(await q(page, 'label[for=tw-flow-search]').textContent());
    assert.equal(label, 'Chercher une marchandise par nom ou code SH');
    await search(page, 'colza');
    await waitForText(q(page, '[data-role=flow-search-status]'), '3 flux correspondent');
    const { options, groups } = await visibleOptions(page);
    assert.equal(options[0].text, 'Graines de canola canadiennes');
    assert.deepEqual(groups, ['Vers la Chine']);
    assert.equal(await q(page, 'select[name=flow]').inputValue(), 'ca-canola-seed-to-cn');
    const line = await waitForText(q(page, '[data-role=goods]'), 'SH 1205.10, 1205.90 · Graines de canola (colza) du Canada');
    assert.match(line, /^Quelles marchandises sont visées \? /, line);
    assert.match(line, /Liste tarifaire : Commission tarifaire douanière du Conseil des affaires d’État \(ministère des Finances\), 31 décembre 2025$/, line);
    await waitForText(q(page, '[data-role=summary]'), 'graines de canola canadiennes');

    // Accents and case do not matter; the English word works in French too.
    for (const [text, first] of [['ACIER', 'cn-steel-to-ca'], ['vehicule electrique', 'cn-ev-to-ca'], ['rapeseed', 'ca-canola-seed-to-cn']]) {
      await search(page, text);
      await page.waitForFunction(([sel, want]) => {
        const s = document.querySelector(sel).shadowRoot.querySelector('select[name=flow]');
        return [...s.options].find((o) => !o.hidden)?.value === want;
      }, [CALC, first], { timeout: 10_000 });
    }
    await search(page, 'zzz');
    await waitForText(q(page, '[data-role=flow-search-status]'), 'Aucun flux ne correspond à « zzz »');
    assertNoProblems(problems, 'searching in French');
  } finally {
    await close();
  }
});

test('"zzz" says nothing matches and keeps the last result', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openCalculator();
  try {
    await search(page, 'pork');
    await waitForText(q(page, '[data-role=summary]'), 'Canadian pork');
    const before = await summary(page);
    await search(page, 'zzz');
    await waitForText(q(page, '[data-role=flow-search-status]'), 'No trade flow matches “zzz”');
    assert.equal(await q(page, 'select[name=flow]').inputValue(), 'ca-pork-to-cn');
    assert.equal((await visibleOptions(page)).options.length, 14, 'with no match the picker keeps every flow');
    await page.waitForTimeout(300);
    assert.equal(await summary(page), before, 'the result changed with a search that found nothing');
    assert.equal(await q(page, '[data-error-for=flow]').isVisible(), false, 'no field error for a search');
    assertNoProblems(problems, 'searching zzz');
  } finally {
    await close();
  }
});

test('keyboard only: Tab into the search, type, Tab to the picker', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openCalculator();
  try {
    await tabTo(page, CALC, 'input[name=flow-search]');
    await page.keyboard.type('lobster');
    await waitForText(q(page, '[data-role=flow-search-status]'), 'trade flow');
    await page.keyboard.press('Tab');
    assert.ok(await focusedIs(page, CALC, 'select[name=flow]'), 'Tab from the search did not reach the flow picker');
    assert.equal(await q(page, 'select[name=flow]').inputValue(), 'ca-lobster-to-cn');
    await waitForText(q(page, '[data-role=summary]'), 'Canadian lobster and crab');
    // Arrow keys move among the matches only.
    await page.keyboard.press('ArrowDown');
    const v = await q(page, 'select[name=flow]').inputValue();
    const { options } = await visibleOptions(page);
    assert.ok(options.some((o) => o.value === v), `ArrowDown chose ${v}, which the search hides`);

    // Escape in the search clears it and every flow comes back.
    await tabTo(page, CALC, 'input[name=flow-search]');
    await page.keyboard.press('Escape');
    await page.waitForFunction((sel) => {
      const s = document.querySelector(sel).shadowRoot.querySelector('select[name=flow]');
      return [...s.options].every((o) => !o.hidden);
    }, CALC, { timeout: 10_000 });
    assertNoProblems(problems, 'the search from the keyboard');
  } finally {
    await close();
  }
});

test('a flow set by the page clears a search that hides it', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openCalculator();
  try {
    await search(page, 'acier');
    await waitForText(q(page, '[data-role=flow-search-status]'), '2 trade flows match');
    await page.evaluate((sel) => document.querySelector(sel).setState({ flow: 'ca-autos-to-us' }), CALC);
    await waitForText(q(page, '[data-role=goods]'), 'Passenger vehicles (sedans');
    assert.equal(await q(page, 'input[name=flow-search]').inputValue(), '');
    assert.equal((await visibleOptions(page)).options.length, 14);
    assert.equal(await q(page, 'select[name=flow]').inputValue(), 'ca-autos-to-us');
    assertNoProblems(problems, 'setState during a search');
  } finally {
    await close();
  }
});

test('axe: no violation while a search is on, in English and French', { timeout: 3 * TIMEOUT }, async () => {
  for (const [path, lang, text] of [['/index.html', 'en-US', 'steel'], ['/www/pages/article-fr.html', 'fr-CA', 'zzz']]) {
    const { page, problems, close } = await openCalculator(path, lang);
    try {
      const input = q(page, 'input[name=flow-search]');
      const name = await input.evaluate((el) => el.labels?.[0]?.textContent);
      assert.ok(normalise(name).length > 10, 'the search has a visible label');
      await search(page, text);
      await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot
        .querySelector('[data-role=flow-search-status]').textContent.length > 0, CALC);
      const results = await new AxeBuilder({ page }).include(CALC)
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`), [], path);
      assertNoProblems(problems, `axe on ${path}`);
    } finally {
      await close();
    }
  }
});
