// The fallback pictures (issue 14): the PNGs the build draws natively with the widget's own plotters
// code, for the embed codes (<noscript>, the AMP placeholder, the oEmbed thumbnail, og:image). Like the
// article's <noscript> table (src/bin/fallback: "the demo article carries the current fallback"), they
// must be what the data and the drawing code make today: `fallback check-images` draws every picture
// again and fails on one that differs (stale), is blank or missing. And the package lists them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { ROOT } from './helpers.mjs';

const version = () => JSON.parse(fs.readFileSync(path.join(ROOT, 'pkg/package.json'), 'utf8')).version;

/** A white RGB PNG of `w` × `h`. */
function whitePng(w, h) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, 255)]);
  const idat = zlib.deflateSync(Buffer.concat(Array.from({ length: h }, () => row)));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0))]);
}

function checkImages(dir) {
  try {
    return execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'fallback', '--', 'check-images', dir],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new assert.AssertionError({ message: `${dir}: ${e.stderr || e.message}` });
  }
}

test('the PNG pictures in pkg/ and pkg/vX.Y.Z/ are current and not blank', { timeout: 600_000 }, () => {
  for (const dir of ['pkg', `pkg/v${version()}`]) {
    assert.match(checkImages(dir), /pictures and fallbacks\.json are current/);
  }
});

test('a stale or blank picture fails the check', { timeout: 600_000 }, () => {
  const tmp = fs.mkdtempSync(path.join(ROOT, 'test-results', 'images-'));
  try {
    for (const f of fs.readdirSync(path.join(ROOT, 'pkg'))) {
      if (f.endsWith('.png') || f === 'fallbacks.json') fs.copyFileSync(path.join(ROOT, 'pkg', f), path.join(tmp, f));
    }
    // Another picture under the timeline's name (stale), a blank one, a missing one.
    fs.copyFileSync(path.join(tmp, 'timeline-fr.png'), path.join(tmp, 'timeline-en.png'));
    fs.writeFileSync(path.join(tmp, 'social-calculator-en.png'), whitePng(1200, 630));
    fs.rmSync(path.join(tmp, 'social-both-fr.png'));
    assert.throws(() => checkImages(tmp), (e) => {
      assert.match(e.message, /timeline-en\.png: stale/);
      assert.match(e.message, /social-both-fr\.png: missing/);
      assert.match(e.message, /social-calculator-en\.png: blank/);
      return true;
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('fallbacks.json gives every picture its size and alt text from the data; the package lists them', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'pkg/fallbacks.json'), 'utf8'));
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'pkg/package.json'), 'utf8'));
  const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/canada-china.json'), 'utf8'));
  assert.equal(manifest.as_of, data.as_of);
  const kinds = new Set(manifest.images.map((i) => `${i.kind}:${i.view}`));
  for (const k of ['timeline:timeline', 'calculator:calculator', 'social:calculator', 'social:timeline', 'social:both']) {
    assert.ok(kinds.has(k), k);
  }
  for (const i of manifest.images) {
    assert.ok(fs.existsSync(path.join(ROOT, 'pkg', i.file)), i.file);
    assert.ok(pkg.files.includes(i.file), `pkg/package.json lists ${i.file}`);
    assert.ok(i.alt.length > 40, `${i.file} has an alt text`);
    if (i.kind === 'social') assert.deepEqual([i.width, i.height], [1200, 630], `${i.file} is 1200 × 630`);
    const png = fs.readFileSync(path.join(ROOT, 'pkg', i.file));
    assert.equal(png.readUInt32BE(16), i.width, `${i.file}: width in its header`);
    assert.equal(png.readUInt32BE(20), i.height, `${i.file}: height in its header`);
  }
  // Every flow of the data has its calculator picture, in both languages, its alt text the widget's
  // sentence and the layers on both dates.
  for (const flow of data.flows) {
    for (const lang of ['en', 'fr']) {
      const i = manifest.images.find((x) => x.kind === 'calculator' && x.flow === flow.id && x.lang === lang);
      assert.ok(i, `calculator picture of ${flow.id} (${lang})`);
      assert.match(i.alt, lang === 'en' ? /in duty/ : /de droits/, `${i.file}: ${i.alt}`);
      assert.ok(i.alt.includes('→'), `${i.file}: both dates`);
    }
  }
  const key = data.events.filter((e) => e.priority === 1).map((e) => e.title.en);
  const tl = manifest.images.find((x) => x.kind === 'timeline' && x.lang === 'en');
  for (const t of key) assert.ok(tl.alt.includes(t), `the timeline's alt text names "${t}"`);
  // embed.html: its og:image is the social picture, with that picture's alt text.
  const html = fs.readFileSync(path.join(ROOT, 'pkg/embed.html'), 'utf8');
  const og = /<meta property="og:image" content="([^"]+)"/.exec(html)[1];
  const social = manifest.images.find((x) => og.endsWith(`/${x.file}`));
  assert.ok(social && social.kind === 'social', og);
});
