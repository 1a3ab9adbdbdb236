/*! Microneedling self-check: embed loader (docs/embedding.md). Put on a clinic's page:
 *    <div data-selfcheck><a href="https://WIDGET/">Take our microneedling self-check</a></div>
 *    <script src="https://WIDGET/embed.js" async></script>
 *  Each [data-selfcheck] element gets the widget in an iframe that grows to fit it. The link
 *  stays until the widget has loaded, so the page always offers a way in. Optional attributes:
 *  data-lang, data-accent, data-kiosk (passed to the widget, which checks them), data-title.
 *  Events arrive as DOM events on the element: selfcheck:ready, selfcheck:step,
 *  selfcheck:height, selfcheck:outcome, selfcheck:booking (event.detail is the message).
 */
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !me.src) return;
  var base = new URL(".", me.src);
  var origin = base.origin;
  var frames = [];
  // The documented sandbox: scripts and its own storage, new tabs for the booking link and
  // printing, the calendar file's download; never the host page's navigation.
  var SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-forms allow-modals allow-downloads";

  function mount(el) {
    if (el.getAttribute("data-selfcheck-ready") !== null) return;
    el.setAttribute("data-selfcheck-ready", "");
    var link = el.querySelector("a[href]");
    var src = new URL(el.getAttribute("data-selfcheck") || link && link.getAttribute("href") || base.href, base);
    if (src.origin !== origin) src = new URL(base.href);
    var q = src.searchParams;
    q.set("embed", "1");
    q.set("host", location.origin);
    // Which widget on the page: each keeps its own saved answers.
    q.set("slot", el.id && /^[\w-]{1,40}$/.test(el.id) ? el.id : String(frames.length));
    ["lang", "accent", "kiosk"].forEach(function (k) {
      var v = el.getAttribute("data-" + k);
      if (v) q.set(k, v);
    });
    var frame = document.createElement("iframe");
    frame.src = src.href;
    frame.title = el.getAttribute("data-title") || (link && link.textContent.trim()) || "Self-check";
    frame.loading = "lazy";
    frame.referrerPolicy = "no-referrer";
    frame.setAttribute("sandbox", SANDBOX);
    frame.setAttribute("allow", "");
    frame.className = "selfcheck-frame";
    var s = frame.style;
    s.display = "block";
    s.width = "100%";
    s.border = "0";
    el.insertBefore(frame, el.firstChild);
    // Until the widget reports its height: data-height, or the welcome screen's usual height
    // at this width, so the page below moves as little as possible.
    var w = frame.getBoundingClientRect().width;
    s.height = (parseInt(el.getAttribute("data-height"), 10) || (w < 280 ? 800 : w < 340 ? 665 : w < 500 ? 585 : 532)) + "px";
    frames.push({ el: el, frame: frame, link: link });
  }

  function send(el, type, detail) {
    var ev;
    try {
      ev = new CustomEvent("selfcheck:" + type, { detail: detail, bubbles: true });
    } catch (e) {
      return;
    }
    el.dispatchEvent(ev);
  }

  // Messages from a widget: the widget's exact origin, one of our frames, the documented shape.
  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var d = event.data;
    if (!d || typeof d !== "object" || d.selfcheck !== 1 || typeof d.type !== "string") return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.frame.contentWindow !== event.source) continue;
      if (d.type === "height") {
        var h = Number(d.height);
        if (!(h > 0 && h < 100000)) return;
        f.frame.style.height = Math.ceil(h) + "px";
      } else if (d.type === "ready") {
        if (typeof d.title === "string" && d.title) f.frame.title = d.title.slice(0, 200);
        if (f.link) f.link.hidden = true;
      } else if (["step", "outcome", "booking"].indexOf(d.type) < 0) {
        return;
      }
      // A copy with only the documented fields.
      var detail = { selfcheck: 1, type: d.type };
      ["title", "lang", "height", "step", "question", "tier"].forEach(function (k) {
        if (typeof d[k] === "string" || typeof d[k] === "number") detail[k] = d[k];
      });
      send(f.el, d.type, detail);
      return;
    }
  });

  function scan() {
    var all = document.querySelectorAll("[data-selfcheck]");
    for (var i = 0; i < all.length; i++) mount(all[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
