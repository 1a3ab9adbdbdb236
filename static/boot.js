// Starts the widget. Runs as soon as the page is parsed: it makes the static Start button respond
// straight away (a tap is remembered, and the app opens on the concerns screen when it is
// ready). The clinic's settings (clinic.json) and the app are fetched, in parallel, as soon as
// the static welcome has painted (not after the page's load event), so they never delay that
// first paint.
// The app's files are checked against the integrity hashes written at build time. If anything
// fails, the plain message already in the page shows, never a blank page.
(function () {
  var script = document.currentScript;
  var data = script.dataset;
  var root = document.documentElement;
  var boot = (window.selfcheckBoot = { started: false });
  // The message block is hidden in the page itself too, so it never shows without the styles.
  function show(kind) {
    root.classList.add(kind);
    var box = document.querySelector(".mn-boot-error");
    if (box) box.hidden = false;
  }
  function fail(error) {
    show("mn-failed");
    if (error) console.warn("self-check could not start:", error);
  }
  // If the running app breaks (a trap in the wasm, or an error thrown through it), its screen
  // goes and a message says so, with a button that forgets this tab's answers and starts again.
  function broken(error) {
    var stack = (error && error.stack) || "";
    var trap = typeof WebAssembly === "object" && error instanceof WebAssembly.RuntimeError;
    if (!trap && !/wasm/.test(stack)) return;
    show("mn-crashed");
    console.warn("self-check stopped:", error);
    var again = document.querySelector(".mn-boot-error button");
    if (again) again.focus();
  }
  addEventListener("error", function (e) { broken(e.error); });
  addEventListener("unhandledrejection", function (e) { broken(e.reason); });
  var again = document.querySelector(".mn-boot-error button");
  if (again) again.addEventListener("click", function () {
    try {
      Object.keys(sessionStorage).forEach(function (k) {
        if (/^mn-selfcheck\.(responses|step)/.test(k)) sessionStorage.removeItem(k);
      });
      Object.keys(localStorage).forEach(function (k) {
        if (/^mn-selfcheck\.kept/.test(k)) localStorage.removeItem(k);
      });
    } catch (e) {}
    location.reload();
  });
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    fail("this browser has no WebAssembly");
    return;
  }
  var start = document.querySelector("#app [data-static] .mn-start");
  if (start) {
    start.disabled = false;
    start.addEventListener("click", function () {
      if (boot.started) return;
      boot.started = true;
      start.setAttribute("aria-busy", "true");
      if (start.dataset.busy) start.textContent = start.dataset.busy;
    });
  }
  // The language the visitor most likely gets (the app decides, with the clinic's settings):
  // lang.js has already set the page's to the address's or the browser's, as the app picks.
  boot.localeCode = root.lang;
  // Offline: the service worker (sw.js) keeps every file of this build. A new build installs in
  // the background and waits; it takes over (with a reload) only at a safe point: the welcome
  // screen, where no answers can be lost. The app calls safePoint() each time the welcome
  // shows (after "Start again" or a kiosk's reset); a kiosk that never navigates also looks
  // for a new build then, and every 30 minutes.
  function offline() {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("sw.js").then(function (reg) {
      if (!reg) return;
      boot.worker = reg;
      // A kiosk waiting on its welcome updates as soon as a new build is installed; a visitor's
      // page only at the next safe point. The browser may have found that build before this
      // page's registration resolved (its own check on load), so one already installing or
      // waiting counts too.
      function watch(next) {
        if (next) next.addEventListener("statechange", function () {
          if (next.state === "installed" && root.hasAttribute("data-kiosk")) takeOver();
        });
      }
      reg.addEventListener("updatefound", function () { watch(reg.installing); });
      watch(reg.installing);
      if (reg.waiting && root.hasAttribute("data-kiosk")) takeOver();
      setInterval(function () { reg.update().catch(function () {}); }, 1800000);
    }, function () {});
  }
  boot.safePoint = function () {
    // A kiosk runs all day in one page: at each reset it reloads if the clinic changed its
    // settings since the page loaded (not at the first welcome: they were just fetched).
    var first = !boot.safeBefore;
    boot.safeBefore = true;
    if (!first && root.hasAttribute("data-kiosk") && boot.configText !== undefined)
      fetch("clinic.json", { cache: "no-cache" }).then(function (r) { return r.ok ? r.text() : boot.configText; })
        .then(function (t) { if (t !== boot.configText) location.reload(); }, function () {});
    var reg = boot.worker;
    if (reg && !reg.waiting) reg.update().catch(function () {});
    takeOver();
  };
  // A waiting build takes over (with a reload) only on the app's welcome screen.
  function takeOver() {
    var reg = boot.worker;
    if (!reg || !reg.waiting) return;
    if (!navigator.serviceWorker.controller || !document.querySelector('#app .mn-widget[data-step="welcome"]:not([data-static])')) return;
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      location.reload();
    }, { once: true });
    reg.waiting.postMessage({ selfcheckWorker: "take-over" });
  }
  // Take-aways, called by the app (nothing is sent anywhere): the hand-over's QR code and the
  // calendar file, made by a small module downloaded only when a visitor asks for one
  // (takeaway/); the file is saved by the browser from memory.
  function takeaway() {
    return import("./takeaway/selfcheck_takeaway.js").then(function (m) {
      return m.default().then(function () { return m; });
    });
  }
  // A take-away that fails says so where it shows (the QR code's figure), and never stops the
  // app: its errors are caught here.
  boot.qr = function (text, selector) {
    return takeaway().then(function (m) { m.show_qr(text, selector); }).catch(function () {
      var box = document.querySelector(selector);
      if (box) box.parentNode.setAttribute("data-failed", "");
    });
  };
  // A hand-over code opened while the widget is already showing (a second scan in the same
  // tab) starts it afresh, so the app reads the new code.
  addEventListener("hashchange", function () {
    if (location.hash.indexOf("#handover=") === 0) location.reload();
  });
  // A printed copy holds every reason's "why" in full.
  addEventListener("beforeprint", function () {
    var all = document.querySelectorAll("#app details");
    for (var i = 0; i < all.length; i++) all[i].open = true;
  });
  boot.calendar = function (file, lines, madeOn, name, note, seed) {
    return takeaway().then(function (m) {
      var text = m.calendar(lines, madeOn, name, note, seed);
      if (!text) return;
      var url = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
      var a = document.createElement("a");
      a.href = url;
      a.download = file;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    }).catch(function (e) { console.warn("self-check: no calendar file:", e); });
  };
  // Download, compile and start the app once the static welcome has painted (two frames).
  function load() {
    if (boot.localeCode) boot.locale = fetch("locales/" + boot.localeCode + ".bin");
    // The settings: read (and checked) by the app. A missing or broken file is not fatal.
    // A server that never answers must not hold the widget: after 10 s it starts with the
    // safe defaults (and says so to staff).
    var abort = typeof AbortController === "function" ? new AbortController() : null;
    if (abort) setTimeout(function () { abort.abort(); }, 10000);
    // The clinic set-up page (setup/) previews the settings being typed in a frame of this same
    // site: they come from that tab's session storage instead of clinic.json. Only a page of
    // this site can write there, and only a parent of this site is asked.
    var draft = null;
    try {
      if (/[?&]setup-preview(&|=|$)/.test(location.search) && parent !== window && parent.location.origin === location.origin)
        draft = sessionStorage.getItem("mn-selfcheck.setup-draft");
    } catch (e) {}
    boot.config = draft !== null ? Promise.resolve({ status: 200, text: draft }) : fetch("clinic.json", { cache: "no-cache", credentials: "same-origin", signal: abort && abort.signal }).then(
      function (r) {
        return r.text().then(function (text) {
          if (r.ok) boot.configText = text;
          return { status: r.status, text: text };
        });
      },
      function (e) {
        return { status: 0, error: String(e && e.message ? e.message : e) };
      }
    );
    var preload = document.createElement("link");
    preload.rel = "modulepreload";
    preload.href = data.js;
    if (data.jsIntegrity) preload.integrity = data.jsIntegrity;
    document.head.appendChild(preload);
    var wasm = fetch(data.wasm, data.wasmIntegrity ? { integrity: data.wasmIntegrity } : {});
    import(data.js)
      .then(function (glue) {
        return glue.default({ module_or_path: wasm });
      })
      .then(function () {
        root.classList.add("mn-ready");
        offline();
      })
      .catch(fail);
  }
  requestAnimationFrame(function () {
    requestAnimationFrame(function () {
      setTimeout(load, 0);
    });
  });
})();
