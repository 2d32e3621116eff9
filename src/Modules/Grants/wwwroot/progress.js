// Progress report form: each line's variance (spent minus approved, in integer fen) as the organization types
// (the theme's script autosaves the draft).
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
  form.addEventListener('input', (e) => {
    if (e.target.matches('[data-spent]')) update(e.target.closest('[data-line]'));
  });
})();
