// Progress report form: each line's variance (spent minus approved, in integer fen) as the organization types, and
// autosave of the draft a few seconds after the last change (the file input is left out; uploads go with Save).
(function () {
  const form = document.getElementById('progress-form');
  if (!form) return;
  const toFen = (text) => {
    const m = /^\s*[¥￥]?(\d{1,3}(,\d{3})*|\d+)(\.(\d{1,2}))?\s*$/.exec(text || '');
    return m ? Number(m[1].replace(/,/g, '')) * 100 + Number((m[4] || '').padEnd(2, '0')) : NaN;
  };
  const yuan = (fen) => (fen < 0 ? '-' : '') + '¥' + Math.floor(Math.abs(fen) / 100).toLocaleString('en-US') + '.' + String(Math.abs(fen) % 100).padStart(2, '0');
  function update(row) {
    const spent = toFen(row.querySelector('[data-spent]').value);
    row.querySelector('[data-variance]').textContent = isNaN(spent) ? '—' : yuan(spent - Number(row.dataset.approved));
  }
  let timer;
  const status = form.querySelector('[data-autosave-status]');
  async function autosave() {
    const body = new FormData(form);
    body.delete('Upload');
    const response = await fetch(form.dataset.autosave, { method: 'POST', body, headers: { 'X-Requested-With': 'fetch' } });
    if (response.ok) {
      const version = (await response.json()).version;
      document.querySelectorAll('input[name="Form.Version"]').forEach((input) => { input.value = version; });
      status.textContent = '✓ ' + new Date().toLocaleTimeString();
    }
  }
  form.addEventListener('input', (e) => {
    if (e.target.matches('[data-spent]')) update(e.target.closest('[data-line]'));
    if (e.target.type === 'file') return;
    clearTimeout(timer);
    timer = setTimeout(autosave, 3000);
  });
})();
