// The page's own script on broken-data.html. Whatever a widget does, the page's
// scripts keep running: once the broken widget has shown its error, this sets
// data-page-script="ran" on <body> after a timeout, and it counts the errors
// that reached the page (uncaught exceptions, unhandled rejections).
(function () {
  var errors = 0;
  window.addEventListener('error', function () { errors++; document.body.setAttribute('data-page-errors', String(errors)); });
  window.addEventListener('unhandledrejection', function () { errors++; document.body.setAttribute('data-page-errors', String(errors)); });
  document.body.setAttribute('data-page-errors', '0');

  var broken = document.getElementById('broken');
  function mark() {
    setTimeout(function () { document.body.setAttribute('data-page-script', 'ran'); }, 50);
  }
  if (broken.getAttribute('data-status') === 'error') { mark(); return; }
  var mo = new MutationObserver(function () {
    if (broken.getAttribute('data-status') === 'error') { mo.disconnect(); mark(); }
  });
  mo.observe(broken, { attributes: true, attributeFilter: ['data-status'] });
})();
