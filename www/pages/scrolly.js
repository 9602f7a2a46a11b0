// scrolly.html: as each step crosses the middle of the screen, the sticky widget shows that step's
// shipment through its public API: el.setState({flow, value, currency, date, ...}).
(function () {
  var widget = document.getElementById('scrolly-widget');
  var steps = Array.prototype.slice.call(document.querySelectorAll('[data-step]'));
  if (!widget || !steps.length || !('IntersectionObserver' in window)) return;

  function show(step) {
    steps.forEach(function (s) { s.classList.toggle('is-active', s === step); });
    var d = step.dataset;
    var patch = { flow: d.flow, value: d.value, currency: d.currency, date: d.date, quantity: '1' };
    if (d.quotaUsed !== undefined) patch.quotaUsed = d.quotaUsed;
    // Before the widget has mounted, setState keeps the patch and applies it at mount.
    var errors = widget.setState(patch);
    if (errors && errors.length) console.warn('scrolly: step ' + d.step + ':', errors);
    document.body.setAttribute('data-active-step', d.step);
  }

  // The widget's methods exist once its script has defined <trade-widget>.
  customElements.whenDefined('trade-widget').then(function () {
    // A thin line across the middle of the viewport: one step crosses it at a time.
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { if (e.isIntersecting) show(e.target); });
    }, { rootMargin: '-49% 0px -50% 0px', threshold: 0 });
    steps.forEach(function (s) { io.observe(s); });
  });
})();
