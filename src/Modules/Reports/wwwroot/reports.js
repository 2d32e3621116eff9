// Progressive: the copy and print buttons are hidden until this script shows them; without it the page still reads and prints from the browser.
(function () {
  "use strict";
  var status = document.querySelector("[data-copy-status]");
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = Array.prototype.map.call(source.querySelectorAll("p"), function (p) { return p.textContent.trim(); }).join("\n");
      navigator.clipboard.writeText(text).then(function () {
        if (status) { status.textContent = button.getAttribute("data-copied"); }
      });
    });
  });
})();
