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

// The header's menu button at phone width: shown only when script runs (so the menu is never out of reach), it folds the
// menu and says whether it is open (aria-expanded); wider screens always show the menu.
(function () {
  var narrow = window.matchMedia('(max-width: 48rem)');
  function setUp() {
    document.querySelectorAll('.nav-toggle[aria-controls]').forEach(function (button) {
      var menu = document.getElementById(button.getAttribute('aria-controls'));
      if (!menu) {
        return;
      }

      var open = !narrow.matches || button.getAttribute('aria-expanded') === 'true' && button.dataset.ready === '1';
      button.hidden = !narrow.matches;
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      menu.classList.toggle('collapsed', !open);
      if (button.dataset.ready !== '1') {
        button.dataset.ready = '1';
        button.addEventListener('click', function () {
          var expanded = button.getAttribute('aria-expanded') === 'true';
          button.setAttribute('aria-expanded', expanded ? 'false' : 'true');
          menu.classList.toggle('collapsed', expanded);
        });
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUp);
  } else {
    setUp();
  }

  narrow.addEventListener('change', setUp);
})();
