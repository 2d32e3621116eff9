// Behaviour the pages declare with data attributes, so no page needs inline script (the Content-Security-Policy
// allows scripts from this site's files only).
document.addEventListener('click', function (event) {
  var target = event.target instanceof Element ? event.target.closest('[data-action=print], [data-confirm]') : null;
  if (!target) {
    return;
  }

  if (target.getAttribute('data-action') === 'print') {
    event.preventDefault();
    window.print();
  } else if (!window.confirm(target.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});
