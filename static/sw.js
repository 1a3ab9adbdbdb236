// The service worker: the whole widget works offline after one visit. `selfcheck precache` (a
// Trunk hook) fills in CACHE (a name stamped with the build's contents) and FILES (every file
// of the build, written from the hashed names, never by hand).
//
// - The page itself and clinic.json: network first (a clinic may change its settings at any
//   time), the cached copy when offline.
// - Everything else: from the cache first (the names carry content hashes).
// - A new version installs in the background and waits; the page lets it take over only at a
//   safe point (the welcome screen), never in the middle of someone's answers. Old caches go.
var CACHE = "CACHE_NAME";
var FILES = FILE_LIST;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return cache.addAll(FILES.map(function (f) { return new Request(f, { cache: "reload" }); }));
    })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) {
        return n.indexOf("selfcheck-") === 0 && n !== CACHE && n !== "selfcheck-setup";
      }).map(function (n) { return caches.delete(n); }));
    }).then(function () { return self.clients.claim(); })
  );
});

// The page says when it is at a safe point to switch to this version. Only when it is the one
// page open: another tab may be in the middle of someone's answers (the new version then waits
// for that tab to close).
self.addEventListener("message", function (event) {
  if (!event.data || event.data.selfcheckWorker !== "take-over") return;
  event.waitUntil(self.clients.matchAll({ type: "window" }).then(function (open) {
    if (open.length <= 1) return self.skipWaiting();
  }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== location.origin) return;
  // The clinic set-up page (setup/) is not precached (visitors never need it): kept when staff
  // open it, under its own address.
  var scope = new URL(self.registration.scope).pathname;
  var setup = url.pathname.indexOf(scope + "setup/") === 0;
  // Only the widget's own page is kept as the offline page, whatever its query; another page
  // of the site under this scope is left to the network.
  var widget = url.pathname === scope || url.pathname === scope + "index.html";
  if (request.mode === "navigate" && !widget && !setup) return;
  var fresh = setup || request.mode === "navigate" || /\/clinic\.json$/.test(url.pathname);
  if (fresh) {
    // The set-up page lives in a cache of its own, which a new version of the widget keeps.
    var store = setup ? "selfcheck-setup" : CACHE;
    var key = setup ? url.origin + url.pathname : request.mode === "navigate" ? "./" : request;
    event.respondWith(
      fetch(request).then(function (response) {
        if (response.ok) {
          var copy = response.clone();
          caches.open(store).then(function (cache) { cache.put(key, copy); });
        }
        return response;
      }).catch(function () {
        return caches.match(key, { ignoreSearch: true }).then(function (hit) {
          return hit || (setup ? Response.error() : caches.match("index.html"));
        });
      })
    );
    return;
  }
  // Everything else from the cache; what is not there yet (a logo the clinic added) is kept
  // when fetched, so it shows offline too.
  event.respondWith(
    caches.match(request, { ignoreSearch: true }).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        if (response.ok) {
          var copy = response.clone();
          caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
        }
        return response;
      });
    })
  );
});
