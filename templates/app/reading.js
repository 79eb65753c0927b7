// The reading page asks how far the app has come each second, says so, and shows the list when it is ready.
(function () {
  "use strict";
  var bar = document.getElementById("reading");
  var text = document.getElementById("reading-text");
  var asked = 0;
  function ask() {
    asked += 1;
    fetch("/progress", {credentials: "same-origin", cache: "no-store"})
      .then(function (answer) { return answer.ok ? answer.json() : null; })
      .then(function (state) {
        if (!state) { return; }
        if (state.finished) { window.location.reload(); return; }
        bar.max = state.total;
        bar.value = state.done;
        if (asked % 5 === 0) {
          text.textContent = state.text;  // read out now and then, not every second
        }
        window.setTimeout(ask, 1000);
      })
      .catch(function () { window.setTimeout(ask, 3000); });
  }
  window.setTimeout(ask, 300);  // a folder of a few hundred is read in about a second
}());
