// Screenshots of one widget for a person to look at:
//   node scripts/shot.mjs [page] [selector] [width] [out.png] [colorScheme]
import { startEnv, stopEnv, openPage, waitDrawn } from '../tests/e2e/helpers.mjs';

const [pagePath = '/index.html', selector = 'trade-widget[view=timeline]', width = '1280', out = 'test-results/shot.png', scheme = 'light'] = process.argv.slice(2);
await startEnv();
const { page, problems, close } = await openPage(pagePath, { width: Number(width), colorScheme: scheme });
try {
  await waitDrawn(page, 'trade-widget');
  const el = page.locator(selector).first();
  await el.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await el.screenshot({ path: out });
  if (problems.length) console.log('problems:', problems);
} finally {
  await close();
  await stopEnv();
}
