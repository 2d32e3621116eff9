// Budget table of a grant application: live totals and grant share (the server checks the same rules on submit;
// the theme's script autosaves the draft). Amounts are summed in integer fen.
(function () {
  const form = document.getElementById('grant-form');
  if (!form) return;
  const cap = Number(form.dataset.cap);
  const maxShare = Number(form.dataset.share);
  const toFen = (text) => {
    const m = /^\s*[¥￥]?(\d{1,3}(,\d{3})*|\d+)(\.(\d{1,2}))?\s*$/.exec(text || '');
    if (!m) return text && text.trim() ? NaN : 0;
    return Number(m[1].replace(/,/g, '')) * 100 + Number((m[4] || '').padEnd(2, '0'));
  };
  const yuan = (fen) => '¥' + Math.floor(fen / 100).toLocaleString('en-US') + '.' + String(fen % 100).padStart(2, '0');
  const sum = (kind) => Array.from(form.querySelectorAll(`[data-amount="${kind}"]`)).reduce((s, i) => s + toFen(i.value), 0);
  function update() {
    const requested = sum('requested'), matching = sum('matching'), total = requested + matching;
    form.querySelector('[data-total="requested"]').textContent = isNaN(requested) ? '—' : yuan(requested);
    form.querySelector('[data-total="matching"]').textContent = isNaN(matching) ? '—' : yuan(matching);
    const project = form.querySelector('[data-total="project"]');
    if (project) project.textContent = isNaN(total) ? '—' : yuan(total);
    // Shown rounded half up (the server's BudgetRules.Totals); the limits below compare exactly.
    const share = total > 0 ? Math.floor((requested * 20000 + total) / (2 * total)) : 0;
    form.querySelector('[data-share-out]').textContent = (share / 100).toFixed(2) + '%';
    const warn = form.querySelector('[data-warn]');
    const problem = requested > cap ? warn.dataset.overCap : requested * 10000 > total * maxShare ? warn.dataset.overShare : '';
    warn.textContent = problem;
    warn.hidden = !problem;
  }
  form.addEventListener('input', (e) => {
    if (e.target.matches('[data-amount]')) update();
  });
  update();
})();
