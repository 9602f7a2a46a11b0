// trade-widget's iframe page (embed.html): one <trade-widget> made from the page's query string,
// and its height sent to the page that frames it.
//
//   embed.html?view=both&flow=cn-ev-to-ca&lang=fr&date=2026-03-02&theme=auto
//
// The parameters are the element's attributes, with the same names and the same checks: a value the
// widget cannot take is said inside the widget (its notice line, or its error box for bad data), so
// the frame is never blank. Parameters it does not know are listed under the widget.
//
// Height: once the widget has drawn (or shown its error), and whenever the page's height changes
// after that (ResizeObserver on <body>), it is posted to the parent
//   - as a pym.js v1 message, 'pymxPYMx' + childId + 'xPYMxheightxPYMx' + px (childId from the query;
//     pym.js's Parent passes it): pages with pym.js, and iframe-resizer.js, resize the frame;
//   - as AMP's {sentinel: 'amp', type: 'embed-size', height}: <amp-iframe resizable> resizes it.
// A pym 'width' message from the parent (pym.js sends one on resize, iframe-resizer.js when it
// starts) makes it send the height again.
(function () {
  'use strict';
  var ATTRIBUTES = ['view', 'lang', 'flow', 'value', 'currency', 'date', 'compare-date', 'quantity', 'quota-used',
    'theme', 'height'];
  // Added by pym.js's Parent (and by the iframe snippets): not the widget's.
  var FRAMING = ['childId', 'initialWidth', 'parentUrl', 'parentTitle'];
  var D = 'xPYMx';

  var params = new URLSearchParams();
  var meta = document.querySelector('meta[name="trade-widget"]');
  var defaults = meta && meta.getAttribute('content');
  if (defaults && defaults.indexOf('__TW_') !== 0) new URLSearchParams(defaults).forEach(function (v, k) { params.set(k, v); });
  new URLSearchParams(location.search).forEach(function (v, k) { params.set(k, v); });

  var html = document.documentElement, body = document.body;
  // No stylesheet (style-src 'self' and one request less): the frame is exactly the widget.
  body.style.margin = '0';

  var el = document.createElement('trade-widget');
  // The host loads the frame lazily (loading="lazy", AMP near the viewport); in here the widget mounts
  // at once, so that it has its height before the reader gets to it.
  el.setAttribute('loading', 'eager');
  var unknown = [];
  params.forEach(function (v, k) {
    if (ATTRIBUTES.indexOf(k) >= 0) el.setAttribute(k, v);
    else if (FRAMING.indexOf(k) < 0 && unknown.indexOf(k) < 0) unknown.push(k);
  });
  var lang = /^fr/i.test(params.get('lang') || '') ? 'fr' : 'en';
  html.lang = lang;
  if (lang === 'fr') document.title = 'Tarifs et relations Canada–Chine · trade-widget';
  body.appendChild(el);

  if (unknown.length) {
    var note = document.createElement('p');
    note.setAttribute('data-role', 'embed-note');
    note.style.cssText = 'margin:4px 8px;font:13px/1.4 system-ui,sans-serif;color:#545454';
    note.textContent = (lang === 'fr' ? 'Paramètre inconnu, ignoré : ' : 'Unknown parameter, ignored: ') + unknown.join(', ') +
      (lang === 'fr' ? '. Paramètres lus : ' : '. This page reads: ') + ATTRIBUTES.join(', ') + '.';
    body.appendChild(note);
    if (window.console) console.warn('[trade-widget] embed.html: unknown parameter(s) ' + unknown.join(', '));
  }

  // The loader reserves an estimated height until the widget has drawn, and in a page it keeps a
  // reservation that is on screen (the article must not jump). A frame is resized by its parent
  // instead: once drawn (or its error or fallback shown), the frame is the widget's own height.
  function settled() {
    var s = el.getAttribute('data-status');
    return s === 'ready' || s === 'error' || s === 'fallback';
  }
  // Until then the frame keeps the height its snippet gave it: one resize, not an estimate and then
  // the real height (AMP may refuse the second while the frame is on screen).
  new MutationObserver(function () {
    if (!settled()) return;
    if (!el.hasAttribute('data-fixed-height')) el.style.removeProperty('--tw-reserved');
    send();
  }).observe(el, { attributes: true, attributeFilter: ['data-status', 'style'] });

  var framed = window.parent !== window;
  var id = params.get('childId') || '';
  var last = -1;
  function send() {
    if (!framed || !settled()) return;
    var h = Math.ceil(body.getBoundingClientRect().height);
    if (h === last || h <= 0) return;
    last = h;
    window.parent.postMessage('pym' + D + id + D + 'height' + D + h, '*');
    window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: h }, '*');
  }
  window.addEventListener('message', function (e) {
    if (e.source === window.parent && typeof e.data === 'string' && e.data.indexOf('pym' + D) === 0 &&
        e.data.split(D)[2] === 'width') {
      last = -1;
      send();
    }
  });
  if (framed && 'ResizeObserver' in window) new ResizeObserver(send).observe(body);
})();
