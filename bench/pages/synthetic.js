// Builds a <trade-widget view="timeline"> whose inline dataset replaces the built-in one:
// the header, flows, measures, quotas and exchange rates of data/canada-china.json, and
// N synthetic events (N from ?events=, default 10,000) spread over 2017-2026.
(function () {
  var params = new URLSearchParams(location.search);
  var n = parseInt(params.get('events') || '10000', 10);
  var CATEGORIES = ['diplomacy', 'trade', 'detention', 'security', 'public_opinion'];
  var DAY = 86400000;
  var from = Date.UTC(2017, 0, 1), to = Date.UTC(2026, 11, 31);
  var days = Math.round((to - from) / DAY);
  function iso(t) { return new Date(t).toISOString().slice(0, 10); }

  fetch('../../data/canada-china.json').then(function (r) { return r.json(); }).then(function (base) {
    var events = [];
    for (var i = 0; i < n; i++) {
      var t = from + Math.floor(i * days / n) * DAY;
      var e = {
        id: 'ev-' + i,
        date: iso(t),
        title: { en: 'Synthetic event ' + i + ' in the story', fr: '\u00c9v\u00e9nement synth\u00e9tique ' + i },
        description: { en: 'A generated event for the benchmark, number ' + i + '.', fr: 'Un \u00e9v\u00e9nement g\u00e9n\u00e9r\u00e9 pour la mesure, num\u00e9ro ' + i + '.' },
        category: CATEGORIES[i % CATEGORIES.length],
        // Sources are records since schema 2 (issue 13).
        sources: [{ url: 'https://example.org/events/' + i, publisher: 'Example',
          title: 'Event ' + i, kind: 'press' }],
        confidence: 'confirmed',
        priority: 1 + (i % 3)
      };
      // One event in 50 is a span of up to 90 days (still inside the coverage).
      if (i % 50 === 0) e.end = iso(Math.min(to, t + (10 + (i % 80)) * DAY));
      events.push(e);
    }
    var data = {
      replace: true,
      schema: base.schema,
      as_of: base.as_of,
      coverage: base.coverage,
      deal_date: base.deal_date,
      flows: base.flows,
      measures: base.measures,
      quotas: base.quotas,
      events: events,
      exchange_rates: base.exchange_rates
    };
    var el = document.createElement('trade-widget');
    el.setAttribute('view', 'timeline');
    var script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(data);
    el.appendChild(script);
    document.getElementById('slot').appendChild(el);
    window.__twSynthetic = { events: n };
  }).catch(function (e) { window.__twSynthetic = { error: String(e) }; });
})();
