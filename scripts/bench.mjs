// The benchmark: prints sizes, browser timings and memory, Lighthouse scores and native engine
// timings for the release build in dist/. Figures only: nothing here passes or fails.
//
//   scripts/bench.sh            (builds first, then runs this)
//   node scripts/bench.mjs [--journeys 100] [--soak 200] [--no-lighthouse] [--no-other-engines] [--dist DIR]
//
// --dist measures another build (an older one, to compare); the clinic-page Lighthouse figures
// (a host page with and without the embed) are for dist/ only.
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { measure, BUDGET } from "./sizes.mjs";
import { launch } from "../tests/cross/engines.mjs";
import { serve } from "../tests/cross/server.mjs";
import { ORIGINS } from "../tests/e2e/server.mjs";
import { soak } from "../tests/e2e/soak.mjs";

const PORT = 4180;
const URL_ = `http://127.0.0.1:${PORT}/`;
const args = process.argv.slice(2);
const JOURNEYS = Number(args[args.indexOf("--journeys") + 1]) || 100;
const SOAK = Number(args[args.indexOf("--soak") + 1]) || 200;
const DIST = args.includes("--dist") ? args[args.indexOf("--dist") + 1] : "dist";
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
  "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const max = (xs) => Math.max(...xs);
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]; };
const kb = (b) => (b / 1024).toFixed(1);
const ms = (x) => x.toFixed(1);

// Runs inside the page before anything else: records when the first screen is interactive and
// keeps a handle on the wasm memory for the figures.
function instrument() {
  window.__bench = { ready: null, memory: null, responds: null };
  // When a tap on Start first counts: the static Start enabled by the boot script (before, it
  // stayed disabled until the app was ready), or the app's own Start.
  const responds = () => {
    const b = document.querySelector(".mn-start");
    if (window.__bench.responds === null && b && !b.disabled) window.__bench.responds = performance.now();
  };
  new MutationObserver(responds).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["disabled"] });
  const wrap = (name) => {
    const orig = WebAssembly[name];
    WebAssembly[name] = async (...a) => {
      const r = await orig.apply(WebAssembly, a);
      window.__bench.memory = (r.instance ?? r).exports?.memory ?? window.__bench.memory;
      return r;
    };
  };
  wrap("instantiateStreaming");
  wrap("instantiate");
  new MutationObserver((_, obs) => {
    if (document.querySelector(".mn-widget:not([data-static]) .mn-start")) {
      window.__bench.ready = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

// Runs inside the page: one whole journey through the real UI, timing each answer from the
// press of Next to the DOM showing the next screen and to the next frame being painted.
async function journeyInPage() {
  const $ = (s) => document.querySelector(s);
  const step = () => $(".mn-widget:not([data-static])").dataset.step;
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const changed = (before) => new Promise((resolve) => {
    const check = () => (step() !== before ? resolve() : requestAnimationFrame(check));
    new MutationObserver((_, o) => { if (step() !== before) { o.disconnect(); resolve(); } })
      .observe($(".mn-widget:not([data-static])"), { attributes: true });
    check();
  });
  const timings = [];
  async function press(button) {
    const before = step();
    const t0 = performance.now();
    button.click();
    await changed(before);
    const dom = performance.now() - t0;
    await frame();
    timings.push({ dom, paint: performance.now() - t0 });
  }
  await press($(".mn-start"));
  $("#mn-concern-acne_scars").click();
  await frame();
  await press($("button[type=submit]"));
  $("#mn-area-cheeks").click();
  await frame();
  await press($("button[type=submit]"));
  for (let i = 0; i < 60 && $("form.mn-question"); i++) {
    const input = $("#mn-answer-input");
    if (input) {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
      setter.call(input, input.type === "date" ? "2026-01-01" : "35");
      input.dispatchEvent(new Event("input", { bubbles: true }));
    } else {
      $("#mn-answer-no").click();
    }
    await frame();
    await press($("button[type=submit]"));
  }
  if (!$(".mn-results")) throw new Error("journey did not reach the results");
  // Start again for the next journey.
  const again = [...document.querySelectorAll("button")].find((b) => b.closest(".mn-results .mn-nav"));
  await press(again);
  return timings;
}

// Real (trusted) clicks through whole journeys: from each click on Next to the moment the next
// screen's heading is painted, by the Element Timing API (the heading carries
// elementtiming="mn-screen").
async function pressToPaint(page, journeys = 3) {
  await page.evaluate(() => {
    window.__paints = [];
    window.__clicks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__paints.push(e.renderTime || e.loadTime); })
      .observe({ type: "element", buffered: false });
    addEventListener("click", (e) => { if (e.isTrusted && e.target.closest("button")) window.__clicks.push(e.timeStamp); }, true);
  });
  const widget = page.locator(".mn-widget:not([data-static])");
  const press = async (locator) => {
    const before = await widget.getAttribute("data-step");
    const paints = await page.evaluate(() => window.__paints.length);
    await locator.click();
    await page.waitForFunction(([b, n]) => document.querySelector(".mn-widget").dataset.step !== b && window.__paints.length > n, [before, paints]);
  };
  for (let j = 0; j < journeys; j++) {
    await press(page.locator(".mn-start"));
    await page.locator("#mn-concern-acne_scars").check();
    await press(page.locator("button[type=submit]"));
    await page.locator("#mn-area-cheeks").check();
    await press(page.locator("button[type=submit]"));
    for (let i = 0; i < 60 && (await page.locator("form.mn-question").count()); i++) {
      const input = page.locator("#mn-answer-input");
      if (await input.count()) await input.fill((await input.getAttribute("type")) === "date" ? "2026-01-01" : "35");
      else await page.locator("#mn-answer-no").check();
      await press(page.locator("button[type=submit]"));
    }
    await press(page.locator(".mn-results .mn-nav button"));
  }
  const { clicks, paints } = await page.evaluate(() => ({ clicks: window.__clicks, paints: window.__paints }));
  // Pair each click on Next (or Start) with the first heading painted after it.
  const deltas = [];
  for (const c of clicks) {
    const p = paints.find((t) => t > c);
    if (p !== undefined) deltas.push(p - c);
  }
  return deltas;
}

async function browserFigures() {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: FLAGS });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.addInitScript(instrument);
  const cdp = await context.newCDPSession(page);
  await page.goto(URL_);
  await page.waitForFunction(() => window.__bench.ready !== null);
  const paint = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType("paint").map((p) => [p.name, p.startTime])));
  const ready = await page.evaluate(() => window.__bench.ready);
  const responds = await page.evaluate(() => window.__bench.responds);
  const memory = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    const wasm = await page.evaluate(() => window.__bench.memory?.buffer.byteLength ?? 0);
    return { jsHeap: usedSize, wasm };
  };
  const painted = await pressToPaint(page);
  await page.reload();
  await page.waitForFunction(() => window.__bench.ready !== null);
  const first = await page.evaluate(journeyInPage);
  const afterOne = await memory();
  let all = [...first];
  for (let i = 1; i < JOURNEYS; i++) all = all.concat(await page.evaluate(journeyInPage));
  const afterMany = await memory();
  await browser.close();
  return { paint, ready, responds, first, all, afterOne, afterMany, painted };
}

// A kiosk all day: SOAK journeys in one page, each ended by the kiosk's reset (tests/e2e/soak.mjs).
async function kioskSoak() {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: FLAGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    return await soak(page, `${URL_}?kiosk=1`, SOAK);
  } catch (e) {
    return { error: String(e) };
  } finally {
    await browser.close();
  }
}

// WebKit and Firefox over WebDriver, as the cross-engine tests drive them (tests/cross/): the
// same instrument and in-page journeys as Chromium above. WebDriver has no init scripts, so the
// cross-engine test server puts the instrument into index.html before any other script.
// Element Timing and heap figures exist in Chromium only.
async function webdriverFigures(id) {
  const server = await serve("dist", { head: `<script>(${instrument})();</script>` });
  let browser;
  try {
    browser = await launch(id);
    const d = browser.driver;
    await d.manage().window().setRect({ width: 390, height: 844 }).catch(() => {});
    await d.get(server.url);
    await d.wait(() => d.executeScript("return !!(window.__bench && window.__bench.ready !== null);"), 30_000);
    const { paint, ready, size } = await d.executeScript(`return {
      paint: Object.fromEntries(performance.getEntriesByType("paint").map((p) => [p.name, p.startTime])),
      ready: window.__bench.ready, size: innerWidth + "x" + innerHeight };`);
    const run = async () => {
      const r = await d.executeAsyncScript(`const done = arguments[arguments.length - 1];
        (${journeyInPage})().then(done, (e) => done({ error: String((e && e.stack) || e) }));`);
      if (!Array.isArray(r)) throw new Error(r?.error ?? "journey failed");
      return r;
    };
    const first = await run();
    let all = [...first];
    for (let i = 1; i < JOURNEYS; i++) all = all.concat(await run());
    return { engine: `${browser.engine.label} ${browser.version}`, paint, ready, size, first, all };
  } catch (e) {
    return { engine: browser ? `${browser.engine.label} ${browser.version}` : id, error: String(e.message ?? e).split("\n")[0] };
  } finally {
    await browser?.stop();
    await server.close();
  }
}

function lighthouse(url = URL_) {
  try {
    const out = execFileSync("node_modules/.bin/lighthouse", [url, "--quiet", "--output=json",
      "--only-categories=performance,accessibility,best-practices,seo",
      `--chrome-flags=--headless=new ${FLAGS.join(" ")}`], {
      env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" }, maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "ignore"],
    });
    const r = JSON.parse(out.toString());
    const score = (c) => Math.round(r.categories[c].score * 100);
    const audit = (a) => r.audits[a].numericValue;
    return {
      performance: score("performance"), accessibility: score("accessibility"),
      bestPractices: score("best-practices"), seo: score("seo"),
      lcp: audit("largest-contentful-paint"), tbt: audit("total-blocking-time"), cls: audit("cumulative-layout-shift"),
      fcp: audit("first-contentful-paint"),
    };
  } catch (e) {
    return { error: String(e.message ?? e).split("\n")[0] };
  }
}

function nativeFigures() {
  try {
    return execFileSync("cargo", ["run", "-q", "--release", "-p", "selfcheck-engine", "--example", "bench"], { stdio: ["ignore", "pipe", "inherit"] }).toString().trim();
  } catch (e) {
    return `native bench failed: ${e.message}`;
  }
}

const server = spawn("python3", ["-m", "http.server", String(PORT), "--bind", "127.0.0.1", "--directory", DIST], { stdio: "ignore" });
try {
  for (let i = 0; i < 50; i++) {
    try { if ((await fetch(URL_)).ok) break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  const sizes = measure(DIST);
  const b = await browserFigures();
  const kiosk = await kioskSoak();
  const others = args.includes("--no-other-engines") ? [] : [await webdriverFigures("webkit"), await webdriverFigures("firefox")];
  const lh = args.includes("--no-lighthouse") ? { skipped: true } : lighthouse();
  // A clinic's page (examples/clinic-page.html on one origin, the widget on another), with the
  // embed and without it (the same page, snippet removed by the test server).
  let host = { skipped: true };
  if (!args.includes("--no-lighthouse") && DIST === "dist") {
    // In a child process: Lighthouse runs synchronously here, so a server in this process
    // could not answer it.
    const sites = spawn("node", ["tests/e2e/server.mjs"], { stdio: "ignore" });
    for (let i = 0; i < 100; i++) {
      try { if ((await fetch(`${ORIGINS.clinic}/clinic-page.html`)).ok) break; } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    try {
      host = { with: lighthouse(`${ORIGINS.clinic}/clinic-page.html`), without: lighthouse(`${ORIGINS.clinic}/clinic-page.html?no-embed`) };
    } finally {
      sites.kill();
    }
  }
  const native = nativeFigures();

  const lines = [];
  lines.push("SIZES (dist/, bytes)");
  for (const r of sizes.rows) lines.push(`  ${r.file.padEnd(44)} raw ${String(r.raw).padStart(8)}  gzip ${String(r.gzip).padStart(7)}  brotli ${String(r.brotli).padStart(7)}`);
  lines.push(`  first paint:  ${kb(sizes.firstPaint.brotli)} KB brotli (budget ${kb(BUDGET.firstPaint)} KB), ${kb(sizes.firstPaint.gzip)} KB gzip, ${kb(sizes.firstPaint.raw)} KB raw`);
  lines.push(`  first screen interactive: ${kb(sizes.firstScreen.brotli)} KB brotli, ${kb(sizes.firstScreen.gzip)} KB gzip, ${kb(sizes.firstScreen.raw)} KB raw`);
  lines.push(`  whole app:    ${kb(sizes.wholeApp.brotli)} KB brotli (budget ${kb(BUDGET.wholeApp)} KB), ${kb(sizes.wholeApp.gzip)} KB gzip, ${kb(sizes.wholeApp.raw)} KB raw`);
  lines.push(`  take-aways module (on demand): ${kb(sizes.takeaway.brotli)} KB brotli (budget ${kb(BUDGET.takeaway)} KB); a journey that uses it: ${kb(sizes.withTakeaway.brotli)} KB brotli`);
  lines.push("");
  lines.push(`BROWSER (headless Chromium on 127.0.0.1, no throttling, 390x844)`);
  lines.push(`  first paint                         ${ms(b.paint["first-paint"] ?? NaN)} ms`);
  lines.push(`  first contentful paint              ${ms(b.paint["first-contentful-paint"] ?? NaN)} ms`);
  lines.push(`  Start responds to a tap             ${ms(b.responds ?? NaN)} ms (a tap before the app is ready is remembered)`);
  lines.push(`  first screen interactive            ${ms(b.ready)} ms`);
  const dom = b.all.map((t) => t.dom), paint = b.all.map((t) => t.paint);
  lines.push(`  answer -> next screen in the DOM    median ${ms(median(dom))} ms, p95 ${ms(p95(dom))} ms, worst ${ms(max(dom))} ms (${dom.length} answers over ${JOURNEYS} journeys)`);
  lines.push(`  answer -> frame after the update    median ${ms(median(paint))} ms, p95 ${ms(p95(paint))} ms, worst ${ms(max(paint))} ms`);
  lines.push(`  real click -> next screen painted   median ${ms(median(b.painted))} ms, p95 ${ms(p95(b.painted))} ms, worst ${ms(max(b.painted))} ms (Element Timing, ${b.painted.length} trusted clicks over 3 journeys)`);
  lines.push(`  first journey only                  median ${ms(median(b.first.map((t) => t.paint)))} ms, worst ${ms(max(b.first.map((t) => t.paint)))} ms to paint (${b.first.length} answers)`);
  lines.push(`  memory after 1 journey              JS heap ${kb(b.afterOne.jsHeap)} KB, wasm ${kb(b.afterOne.wasm)} KB`);
  lines.push(`  memory after ${JOURNEYS} journeys           JS heap ${kb(b.afterMany.jsHeap)} KB, wasm ${kb(b.afterMany.wasm)} KB`);
  lines.push("");
  if (kiosk.error) lines.push(`KIOSK SOAK: ${kiosk.error}`);
  else {
    lines.push(`KIOSK SOAK (?kiosk=1, ${kiosk.journeys} journeys in one page, each ended by the reset; ${kiosk.seconds.toFixed(0)} s)`);
    for (const [name, m] of [["at the start", kiosk.start], ["after 1 journey", kiosk.afterFirst], [`after ${kiosk.journeys}`, kiosk.end]])
      lines.push(`  ${name.padEnd(36)}JS heap ${kb(m.jsHeap)} KB, wasm ${kb(m.wasm)} KB, history length ${m.history}`);
    lines.push(`  growth over the run                 JS heap ${kb(kiosk.end.jsHeap - kiosk.start.jsHeap)} KB, wasm ${kb(kiosk.end.wasm - kiosk.start.wasm)} KB (limit 1024 KB)`);
  }
  lines.push("");
  if (others.length) {
    // The same figures side by side: Chromium's from above, WebKit's and Firefox's over WebDriver.
    const col = (x) => String(x).padStart(27);
    const summary = (e) => {
      if (e.error) return { size: "-", fcp: "-", ready: "-", dom: "-", paint: "-" };
      const d = e.all.map((t) => t.dom), p = e.all.map((t) => t.paint);
      const three = (xs) => `${ms(median(xs))} / ${ms(p95(xs))} / ${ms(max(xs))} ms`;
      return { size: e.size, fcp: `${ms(e.paint["first-contentful-paint"] ?? NaN)} ms`, ready: `${ms(e.ready)} ms`,
        dom: three(d), paint: three(p) };
    };
    const cols = [{ name: "Chromium (Playwright)", ...summary({ size: "390x844", paint: b.paint, ready: b.ready, all: b.all }) },
      ...others.map((e) => ({ name: e.engine, ...summary(e) }))];
    lines.push(`ENGINES (127.0.0.1, no throttling; ${JOURNEYS} journeys each; WebKit is MiniBrowser (WebKitGTK) on a virtual display, Firefox headless;`);
    lines.push(`  WebKit and Firefox over WebDriver, their clocks rounded to 1 ms)`);
    lines.push(`  ${"".padEnd(36)}${cols.map((c) => col(c.name)).join("")}`);
    lines.push(`  ${"viewport (smallest window allowed)".padEnd(36)}${cols.map((c) => col(c.size)).join("")}`);
    lines.push(`  ${"first contentful paint".padEnd(36)}${cols.map((c) => col(c.fcp)).join("")}`);
    lines.push(`  ${"first screen interactive".padEnd(36)}${cols.map((c) => col(c.ready)).join("")}`);
    lines.push(`  ${"answer -> next screen in the DOM".padEnd(36)}${cols.map((c) => col(c.dom)).join("")}   (median / p95 / worst)`);
    lines.push(`  ${"answer -> frame after the update".padEnd(36)}${cols.map((c) => col(c.paint)).join("")}   (median / p95 / worst)`);
    for (const e of others) if (e.error) lines.push(`  ${e.engine}: ${e.error}`);
    lines.push("");
  }
  if (lh.error || lh.skipped) lines.push(`LIGHTHOUSE: ${lh.error ?? "skipped"}`);
  else {
    lines.push("LIGHTHOUSE (mobile, simulated throttling: 150 ms RTT, 1.6 Mbps, 4x CPU)");
    lines.push(`  performance ${lh.performance}  accessibility ${lh.accessibility}  best practices ${lh.bestPractices}  SEO ${lh.seo}`);
    lines.push(`  FCP ${ms(lh.fcp)} ms  LCP ${ms(lh.lcp)} ms  TBT ${ms(lh.tbt)} ms  CLS ${lh.cls.toFixed(3)}`);
  }
  if (!host.skipped) {
    lines.push("LIGHTHOUSE on a clinic's page (examples/clinic-page.html, mobile), without and with the embed");
    for (const [name, r] of [["without", host.without], ["with", host.with]]) {
      if (r.error) lines.push(`  ${name.padEnd(8)} ${r.error}`);
      else lines.push(`  ${name.padEnd(8)} performance ${r.performance}  accessibility ${r.accessibility}  best practices ${r.bestPractices}  FCP ${ms(r.fcp)} ms  LCP ${ms(r.lcp)} ms  TBT ${ms(r.tbt)} ms  CLS ${r.cls.toFixed(3)}`);
    }
  }
  lines.push("");
  lines.push(native);
  console.log(lines.join("\n"));
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/latest.json", JSON.stringify({ sizes, browser: { ...b, all: undefined, first: undefined, painted: { median: median(b.painted), worst: max(b.painted) }, answerDom: { median: median(dom), worst: max(dom) }, answerPaint: { median: median(paint), worst: max(paint) } }, engines: others.map((e) => (e.error ? e : {
    engine: e.engine, viewport: e.size, firstContentfulPaint: e.paint["first-contentful-paint"] ?? null, ready: e.ready,
    answerDom: { median: median(e.all.map((t) => t.dom)), p95: p95(e.all.map((t) => t.dom)), worst: max(e.all.map((t) => t.dom)) },
    answerPaint: { median: median(e.all.map((t) => t.paint)), p95: p95(e.all.map((t) => t.paint)), worst: max(e.all.map((t) => t.paint)) },
  })), kiosk, lighthouse: lh, hostPage: host, native }, null, 2));
} finally {
  server.kill();
}
