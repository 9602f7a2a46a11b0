// A stand-in for the AMP runtime's <amp-iframe>, enough to test the builder's AMP snippet without
// loading anything from cdn.ampproject.org. What it does, as amp-iframe does:
//  - checks what AMP's validator and runtime require of the element: an https src on another origin
//    than the page, a sandbox, a title, layout="fixed-height" with a height, `resizable` with an
//    `overflow` child, and a position 600 px or more from the top of the page;
//  - renders an <iframe> in it with that sandbox, frameborder 0 and the element's height, and shows an
//    <amp-img placeholder> child (as an <img>) until the frame reports its size;
//  - listens for the frame's {sentinel: 'amp', type: 'embed-size', height} messages (only from that
//    frame): a new height is applied at once while the element is out of the viewport; in the viewport
//    AMP refuses to move the page under the reader and shows the `overflow` element instead, and a
//    click on it applies the height.
// Every message received is kept in window.ampEmbedSizes, every problem in window.ampProblems (and on
// the console), for tests/e2e/amp.test.mjs.
(function () {
  'use strict';
  window.ampEmbedSizes = [];
  window.ampProblems = [];
  function problem(el, msg) {
    window.ampProblems.push(msg);
    console.error('amp-iframe#' + el.id + ': ' + msg);
  }

  function upgrade(el) {
    var src = el.getAttribute('src') || '';
    var url;
    try { url = new URL(src, location.href); } catch (e) { problem(el, 'src is not a URL'); return; }
    if (url.protocol !== 'https:') problem(el, 'src must be https');
    var sandbox = el.getAttribute('sandbox');
    if (sandbox === null) problem(el, 'no sandbox attribute');
    if (url.origin === location.origin && /allow-same-origin/.test(sandbox || '')) {
      problem(el, 'allow-same-origin on the page\'s own origin');
    }
    if (!el.getAttribute('title')) problem(el, 'no title');
    var height = parseInt(el.getAttribute('height'), 10);
    if (el.getAttribute('layout') !== 'fixed-height' || !(height > 0)) problem(el, 'layout="fixed-height" needs a height');
    if (el.getAttribute('width') !== 'auto') problem(el, 'layout="fixed-height" needs width="auto"');
    var overflow = el.querySelector(':scope > [overflow]');
    if (el.hasAttribute('resizable') && !overflow) problem(el, 'resizable without an overflow element');
    if (overflow && !(overflow.getAttribute('tabindex') !== null || /^(BUTTON|A)$/.test(overflow.tagName))) {
      problem(el, 'the overflow element must be focusable');
    }
    var top = el.getBoundingClientRect().top + window.scrollY;
    if (top < 600) problem(el, 'an amp-iframe must be 600 px or more from the top (' + Math.round(top) + ')');

    el.style.height = height + 'px';
    var ph = el.querySelector(':scope > amp-img[placeholder]');
    var img = null;
    if (ph) {
      img = document.createElement('img');
      img.setAttribute('placeholder', '');
      img.src = ph.getAttribute('src');
      img.alt = ph.getAttribute('alt') || '';
      ph.replaceWith(img);
    }
    var frame = document.createElement('iframe');
    frame.setAttribute('sandbox', sandbox || '');
    frame.setAttribute('frameborder', '0');
    frame.setAttribute('title', el.getAttribute('title') || '');
    frame.name = JSON.stringify({ host: location.hostname, sentinel: 'amp', type: 'amp-iframe' });
    frame.src = url.href;
    el.insertBefore(frame, el.firstChild);

    var pending = null;
    function apply(h) {
      el.style.height = h + 'px';
      if (overflow) overflow.classList.remove('amp-visible');
      pending = null;
    }
    if (overflow) overflow.addEventListener('click', function () { if (pending !== null) apply(pending); });
    window.addEventListener('message', function (e) {
      if (e.source !== frame.contentWindow) return;
      var d = e.data;
      if (!d || typeof d !== 'object' || d.sentinel !== 'amp' || d.type !== 'embed-size') return;
      window.ampEmbedSizes.push({ id: el.id, origin: e.origin, data: d });
      var h = Number(d.height);
      if (!(h > 0)) { problem(el, 'embed-size without a height'); return; }
      if (img) { img.classList.add('amp-hidden'); }
      var r = el.getBoundingClientRect();
      var inView = r.bottom > 0 && r.top < window.innerHeight;
      if (!inView || !el.hasAttribute('data-amp-sized')) {
        el.setAttribute('data-amp-sized', '');
        apply(h);
      } else if (Math.round(h) !== Math.round(r.height)) {
        pending = h;
        if (overflow) overflow.classList.add('amp-visible');
      }
    });
  }

  document.querySelectorAll('amp-iframe').forEach(upgrade);
})();
