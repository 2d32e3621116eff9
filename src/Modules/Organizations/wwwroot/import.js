// Register import form: sent once (the button is disabled on submit; the server refuses the form's id a second time),
// and while the upload is checked and written the page shows the import's progress, polled once a second.
(function () {
  const form = document.querySelector('form[data-import-progress]');
  if (!form) return;
  const status = document.getElementById('import-progress');
  let sent = false;
  form.addEventListener('submit', (event) => {
    if (sent) {
      event.preventDefault();
      return;
    }
    sent = true;
    form.querySelectorAll('button[type=submit]').forEach((button) => {
      button.disabled = true;
      button.setAttribute('aria-disabled', 'true');
    });
    status.textContent = status.dataset.sending;
    const poll = () => fetch(form.dataset.importProgress, { headers: { 'X-Requested-With': 'fetch' } })
      .then((response) => (response.ok ? response.json() : null))
      .then((p) => {
        if (p) {
          status.textContent = status.dataset.template
            .replace('{validated}', p.validated).replace('{rows}', p.rows).replace('{written}', p.written);
        }
      })
      .catch(() => {})
      .finally(() => setTimeout(poll, 1000));
    setTimeout(poll, 1000);
  });
})();
