// Shareable state: with `share-state` the calculator keeps its inputs in the address (#tw=…), and a
// reader who opens that address sees the same result; without it the address is never touched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startEnv, stopEnv, openPage, assertNoProblems, waitDrawn, shadow, waitForText, normalise, TIMEOUT, CALC,
} from './helpers.mjs';

before(startEnv);
after(stopEnv);

const SHARE = '/www/pages/share.html';
const q = (page, inner) => shadow(page, CALC, inner);
const summaryOf = async (page) => normalise(await q(page, '[data-role=summary]').textContent());
const hashOf = (page) => page.evaluate(() => location.hash);

/** Poll until `read()` satisfies `ok`; fail with the last value. */
async function until(read, ok, what, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > deadline) throw new assert.AssertionError({ message: `${what}; last seen: ${JSON.stringify(last)}` });
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The reader's changes: a new value typed in, the "At the peak" date preset. */
async function changeValueAndDate(page) {
  const value = q(page, 'input[name=value]');
  await value.click();
  await value.press('Control+A');
  await value.pressSequentially('12345');
  await value.press('Tab');
  await q(page, 'button[data-preset=peak]').click();
  assert.equal(await q(page, 'input[name=date]').inputValue(), '2025-09-01');
}

test('share-state: the hash follows the inputs and a new page opened at it shows the same result', { timeout: 3 * TIMEOUT }, async () => {
  const first = await openPage(SHARE);
  let shared;
  let expected;
  try {
    await waitDrawn(first.page, CALC);
    const initial = await summaryOf(first.page);
    assert.ok(initial.length > 0, 'no summary on the share page');
    await changeValueAndDate(first.page);
    // Both changes drawn (the value alone is an intermediate frame): the summary names the preset's date.
    expected = await until(() => summaryOf(first.page), (s) => s !== initial && s.includes('September 1, 2025') && s.includes('12,345'), 'the summary did not change with the inputs');
    const hash = await until(() => hashOf(first.page),
      (h) => h.startsWith('#tw=') && /12345/.test(decodeURIComponent(h)) && /2025-09-01/.test(decodeURIComponent(h)),
      'the URL hash does not carry the new value and date');
    shared = new URL(first.page.url());
    assert.equal(shared.hash, hash);
    assertNoProblems(first.problems, 'the share page');
  } finally {
    await first.close();
  }

  // Someone opens the link: a fresh browser context, same address.
  const second = await openPage(shared.pathname + shared.hash);
  try {
    await waitDrawn(second.page, CALC);
    await waitForText(q(second.page, '[data-role=summary]'), expected);
    assert.equal(await summaryOf(second.page), expected, 'the shared link shows another result');
    assert.equal(await q(second.page, 'input[name=value]').inputValue(), '12345');
    assert.equal(await q(second.page, 'input[name=date]').inputValue(), '2025-09-01');
    assertNoProblems(second.problems, 'the shared link');
  } finally {
    await second.close();
  }

  // And the same page without the hash is not that result (so the match above is the hash's doing).
  const plain = await openPage(SHARE);
  try {
    await waitDrawn(plain.page, CALC);
    assert.notEqual(await summaryOf(plain.page), expected, 'the page without a hash already shows the shared result');
  } finally {
    await plain.close();
  }
});

test('without share-state the URL hash never changes', { timeout: 2 * TIMEOUT }, async () => {
  const { page, problems, close } = await openPage('/index.html');
  try {
    const url = page.url();
    await waitDrawn(page);
    assert.equal(await hashOf(page), '');
    const initial = await summaryOf(page);
    await changeValueAndDate(page);
    await until(() => summaryOf(page), (s) => s !== initial && s.length > 0, 'the summary did not change with the inputs');
    // The timeline's event choice changes the date too.
    await shadow(page, 'trade-widget[view=timeline]', 'canvas[data-role=timeline]').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await hashOf(page), '', 'the hash changed on a page without share-state');
    assert.equal(page.url(), url);
    assertNoProblems(problems, 'the article without share-state');
  } finally {
    await close();
  }
});
