// Starts the widget after the first paint. Checks that the browser has WebAssembly, loads the app, and shows the
// plain message already in the page if anything fails, so the visitor never sees a blank page.
(function () {
  var script = document.currentScript;
  var root = document.documentElement;
  function fail(error) {
    root.classList.add("mn-failed");
    if (error) console.warn("self-check could not start:", error);
  }
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    fail("this browser has no WebAssembly");
    return;
  }
  function start() {
    import(script.dataset.js)
      .then(function (glue) {
        return glue.default({ module_or_path: script.dataset.wasm });
      })
      .then(function () {
        root.classList.add("mn-ready");
      })
      .catch(fail);
  }
  // Let the static welcome from index.html finish painting first (the page's load event, then
  // two frames), then fetch the app, so the app never delays or replaces an unpainted screen.
  function afterPaint() {
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        setTimeout(start, 0);
      });
    });
  }
  if (document.readyState === "complete") afterPaint();
  else window.addEventListener("load", afterPaint, { once: true });
})();
