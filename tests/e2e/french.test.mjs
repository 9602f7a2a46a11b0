// The calculator on a French article page (<html lang="fr">): French labels, an amount typed the
// French way ("40 000,50"), French money and dates in the result.
//
// C$40,000.50 × 6.1 % (inside the EV quota on 2026-03-02) = 2 440,03 $.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startEnv, stopEnv, openPage, assertNoProblems, waitDrawn, shadow, waitForText, normalise, TIMEOUT, CALC,
} from './helpers.mjs';

before(startEnv);
after(stopEnv);

const q = (page, inner) => shadow(page, CALC, inner);
const text = async (locator) => normalise(await locator.textContent());

test('French article: labels, "40 000,50" typed, the result in French money and dates', { timeout: 3 * TIMEOUT }, async () => {
  const { page, problems, close } = await openPage('/www/pages/article-fr.html', { lang: 'fr-CA' });
  try {
    await waitDrawn(page, CALC);

    // Labels in French.
    assert.equal(await text(q(page, 'h2')), 'Calculateur de droits de douane');
    assert.match(await text(q(page, 'label[for=tw-value]')), /^Valeur en douane/);
    assert.equal(await text(q(page, 'label[for=tw-date]')), 'Date d’entrée');
    assert.equal(await text(q(page, 'button[data-preset=peak]')), 'Au sommet');

    await q(page, 'select[name=flow]').selectOption('cn-ev-to-ca');
    assert.equal(await q(page, 'select[name=flow]').evaluate((el) => el.options[el.selectedIndex].textContent.trim()),
      'Véhicules électriques et hybrides chinois');
    await q(page, 'select[name=currency]').selectOption('CAD');
    // Typed as a French reader types it: a space between thousands, a comma before the cents.
    const value = q(page, 'input[name=value]');
    await value.click();
    await value.press('Control+A');
    await value.pressSequentially('40 000,50');
    await q(page, 'input[name=date]').fill('2026-03-02');
    for (const [name, v] of [['quota-used', '0'], ['quantity', '1']]) await q(page, `input[name=${name}]`).fill(v);

    const summary = await waitForText(q(page, '[data-role=summary]'), '2 440,03 $');
    assert.ok(summary.includes('40 000,50 $'), `"40 000,50" was not read as 40 000,50 $: "${summary}"`);
    assert.ok(summary.includes('2 mars 2026'), `the date is not in French: "${summary}"`);
    assert.ok(!/C\$|2,440|March/.test(summary), `English formatting in the French summary: "${summary}"`);
    assert.equal(await value.inputValue(), '40 000,50', 'the value field lost what was typed');
    assert.ok(!(await q(page, '[data-error-for=value]').isVisible()), 'a French amount was flagged as an error');
    assert.equal(await text(q(page, '[data-role=total]')), '2 440,03 $');
    assert.equal(await text(q(page, '[data-role=effective]')), '6,1 %');
    assert.equal(await q(page, 'input[name=date-range]').getAttribute('aria-valuetext'), '2 mars 2026');
    const table = await text(q(page, 'table[data-role=breakdown]'));
    assert.ok(table.includes('Couches de droits en vigueur'), `the table caption is not French: "${table.slice(0, 120)}"`);
    assert.ok(table.includes('2 440,03 $'), `the table does not show 2 440,03 $: "${table}"`);
    assertNoProblems(problems, 'the French article');
  } finally {
    await close();
  }
});
