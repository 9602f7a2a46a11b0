// The embed codes, in one place: the builder (www/builder.js, in the browser) and the build
// (scripts/embed-files.mjs, in node) both import this module, so what an editor copies and what the
// package ships are written by the same functions.
//
// A configuration is an object of the element's attributes ({view: 'both', flow: 'cn-ev-to-ca',
// lang: 'fr', …}); empty values are left out. `base` is the address of the published package folder,
// with its version and a final slash: 'https://your.cdn/trade-widget/v2.0.0/'.

/** The element's attributes, in the order the snippets write them (embed.html reads the same names). */
export const ATTRIBUTES = ['view', 'lang', 'flow', 'value', 'currency', 'date', 'compare-date', 'quantity', 'quota-used',
  'theme', 'height', 'group', 'share-state'];

/** What a frame needs: scripts, its own origin (storage, the wasm fetch), and new tabs for links. */
export const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/** Attributes that mean nothing in a frame of their own (a group links widgets of one page). */
const PAGE_ONLY = ['group', 'share-state'];

/**
 * The height a frame is given before the widget reports its own (px, at a 680 px column, the usual
 * article width; tests/e2e/oembed.test.mjs checks they stay within a quarter of the real ones). The
 * builder measures the real height of the configuration instead.
 */
export const HEIGHTS = { calculator: 1900, timeline: 700, both: 2600 };

/** HTML text and attribute values. */
export function esc(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function entries(config, { framed = false } = {}) {
  return ATTRIBUTES.filter((k) => config[k] !== undefined && config[k] !== null && config[k] !== '' && config[k] !== false)
    .filter((k) => !(framed && PAGE_ONLY.includes(k)))
    .map((k) => [k, config[k] === true ? '' : String(config[k])]);
}

/** The query string of embed.html for `config` (no '?'): 'view=both&flow=cn-ev-to-ca'. */
export function configQuery(config) {
  return entries(config, { framed: true }).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

/** The address of embed.html showing `config`; with `childId`, the frame id for pym.js's protocol. */
export function embedUrl(base, config, childId) {
  const q = configQuery(config);
  const parts = [q, childId ? `childId=${encodeURIComponent(childId)}` : ''].filter(Boolean);
  return `${base}embed.html${parts.length ? '?' + parts.join('&') : ''}`;
}

/** A frame id from the configuration: 'tw-both-cn-ev-to-ca-fr'. */
export function frameId(config) {
  const id = ['tw', config.view || 'calculator', config.flow, config.lang].filter(Boolean).join('-')
    .toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  return id;
}

/** HEIGHTS for the configuration's view. */
export function defaultHeight(config) {
  return HEIGHTS[config.view] || HEIGHTS.calculator;
}

/** The widget's name, for titles: from the view and the language. */
export function title(config) {
  const fr = /^fr/i.test(config.lang || '');
  const view = config.view || 'calculator';
  if (view === 'timeline') return fr ? 'Chronologie des relations Canada–Chine' : 'Timeline of Canada–China relations';
  if (view === 'both') {
    return fr ? 'Tarifs douaniers et relations Canada–Chine : calculateur et chronologie'
      : 'Canada–China tariffs and relations: calculator and timeline';
  }
  return fr ? 'Calculateur des droits de douane Canada–Chine' : 'Canada–China tariff calculator';
}

/**
 * The iframe snippet: the frame (no inline style, so that a strict CSP on the host does not refuse it)
 * and, unless `resizer` is false, iframe-resizer.js, which sizes it to the widget.
 */
export function iframeSnippet({ base, config, height = defaultHeight(config), resizer = true, id = frameId(config) }) {
  const lines = [
    `<iframe id="${esc(id)}" data-trade-widget src="${esc(embedUrl(base, config, id))}"`,
    `  title="${esc(title(config))}" width="100%" height="${Math.round(height)}" frameborder="0" loading="lazy"`,
    `  sandbox="${SANDBOX}"></iframe>`,
  ];
  if (resizer) lines.push(`<script src="${esc(base)}iframe-resizer.js" async></script>`);
  return lines.join('\n');
}

/**
 * The AMP snippet: <amp-iframe> resizable (embed.html sends AMP's embed-size), with the `overflow`
 * element AMP shows when it will not resize on screen, and the fallback picture as its placeholder.
 * AMP needs the frame 600 px or more below the top of the page, and on another origin than the page.
 */
export function ampSnippet({ base, config, height = defaultHeight(config), placeholder = null }) {
  const fr = /^fr/i.test(config.lang || '');
  const more = fr ? 'Tout afficher' : 'Show all';
  const sep = fr ? '\u00a0: ' : ': ';
  const lines = [
    `<amp-iframe src="${esc(embedUrl(base, config))}"`,
    `  title="${esc(title(config))}" width="auto" height="${Math.round(height)}" layout="fixed-height" resizable frameborder="0"`,
    `  sandbox="${SANDBOX}">`,
    `  <div overflow tabindex="0" role="button" aria-label="${esc(more + sep + title(config))}">${esc(more)}</div>`,
  ];
  if (placeholder) {
    lines.push(`  <amp-img placeholder layout="fill" src="${esc(placeholder.src)}" alt="${esc(placeholder.alt)}"></amp-img>`);
  }
  lines.push('</amp-iframe>');
  return lines.join('\n');
}

/**
 * The script-tag snippet: the loader once, then the element. `noscript` ({src, alt, width, height})
 * is the fallback picture shown without JavaScript; `data`, an inline dataset (JSON text).
 */
export function scriptSnippet({ base, config, noscript = null, data = null }) {
  const attrs = entries(config).map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${esc(v)}"`)).join('');
  const lines = [`<script src="${esc(base)}trade-widget.js" async></script>`, `<trade-widget${attrs}>`];
  if (noscript) {
    // No style attribute: a host whose CSP refuses WebAssembly shows this inside the widget, and the
    // same CSP would refuse inline style. The page's own CSS (img { max-width: 100% }) sizes it.
    lines.push(`  <noscript><img src="${esc(noscript.src)}" width="${noscript.width}" height="${noscript.height}"` +
      ` alt="${esc(noscript.alt)}"></noscript>`);
  }
  if (data) {
    // Inside <script>, only "</script" could end it early; JSON allows "<\/" for "</".
    lines.push(`  <script type="application/json">${String(data).replace(/<\//g, '<\\/')}</script>`);
  }
  lines.push('</trade-widget>');
  return lines.join('\n');
}

/**
 * The oEmbed response (oembed.com, type "rich") for `config`: the iframe snippet as its html.
 * `thumbnail` ({url, width, height}) is the social picture.
 */
export function oembed({ base, config, width = 680, height = defaultHeight(config), thumbnail = null, providerUrl = base }) {
  const out = {
    type: 'rich',
    version: '1.0',
    title: title(config),
    provider_name: 'trade-widget',
    provider_url: providerUrl,
    html: iframeSnippet({ base, config, height }),
    width: Math.round(width),
    height: Math.round(height),
  };
  if (thumbnail) {
    out.thumbnail_url = thumbnail.url;
    out.thumbnail_width = thumbnail.width;
    out.thumbnail_height = thumbnail.height;
  }
  return out;
}

/**
 * embed.html (as the build wrote it: `page`) turned into the page of one configuration, for oEmbed
 * discovery: its <meta name="trade-widget"> carries `config` (the query still wins), its discovery
 * link names `oembedUrl`, and `image` ({url, alt}) is its og:image.
 */
export function discoveryPage(page, { config, oembedUrl, image = null }) {
  let out = page
    .replace(/(<meta name="trade-widget" content=")[^"]*(")/, `$1${esc(configQuery(config))}$2`)
    .replace(/(<link rel="alternate" type="application\/json\+oembed" href=")[^"]*(")/, `$1${esc(oembedUrl)}$2`)
    .replace(/(<link rel="alternate" type="application\/json\+oembed" href="[^"]*" title=")[^"]*(")/, `$1${esc(title(config))}$2`)
    .replace(/<title>[^<]*<\/title>/, `<title>${esc(title(config))}</title>`)
    .replace(/(<meta property="og:title" content=")[^"]*(")/, `$1${esc(title(config))}$2`);
  if (image) {
    out = out.replace(/(<meta property="og:image" content=")[^"]*(")/, `$1${esc(image.url)}$2`)
      .replace(/(<meta property="og:image:alt" content=")[^"]*(")/, `$1${esc(image.alt)}$2`);
  }
  return out;
}
