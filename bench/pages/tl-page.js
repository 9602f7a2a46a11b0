// TimelineJS 3 page for bench/peers.bench.mjs.
//   ?data=story              the story's events, converted from data/canada-china.json to TimelineJS JSON
//                            by the benchmark (generated/tl-story.json, fetched here like any data file)
//   ?data=synthetic&events=N N events from the generator of bench/pages/synthetic.js (same dates,
//                            titles, descriptions, categories as groups, one span in 50), built in the page
// Nothing from the network: font null (no font CSS, no Google Fonts), script_path local (English is built in).
// Records, in ms since navigation start: window.__benchReadyAt when the timeline fired 'loaded' AND its
// time navigation holds one .tl-timemarker per event; window.__benchFrameAt one animation frame and one
// task later (style, layout, paint of that frame). The Timeline object is window.__tl.
(function () {
  window.__benchReadyAt = null;
  window.__benchFrameAt = null;
  window.__benchError = null;
  var params = new URLSearchParams(location.search);
  var mode = params.get('data') || 'story';
  var CATEGORIES = ['diplomacy', 'trade', 'detention', 'security', 'public_opinion'];
  var DAY = 86400000;

  function parts(s) {
    var p = s.split('-');
    var d = { year: p[0] };
    if (p[1]) d.month = p[1];
    if (p[2]) d.day = p[2];
    return d;
  }

  function synthetic(n) {
    var from = Date.UTC(2017, 0, 1), to = Date.UTC(2026, 11, 31);
    var days = Math.round((to - from) / DAY);
    var iso = function (t) { return new Date(t).toISOString().slice(0, 10); };
    var events = [];
    for (var i = 0; i < n; i++) {
      var t = from + Math.floor(i * days / n) * DAY;
      var e = {
        unique_id: 'ev-' + i,
        start_date: parts(iso(t)),
        text: { headline: 'Synthetic event ' + i + ' in the story', text: 'A generated event for the benchmark, number ' + i + '.' },
        group: CATEGORIES[i % CATEGORIES.length]
      };
      if (i % 50 === 0) e.end_date = parts(iso(Math.min(to, t + (10 + (i % 80)) * DAY)));
      events.push(e);
    }
    return { events: events };
  }

  function afterFrame() {
    requestAnimationFrame(function () {
      var ch = new MessageChannel();
      ch.port1.onmessage = function () { window.__benchFrameAt = performance.now(); };
      ch.port2.postMessage(0);
    });
  }

  function start(data) {
    var n = data.events.length;
    var root = document.getElementById('tl');
    window.__benchEvents = n;
    var tl = new TL.Timeline(root, data, {
      script_path: new URL('../../node_modules/@knight-lab/timelinejs/dist/js/', location.href).href,
      font: null,
      language: 'en',
      hash_bookmark: false,
      ga_measurement_id: null
    });
    window.__tl = tl;
    var markers = function () { return root.querySelectorAll('.tl-timemarker').length; };
    function done() {
      if (window.__benchReadyAt !== null) return true;
      if (markers() < n) return false;
      window.__benchReadyAt = performance.now();
      afterFrame();
      return true;
    }
    tl.on('loaded', function () {
      if (done()) return;
      (function poll() { if (!done()) requestAnimationFrame(poll); })();
    });
  }

  try {
    if (mode === 'synthetic') {
      start(synthetic(parseInt(params.get('events') || '10000', 10)));
    } else {
      fetch('generated/tl-story.json')
        .then(function (r) { if (!r.ok) throw new Error('generated/tl-story.json: HTTP ' + r.status); return r.json(); })
        .then(start)
        .catch(function (e) { window.__benchError = String(e); });
    }
  } catch (e) {
    window.__benchError = String(e && e.stack || e);
  }
})();
