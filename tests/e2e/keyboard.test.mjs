// A reader with a keyboard and nothing else, from the top of the demo article: Tab / Shift+Tab to move,
// arrow keys in the select and on the timeline, typing, Enter and Escape. No clicks, no fill(), no
// script-set values: whatever this test reads is what such a reader would see or hear.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startEnv, stopEnv, openPage, assertNoProblems, waitDrawn, shadow, waitForText, normalise,
  tabTo, focusedIs, TIMEOUT, CALC, TL,
} from './helpers.mjs';

before(startEnv);
after(stopEnv);


/** The visible text of the select's chosen option (what the closed select shows). */
const shownOption = (select) => select.evaluate((el) => el.options[el.selectedIndex]?.textContent.trim() ?? '');

test('keyboard only: canola seed at the peak in the calculator, then three timeline events', { timeout: 4 * TIMEOUT }, async () => {
  const { page, problems, close } = await openPage('/index.html', { width: 1280, lang: 'en-US' });
  try {
    await waitDrawn(page);
    await page.evaluate(() => window.scrollTo(0, 0));

    // The flow: Tab to the select, then arrow keys until it shows "Canadian canola seed".
    await tabTo(page, CALC, 'select[name=flow]');
    const flow = shadow(page, CALC, 'select[name=flow]');
    const options = await flow.evaluate((el) => [...el.options].map((o) => o.textContent.trim()));
    const want = options.indexOf('Canadian canola seed');
    assert.ok(want >= 0, `no "Canadian canola seed" among the flows: ${options.join(', ')}`);
    for (let i = 0; i < options.length && (await shownOption(flow)) !== 'Canadian canola seed'; i++) {
      const at = options.indexOf(await shownOption(flow));
      await page.keyboard.press(at < want ? 'ArrowDown' : 'ArrowUp');
    }
    assert.equal(await shownOption(flow), 'Canadian canola seed', 'arrow keys did not reach "Canadian canola seed"');

    // The value: Tab into the field (Chromium selects its text on Tab), type over it.
    await tabTo(page, CALC, 'input[name=value]');
    await page.keyboard.type('4000');
    assert.equal(await shadow(page, CALC, 'input[name=value]').inputValue(), '4000', 'typing into the value field');

    // The date: Enter on the "At the peak" preset.
    await tabTo(page, CALC, 'button[data-preset=peak]');
    assert.equal(normalise(await shadow(page, CALC, 'button[data-preset=peak]').textContent()), 'At the peak');
    await page.keyboard.press('Enter');
    assert.equal(await shadow(page, CALC, 'input[name=date]').inputValue(), '2025-09-01', 'Enter on "At the peak" did not set the date');

    // The result, as the live region reads it: 9 % MFN + 75.8 % provisional anti-dumping deposit.
    const summary = await waitForText(shadow(page, CALC, '[data-role=summary]'), '84.8%');
    assert.match(summary, /canola/i, `the summary does not name the goods: "${summary}"`);
    const table = normalise(await shadow(page, CALC, 'table[data-role=breakdown]').textContent());
    assert.match(table, /75\.8%/, `the breakdown has no 75.8% anti-dumping layer: "${table}"`);

    // The timeline: Tab on to its canvas, three events with ArrowRight, each announced.
    await tabTo(page, TL, 'canvas[data-role=timeline]');
    const status = shadow(page, TL, '[data-role=tl-status]');
    assert.equal(await status.getAttribute('aria-live'), 'polite', 'the timeline status is not a polite live region');
    const heard = [];
    for (let i = 0; i < 3; i++) {
      const before = normalise(await status.textContent());
      await page.keyboard.press('ArrowRight');
      const deadline = Date.now() + 10_000;
      let now = before;
      while (now === before && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        now = normalise(await status.textContent());
      }
      assert.notEqual(now, before, `ArrowRight #${i + 1} announced nothing new (still "${before}")`);
      heard.push(now);
      assert.ok(await focusedIs(page, TL, 'canvas[data-role=timeline]'), `focus left the timeline after ArrowRight #${i + 1}`);
    }
    assert.equal(new Set(heard).size, 3, `three ArrowRights should visit three events: ${JSON.stringify(heard)}`);

    // Enter opens the third event's card, with its title; Escape closes it and focus returns to the canvas.
    await page.keyboard.press('Enter');
    const card = shadow(page, TL, '[data-role=details]');
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    const title = normalise(await shadow(page, TL, '[data-role=details-title]').textContent());
    assert.ok(title.length > 0, 'the details card has no title');
    assert.ok(heard[2].startsWith(title), `the card shows "${title}" but the last event announced was "${heard[2]}"`);
    assert.ok(await shadow(page, TL, '[data-role=details-title]').isVisible(), 'the card title is not visible');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden', timeout: 10_000 });
    assert.ok(await focusedIs(page, TL, 'canvas[data-role=timeline]'), 'after Escape the focus is not back on the timeline');
    assertNoProblems(problems, 'the keyboard-only walk');
  } finally {
    await close();
  }
});
