// The embed builder (builder.html): a configuration form checked by the widget's own rules, live
// previews at two widths (embed.html in iframes), the four embed codes (www/snippets.mjs, as the
// build writes them) and "Check your data".
//
// Flow ids and names come from the package's copy of the data (canada-china.json, written by the
// build next to the widget), the pictures and their alt texts from fallbacks.json: the builder
// offers what the published package has. Every value an editor types is given to a hidden widget
// (setState), whose answer is the check: the same code checks the attributes on a page.
import * as snippets from './snippets.mjs';
import { eventsFromCsv, withEvents, placeDataProblem, headerNames } from './events-csv.mjs';

const $ = (id) => document.getElementById(id);
const form = $('config');
const FIELDS = ['flow', 'value', 'currency', 'date', 'compare-date', 'theme', 'group', 'height', 'base'];
/** The widget's names for the fields it checks (getState().errors) → the form's. */
const ERROR_FIELDS = { flow: 'flow', value: 'value', date: 'date', compare: 'compare-date' };

const state = {
  local: '', // the package folder this page loaded the widget from, versioned (previews)
  data: null, // the package's data file
  manifest: null, // fallbacks.json
  height: null, // the desktop preview's height, once measured
  inline: null, // JSON text of checked data, for the script tag
  good: null, // the last configuration without problems
};

function say(el, text) {
  el.textContent = '';
  // A fresh node, so that screen readers announce the same message twice in a row.
  requestAnimationFrame(() => { el.textContent = text; });
}

function versioned(folder, version) {
  return /\/v\d+\.\d+\.\d+\/$/.test(folder) ? folder : `${folder}v${version}/`;
}

async function start() {
  await customElements.whenDefined('trade-widget');
  const TW = window.TradeWidget;
  const folder = new URL('.', TW.wasmUrl).href;
  state.local = versioned(folder, TW.version);
  const [data, manifest] = await Promise.all([
    fetch(`${state.local}canada-china.json`).then((r) => r.json()),
    fetch(`${state.local}fallbacks.json`).then((r) => r.json()),
  ]);
  state.data = data;
  state.manifest = manifest;
  const flow = $('flow');
  for (const f of data.flows) {
    const o = document.createElement('option');
    o.value = f.id;
    o.textContent = `${f.name.en} (${f.id})`;
    flow.appendChild(o);
  }
  flow.value = manifest.default_flow;
  $('base').value = state.local;
  await $('validator').ready;
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  for (const b of document.querySelectorAll('button[data-copy]')) b.addEventListener('click', () => copy(b));
  $('download-oembed').addEventListener('click', downloadOembed);
  new ResizeObserver(() => {
    const h = Math.round($('preview-desktop').getBoundingClientRect().height);
    if (h > 100 && Math.abs(h - (state.height || 0)) > 2) {
      state.height = h;
      codes();
    }
  }).observe($('preview-desktop'));
  setupCheck();
  update();
  document.documentElement.setAttribute('data-builder', 'ready');
}

let timer = 0;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(update, 150);
}

/** The form as a configuration (attribute names), empty values left out. */
function readConfig() {
  const fd = new FormData(form);
  const config = { view: fd.get('view'), lang: fd.get('lang') };
  for (const k of FIELDS) {
    const v = String(fd.get(k) || '').trim();
    if (v && k !== 'base') config[k] = v;
  }
  if (config.view === 'timeline') {
    for (const k of ['flow', 'value', 'currency', 'compare-date']) delete config[k];
  }
  return config;
}

/** Every problem of `config`, as {field: message}: the widget's checks, and the builder's own three. */
function check(config) {
  const problems = {};
  const flow = state.data.flows.find((f) => f.id === (config.flow || state.manifest.default_flow));
  const deal = new Date(`${state.data.deal_date}T00:00:00Z`);
  const before = new Date(deal.getTime() - 86400000).toISOString().slice(0, 10);
  const patch = {
    flow: config.flow || state.manifest.default_flow,
    value: config.value || String(flow ? flow.default_value : 1),
    currency: config.currency || (flow ? flow.currency : 'CAD'),
    date: config.date || state.data.as_of,
    compareDate: config['compare-date'] || before,
  };
  const validator = $('validator');
  try {
    validator.setState(patch);
    for (const [field, message] of validator.getState().errors || []) {
      const name = ERROR_FIELDS[field] || field;
      if (FIELDS.includes(name)) problems[name] = message;
    }
  } catch (e) {
    problems.flow = String(e && e.message || e);
  }
  if (config.height && !(/^\d+$/.test(config.height) && Number(config.height) >= 100 && Number(config.height) <= 20000)) {
    problems.height = 'A height in whole pixels, 100 or more: 800, for example.';
  }
  if (config.group && !/^[A-Za-z0-9_-]{1,40}$/.test(config.group)) {
    problems.group = 'Letters, digits, - and _ only (40 at most): story-1, for example.';
  }
  const base = $('base').value.trim();
  let url = null;
  try { url = new URL(base); } catch (e) { /* reported below */ }
  if (!url || !/^https?:$/.test(url.protocol) || !base.endsWith('/')) {
    problems.base = 'The address of the folder with trade-widget.js, starting with https:// and ending in /.';
  }
  return problems;
}

function showProblems(problems) {
  for (const k of FIELDS) {
    const input = $(k);
    const out = $(`${k}-error`);
    if (!out) continue;
    if (problems[k]) {
      input.setAttribute('aria-invalid', 'true');
      out.textContent = problems[k];
      out.hidden = false;
    } else {
      input.removeAttribute('aria-invalid');
      out.textContent = '';
      out.hidden = true;
    }
  }
  const n = Object.keys(problems).length;
  $('config-status').textContent = n === 0 ? ''
    : `${n} problem${n === 1 ? '' : 's'}: the preview and the codes show the last choices without one.`;
}

function update() {
  const config = readConfig();
  // The calculator fields are hidden for a timeline.
  for (const el of form.querySelectorAll('[data-for=calc]')) el.hidden = config.view === 'timeline';
  const problems = check(config);
  showProblems(problems);
  if (Object.keys(problems).length) return;
  const changed = JSON.stringify(config) !== JSON.stringify(state.good);
  state.good = config;
  if (changed) {
    state.height = null;
    for (const id of ['preview-phone', 'preview-desktop']) {
      const frame = $(id);
      const src = snippets.embedUrl(state.local, config, id);
      if (frame.getAttribute('src') !== src) frame.setAttribute('src', src);
    }
  }
  codes();
}

/** The published package folder (versioned) and its unversioned parent. */
function published() {
  const base = $('base').value.trim();
  return { base, provider: base.replace(/v\d+\.\d+\.\d+\/$/, '') };
}

/** The picture of `config` for <noscript> and the AMP placeholder, and its social picture. */
function pictures(config, base) {
  const lang = config.lang === 'fr' ? 'fr' : 'en';
  const view = config.view || 'calculator';
  const flow = config.flow || state.manifest.default_flow;
  const find = (pred) => state.manifest.images.find(pred);
  const main = view === 'timeline' ? find((i) => i.kind === 'timeline' && i.lang === lang)
    : find((i) => i.kind === 'calculator' && i.flow === flow && i.lang === lang);
  const social = find((i) => i.kind === 'social' && i.view === view && i.lang === lang);
  const pic = (i) => i && { src: base + i.file, url: base + i.file, alt: i.alt, width: i.width, height: i.height };
  return { main: pic(main), social: pic(social) };
}

function codes() {
  const config = state.good;
  if (!config) return;
  const { base, provider } = published();
  const height = config.height ? Number(config.height) : (state.height || snippets.defaultHeight(config));
  const pics = pictures(config, base);
  $('code-script').value = snippets.scriptSnippet({ base, config, noscript: pics.main, data: state.inline });
  $('code-iframe').value = snippets.iframeSnippet({ base, config, height });
  $('code-amp').value = snippets.ampSnippet({ base, config, height, placeholder: pics.main });
  const oembed = snippets.oembed({ base, config, height, providerUrl: provider, thumbnail: pics.social });
  $('code-oembed').value = JSON.stringify(oembed, null, 2);
  $('oembed-page').textContent = `${base}${snippets.frameId(config)}.html`;
}

const NAMES = {
  'code-script': 'script tag', 'code-iframe': 'iframe', 'code-amp': 'AMP frame', 'code-oembed': 'oEmbed JSON',
};

async function copy(button) {
  const area = $(button.getAttribute('data-copy'));
  const what = NAMES[area.id];
  try {
    await navigator.clipboard.writeText(area.value);
  } catch (e) {
    area.focus();
    area.select();
    if (!document.execCommand('copy')) {
      say($('copy-status'), `Could not copy the ${what}: select the text and copy it.`);
      return;
    }
  }
  say($('copy-status'), `Copied the ${what}.`);
}

function download(name, text, type) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

async function downloadOembed() {
  const config = state.good;
  if (!config) return;
  const { base } = published();
  const name = snippets.frameId(config);
  const page = await fetch(`${state.local}embed.html`).then((r) => r.text());
  const pics = pictures(config, base);
  download(`${name}.json`, $('code-oembed').value + '\n', 'application/json');
  download(`${name}.html`, snippets.discoveryPage(page, {
    config, oembedUrl: `${base}${name}.json`, image: pics.social && { url: pics.social.url, alt: pics.social.alt },
  }), 'text/html');
  say($('copy-status'), `Downloaded ${name}.json and ${name}.html: publish them in ${base}`);
}

// ---- Check your data ----

function setupCheck() {
  const text = $('data-text');
  $('data-check').addEventListener('click', () => checkData(text.value));
  $('data-file').addEventListener('change', async (e) => {
    const file = e.target.files && e.target.files[0];
    if (file) { text.value = await file.text(); checkData(text.value); }
  });
  text.addEventListener('dragover', (e) => { e.preventDefault(); text.classList.add('drag'); });
  text.addEventListener('dragleave', () => text.classList.remove('drag'));
  text.addEventListener('drop', async (e) => {
    e.preventDefault();
    text.classList.remove('drag');
    const file = e.dataTransfer.files && e.dataTransfer.files[0];
    if (file) { text.value = await file.text(); checkData(text.value); }
  });
  $('data-download').addEventListener('click', () => {
    if (state.inline) download('trade-widget-data.json', state.inline + '\n', 'application/json');
  });
}

function listProblems(problems) {
  const list = $('data-problems');
  list.textContent = '';
  for (const p of problems) {
    const li = document.createElement('li');
    if (p.where) {
      const b = document.createElement('span');
      b.className = 'where';
      b.textContent = `${p.where}: `;
      li.appendChild(b);
    }
    li.appendChild(document.createTextNode(p.message));
    list.appendChild(li);
  }
  list.hidden = problems.length === 0;
}

/**
 * Checks pasted data: a CSV of events is read (every problem with its line and column) into the
 * package's data with those events; JSON is taken as it is. The result is then drawn by a widget
 * that carries it inline, whose own checks (the data file's rules) are the last word.
 */
async function checkData(text) {
  const result = $('data-result');
  $('data-ok').hidden = true;
  listProblems([]);
  state.inline = null;
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) { say(result, 'Paste or drop a data file first.'); return; }
  let json;
  let kind;
  let read = null;
  if (trimmed.startsWith('{')) {
    kind = 'JSON';
    json = trimmed;
  } else {
    kind = 'CSV';
    read = eventsFromCsv(text);
    if (read.problems.length) {
      listProblems(read.problems.map((p) => ({ where: `line ${p.line}, column ${p.column}`, message: p.message })));
      say(result, `The CSV has ${read.problems.length} problem${read.problems.length === 1 ? '' : 's'}.`);
      return;
    }
    json = JSON.stringify(withEvents(state.data, read.events), null, 2);
  }
  // The inline dataset of a widget replaces the built-in one with "replace": true.
  let inline = json;
  try {
    const parsed = JSON.parse(json);
    if (kind === 'CSV' || (parsed && parsed.schema !== undefined && parsed.replace === undefined)) {
      inline = JSON.stringify({ replace: true, ...parsed });
    }
  } catch (e) { /* the widget reports the syntax error with its line and column */ }
  const box = $('data-preview');
  box.textContent = '';
  const el = document.createElement('trade-widget');
  el.setAttribute('view', 'timeline');
  el.setAttribute('loading', 'eager');
  el.setAttribute('lang', state.good && state.good.lang === 'fr' ? 'fr' : 'en');
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = inline;
  el.appendChild(script);
  $('data-ok').hidden = false;
  box.appendChild(el);
  const status = await new Promise((resolve) => {
    const done = () => {
      const s = el.getAttribute('data-status');
      if (s === 'ready' || s === 'error') { mo.disconnect(); resolve(s); }
    };
    const mo = new MutationObserver(done);
    mo.observe(el, { attributes: true, attributeFilter: ['data-status'] });
    done();
  });
  if (status === 'error') {
    const pre = el.shadowRoot.querySelector('pre');
    const lines = (pre ? pre.textContent : '').split('\n').map((l) => l.replace(/^- /, '').trim())
      .filter((l) => l && !/^The data file has \d+ problem/.test(l) && !/^inline data/.test(l));
    // For a CSV, each problem the data rules found goes back to its row and column.
    const header = read ? headerNames(text) : [];
    listProblems(lines.map((message) => {
      const at = read && placeDataProblem(message, read.lines, header);
      return at ? { where: `line ${at.line}, column ${at.column}`, message: at.message } : { message };
    }));
    $('data-ok').hidden = true;
    say(result, `The data has ${lines.length} problem${lines.length === 1 ? '' : 's'} (see the list).`);
    return;
  }
  state.inline = inline;
  say(result, `The ${kind} is valid: the preview below is drawn from it, and the script tag carries it.`);
  codes();
}

start().catch((e) => {
  $('config-status').textContent = `The builder could not start: ${e && e.message || e}`;
  console.error(e);
});
