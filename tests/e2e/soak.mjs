// The kiosk soak: many whole journeys in one page, each ended by the kiosk's reset ("I'm
// done"), with the JS heap, the wasm memory and the history length before, after the first
// journey and at the end. Used by the soak test (kiosk.spec.mjs) and the benchmark
// (scripts/bench.mjs), which prints the figures.

/** Runs in the page before anything else: keeps a handle on the app's wasm memory. */
export function keepWasmMemory() {
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const orig = WebAssembly[name];
    WebAssembly[name] = async (...a) => {
      const r = await orig.apply(WebAssembly, a);
      window.__wasmMemory = (r.instance ?? r).exports?.memory ?? window.__wasmMemory;
      return r;
    };
  }
}

/** Runs in the page: `n` whole journeys through the real UI (every question answered "no",
 * age 35, dates 1 January 2026), each ended by "I'm done" / "Start again". Waits on the DOM,
 * never on a clock. */
export async function journeysInPage(n) {
  const $ = (s) => document.querySelector(s);
  const widget = () => $(".mn-widget:not([data-static])");
  const tick = () => new Promise((r) => setTimeout(r, 0));
  const until = async (f) => {
    for (let i = 0; i < 10000; i++) {
      if (f()) return;
      await tick();
    }
    throw new Error(`stuck on ${widget()?.dataset.step}`);
  };
  const press = async (button) => {
    const before = widget().dataset.step;
    button.click();
    await until(() => widget().dataset.step !== before);
  };
  const next = () => press($("button[type=submit]"));
  for (let j = 0; j < n; j++) {
    await press($(".mn-start"));
    $("#mn-concern-acne_scars").click();
    await tick();
    await next();
    $("#mn-area-cheeks").click();
    await tick();
    await next();
    for (let i = 0; i < 60 && $("form.mn-question"); i++) {
      const input = $("#mn-answer-input");
      if (input) {
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
        setter.call(input, input.type === "date" ? "2026-01-01" : "35");
        input.dispatchEvent(new Event("input", { bubbles: true }));
      } else {
        $("#mn-answer-no").click();
      }
      await tick();
      await next();
    }
    if (!$(".mn-results")) throw new Error(`journey ${j + 1} did not reach the results`);
    await press($(".mn-restart"));
  }
}

/** Opens `url` (a kiosk) in `page` and runs `n` journeys; returns the figures. */
export async function soak(page, url, n) {
  await page.addInitScript(keepWasmMemory);
  await page.goto(url);
  await page.waitForSelector(".mn-widget:not([data-static]) .mn-start");
  const cdp = await page.context().newCDPSession(page);
  const measure = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    const { wasm, history } = await page.evaluate(() => ({ wasm: window.__wasmMemory?.buffer.byteLength ?? 0, history: history.length }));
    return { jsHeap: usedSize, wasm, history };
  };
  const start = await measure();
  const t0 = Date.now();
  await page.evaluate(journeysInPage, 1);
  const afterFirst = await measure();
  await page.evaluate(journeysInPage, n - 1);
  const end = await measure();
  return { journeys: n, seconds: (Date.now() - t0) / 1000, start, afterFirst, end };
}
