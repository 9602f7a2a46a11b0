#!/usr/bin/env node
// The embed files of pkg/, written by scripts/build.sh into its staging folder:
//
//   embed.html          www/embed.html with its placeholders filled (the oEmbed discovery link, …)
//   embed.js            as is (small and readable: an embedder may read what runs in the frame)
//   iframe-resizer.js   minified with terser when it is installed
//   snippets.mjs        the embed codes (www/snippets.mjs), for the builder
//   builder.html …      the embed builder (builder.js, builder.css, events-csv.mjs) and the data it
//                       offers (canada-china.json, the data file this version was built with)
//   oembed.json         the oEmbed response for embed.html as it is (no query): the calculator,
//                       with its social picture as thumbnail
//
// The pictures and their alt texts come from STAGE/fallbacks.json (cargo run --bin fallback -- images).
//
//   TW_PUBLIC_URL=https://cdn.example.org/trade-widget/ node scripts/embed-files.mjs STAGE VERSION
//
// TW_PUBLIC_URL is where pkg/ is published (default https://your.cdn/trade-widget/): oEmbed needs
// absolute addresses, and an embed names the versioned folder (…/vVERSION/), so that an article
// keeps the numbers it was published with. Each file is written to STAGE/ and STAGE/vVERSION/.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as snippets from '../www/snippets.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [stage, version] = process.argv.slice(2);
if (!stage || !version) {
  console.error('usage: TW_PUBLIC_URL=https://…/ node scripts/embed-files.mjs STAGE VERSION');
  process.exit(2);
}
const www = (f) => path.join(ROOT, 'www', f);
const folders = [stage, path.join(stage, `v${version}`)];

function fail(msg) {
  console.error(`build: error: ${msg}`);
  process.exit(1);
}

let publicUrl = process.env.TW_PUBLIC_URL || 'https://your.cdn/trade-widget/';
if (!/^https?:\/\//.test(publicUrl)) fail(`TW_PUBLIC_URL must be an http(s) address, not ${JSON.stringify(publicUrl)}`);
if (!publicUrl.endsWith('/')) publicUrl += '/';
if (!process.env.TW_PUBLIC_URL) {
  console.error(`build: note: the oEmbed files name ${publicUrl} (set TW_PUBLIC_URL to where pkg/ is published)`);
}
const base = `${publicUrl}v${version}/`;
const { esc } = snippets;

function fill(template, values, name) {
  return template.replace(/__TW_([A-Z_]+)__/g, (m, key) => {
    if (!(key in values)) fail(`${name}: no value for the placeholder ${m}`);
    return values[key];
  });
}

// ---- the pictures (fallback images, written before this by the build) ----
const manifestPath = path.join(stage, 'fallbacks.json');
if (!fs.existsSync(manifestPath)) fail(`${manifestPath} is missing (cargo run --bin fallback -- images ${stage})`);
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const picture = (pred, what) => manifest.images.find(pred) || fail(`fallbacks.json has no ${what}`);

// ---- the default configuration: embed.html without a query (the calculator, in English) ----
const config = {};
const social = picture((i) => i.kind === 'social' && i.view === 'calculator' && i.lang === 'en', 'social calculator picture');
const thumbnail = { url: `${base}${social.file}`, width: social.width, height: social.height };
const oembed = snippets.oembed({ base, config, providerUrl: publicUrl, thumbnail });

// ---- embed.html ----
// Without JavaScript in the frame: the calculator's and the timeline's pictures, with their alt text.
const shown = [
  picture((i) => i.kind === 'calculator' && i.flow === manifest.default_flow && i.lang === 'en', 'default calculator picture'),
  picture((i) => i.kind === 'timeline' && i.lang === 'en', 'timeline picture'),
];
const noscript = [
  '<p>This interactive needs JavaScript; here are its figures as pictures. / Ce module interactif a besoin de JavaScript.</p>',
  ...shown.map((i) => `<p><img src="${esc(i.file)}" width="${i.width}" height="${i.height}" alt="${esc(i.alt)}"></p>`),
].join('\n');
const embed = fill(fs.readFileSync(www('embed.html'), 'utf8'), {
  CONFIG: '',
  TITLE: esc(snippets.title(config)),
  OEMBED_URL: esc(`${base}oembed.json`),
  OG_IMAGE: esc(thumbnail.url),
  OG_IMAGE_ALT: esc(social.alt),
  NOSCRIPT: noscript,
}, 'www/embed.html');

// ---- iframe-resizer.js, minified ----
let resizer = fs.readFileSync(www('iframe-resizer.js'), 'utf8');
const terser = path.join(ROOT, 'node_modules/.bin/terser');
if (fs.existsSync(terser)) {
  resizer = execFileSync(terser, [www('iframe-resizer.js'), '--compress', 'passes=2', '--mangle', '--comments', 'false'],
    { encoding: 'utf8' });
} else {
  console.error('build: warning: terser not installed; iframe-resizer.js ships unminified');
}

// ---- the builder: its page loads the widget from the folder it is in ----
const builder = fs.readFileSync(www('builder.html'), 'utf8').replaceAll('src="../pkg/', 'src="');
if (builder.includes('../pkg/')) fail('www/builder.html: an address under ../pkg/ was not rewritten');

for (const dir of folders) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'builder.html'), builder);
  for (const f of ['builder.js', 'builder.css', 'events-csv.mjs']) fs.copyFileSync(www(f), path.join(dir, f));
  // The data behind this version: the builder's flows, and the base of a CSV's data file.
  fs.copyFileSync(path.join(ROOT, 'data/canada-china.json'), path.join(dir, 'canada-china.json'));
  fs.writeFileSync(path.join(dir, 'embed.html'), embed);
  fs.copyFileSync(www('embed.js'), path.join(dir, 'embed.js'));
  fs.copyFileSync(www('snippets.mjs'), path.join(dir, 'snippets.mjs'));
  fs.writeFileSync(path.join(dir, 'iframe-resizer.js'), resizer);
  fs.writeFileSync(path.join(dir, 'oembed.json'), JSON.stringify(oembed, null, 2) + '\n');
}
