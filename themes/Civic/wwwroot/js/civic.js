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

// Date fields are text in the ISO order (see DateInputTagHelper). Beside each, a button opens the browser's calendar on a
// hidden native input and writes the chosen day back in the same order; typing stays possible, with or without script.
(function () {
  function setUp() {
    document.querySelectorAll('input[data-date-input]').forEach(function (field) {
      if (field.dataset.pickerReady === '1' || field.disabled || field.readOnly) {
        return;
      }

      var kind = field.getAttribute('data-date-input');
      var picker = document.createElement('input');
      picker.type = kind;
      if (typeof picker.showPicker !== 'function') {
        return;
      }

      picker.tabIndex = -1;
      picker.className = 'date-picker-native';
      picker.setAttribute('aria-hidden', 'true');
      if (field.dataset.min) { picker.min = field.dataset.min; }
      if (field.dataset.max) { picker.max = field.dataset.max; }

      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'date-picker-button';
      button.setAttribute('aria-label', field.getAttribute('data-picker-label') || '');
      button.title = field.getAttribute('data-picker-label') || '';

      field.dataset.pickerReady = '1';
      button.addEventListener('click', function () {
        picker.value = kind === 'date' ? field.value.trim() : field.value.trim().replace(' ', 'T');
        try {
          picker.showPicker();
        } catch (e) {
          field.focus();
        }
      });
      picker.addEventListener('change', function () {
        if (picker.value) {
          field.value = kind === 'date' ? picker.value : picker.value.replace('T', ' ').slice(0, 16);
          field.dispatchEvent(new Event('change', { bubbles: true }));
        }
      });
      var wrapper = document.createElement('span');
      wrapper.className = 'date-field';
      field.insertAdjacentElement('beforebegin', wrapper);
      wrapper.append(field, button, picker);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUp);
  } else {
    setUp();
  }
})();

// Autosave of a draft form (data-autosave="<handler url>"): a few seconds after the last change, one request at a time,
// never after the form was sent. The answer's row version goes into every [data-version] field of the page, so the next
// save (and the form's own buttons) claim the version just written; a 409 means someone else saved meanwhile, and the
// form says so (data-autosave-conflict) instead of overwriting. Files go with the form's own buttons, not here.
// A button pressed while an autosave is under way waits for its answer, so the form claims the version it wrote
// (sent at once it would carry the older one and be refused as someone else's change).
(function () {
  function setUp(form) {
    var status = form.querySelector('[data-autosave-status]');
    var timer = null;
    var running = false;
    var again = false;
    var sent = false;
    var held = null;

    function show(text) {
      if (status) {
        status.textContent = text;
      }
    }

    function save() {
      if (sent) {
        return;
      }

      if (running) {
        again = true;
        return;
      }

      running = true;
      var body = new FormData(form);
      Array.from(body.keys()).forEach(function (key) {
        if (body.getAll(key).some(function (value) { return value instanceof File; })) {
          body.delete(key);
        }
      });
      fetch(form.getAttribute('data-autosave'), { method: 'POST', body: body, headers: { 'X-Requested-With': 'fetch' } })
        .then(function (response) {
          if (response.ok) {
            return response.json().then(function (json) {
              document.querySelectorAll('[data-version]').forEach(function (input) { input.value = json.version; });
              show('\u2713 ' + new Date().toLocaleTimeString());
            });
          }

          if (response.status === 409) {
            show(form.getAttribute('data-autosave-conflict') || '');
          }
        })
        .catch(function () { /* offline: the next change tries again */ })
        .then(function () {
          running = false;
          if (held) {
            var button = held.button;
            held = null;
            if (button && button.form === form) {
              button.click();
            } else {
              form.requestSubmit();
            }

            return;
          }

          if (again) {
            again = false;
            save();
          }
        });
    }

    form.addEventListener('input', function (event) {
      if (event.target instanceof HTMLInputElement && event.target.type === 'file') {
        return;
      }

      clearTimeout(timer);
      timer = setTimeout(save, 3000);
    });
    form.addEventListener('submit', function (event) {
      clearTimeout(timer);
      if (running) {
        event.preventDefault();
        held = { button: event.submitter };
        return;
      }

      sent = true;
    });
  }

  function start() {
    document.querySelectorAll('form[data-autosave]').forEach(setUp);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
