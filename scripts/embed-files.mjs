#!/usr/bin/env node
// The embed files of pkg/, written by scripts/build.sh into its staging folder (no dependencies
// beyond terser, which the build already uses):
//
//   embed.html          www/embed.html with its placeholders filled
//   embed.js            as is (readable: it is small, and an embedder may read what runs in the frame)
//   iframe-resizer.js   minified with terser when it is installed
//
//   node scripts/embed-files.mjs STAGE VERSION
//
// Each file is written to STAGE/ and STAGE/vVERSION/.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [stage, version] = process.argv.slice(2);
if (!stage || !version) {
  console.error('usage: node scripts/embed-files.mjs STAGE VERSION');
  process.exit(2);
}
const www = (f) => path.join(ROOT, 'www', f);
const folders = [stage, path.join(stage, `v${version}`)];

function fail(msg) {
  console.error(`build: error: ${msg}`);
  process.exit(1);
}

/** HTML text and attribute values. */
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function fill(template, values, name) {
  const out = template.replace(/__TW_([A-Z_]+)__/g, (m, key) => {
    if (!(key in values)) fail(`${name}: no value for the placeholder ${m}`);
    return values[key];
  });
  return out;
}

// ---- embed.html ----
const noscript = [
  '<p>This interactive needs JavaScript. / Ce module interactif a besoin de JavaScript.</p>',
].join('\n');
const embed = fill(fs.readFileSync(www('embed.html'), 'utf8'), { CONFIG: '', NOSCRIPT: noscript }, 'www/embed.html');

// ---- iframe-resizer.js, minified ----
let resizer = fs.readFileSync(www('iframe-resizer.js'), 'utf8');
const terser = path.join(ROOT, 'node_modules/.bin/terser');
if (fs.existsSync(terser)) {
  resizer = execFileSync(terser, [www('iframe-resizer.js'), '--compress', 'passes=2', '--mangle', '--comments', 'false'],
    { encoding: 'utf8' });
} else {
  console.error('build: warning: terser not installed; iframe-resizer.js ships unminified');
}

for (const dir of folders) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'embed.html'), embed);
  fs.copyFileSync(www('embed.js'), path.join(dir, 'embed.js'));
  fs.writeFileSync(path.join(dir, 'iframe-resizer.js'), resizer);
}
