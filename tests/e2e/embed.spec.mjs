// The widget on a clinic's website: the snippet on one origin embeds the widget from another,
// the frame grows with every step, the host page hears the documented events (and no health
// detail), forged messages are ignored, the strict CSP holds with zero violations, the widget
// asks nothing of any other origin, and dist/ works under a sub-path.
import { test, expect } from "@playwright/test";
import { Widget } from "./widget.mjs";
import { ORIGINS, SUBPATH } from "./server.mjs";

/** Records CSP violations in every frame of the page (the widget's too). */
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** The clinic page with the widget in it; resolves to the widget's frame and a page object. */
async function clinicPage(page, path = "/clinic-page.html") {
  await recordViolations(page);
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ["ready", "step", "height", "outcome", "booking"])
      document.addEventListener(`selfcheck:${type}`, (e) => window.__events.push({ on: e.target.id || "", ...e.detail }));
  });
  await page.goto(`${ORIGINS.clinic}${path}`);
  const iframe = page.locator("iframe.selfcheck-frame").first();
  await expect(iframe).toBeAttached();
  const handle = await iframe.elementHandle();
  let frame = await handle.contentFrame();
  await expect.poll(async () => (frame = await handle.contentFrame()) && frame.url()).toContain(ORIGINS.widget);
  const w = new Widget({ locator: (...a) => frame.locator(...a), getByRole: (...a) => frame.getByRole(...a), on: () => {} });
  await expect(frame.locator(".mn-widget:not([data-static])")).toBeVisible();
  return { frame, iframe, w };
}

const events = (page, type) => page.evaluate((t) => window.__events.filter((e) => !t || e.type === t), type);

/** The frame is as tall as the widget's content: no inner scrollbar, nothing clipped. */
async function fits(page, iframe, frame) {
  await expect
    .poll(async () => {
      const inner = await frame.evaluate(() => ({
        body: Math.ceil(document.body.getBoundingClientRect().height),
        scroll: document.scrollingElement.scrollHeight,
        view: document.scrollingElement.clientHeight,
      }));
      const outer = (await iframe.boundingBox()).height;
      return Math.abs(outer - inner.body) <= 1 && inner.scroll <= inner.view;
    }, { message: "the frame's height follows the widget" })
    .toBe(true);
}

test("the snippet embeds a titled, lazy, sandboxed frame whose height follows every step with no inner scrollbar", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const { frame, iframe, w } = await clinicPage(page);
  await expect(iframe).toHaveAttribute("loading", "lazy");
  await expect(iframe).toHaveAttribute("title", "Microneedling self-check");
  await expect(iframe).toHaveAttribute("sandbox", /allow-scripts/);
  await expect(iframe).not.toHaveAttribute("sandbox", /allow-top-navigation/);
  // The fallback link gives way once the widget is there.
  await expect(page.getByRole("link", { name: "Take our microneedling self-check" })).toBeHidden();
  await fits(page, iframe, frame);
  const entries = await page.evaluate(() => history.length);
  await w.start();
  await fits(page, iframe, frame);
  await w.chooseConcerns(["acne_scars", "fine_lines", "sun_spots", "texture"]);
  await fits(page, iframe, frame);
  await w.chooseAreas(["cheeks"]);
  await fits(page, iframe, frame);
  await w.answerAll({});
  await fits(page, iframe, frame);
  // Opening a results section grows the frame; a narrower window makes it taller still.
  const before = (await iframe.boundingBox()).height;
  await w.openSection("plan");
  await fits(page, iframe, frame);
  expect((await iframe.boundingBox()).height).toBeGreaterThan(before);
  await page.setViewportSize({ width: 320, height: 800 });
  await fits(page, iframe, frame);
  // Embedded, the widget adds nothing to the clinic page's history.
  expect(await page.evaluate(() => history.length)).toBe(entries);
});

test("the host page hears ready, step, height, outcome and booking, with no answer or health detail", async ({ page }) => {
  const { frame, w } = await clinicPage(page);
  await w.start();
  await w.chooseConcerns(["fine_lines"]);
  await w.chooseAreas(["forehead"]);
  await w.answerAll({ pregnant_nursing: "no" });
  expect(await w.nextStep()).toBe("book");
  await expect.poll(async () => (await events(page, "outcome")).length).toBe(1);
  const popup = page.waitForEvent("popup");
  await frame.locator(".mn-book").click();
  await (await popup).close();
  await expect.poll(async () => (await events(page, "booking")).length).toBe(1);

  const all = await events(page);
  const documented = {
    ready: ["title", "lang"],
    step: ["step"],
    height: ["height"],
    outcome: [],
    booking: [],
  };
  for (const e of all) {
    const { on, selfcheck, type, ...rest } = e;
    expect(selfcheck).toBe(1);
    expect(Object.keys(rest).sort()).toEqual(documented[type].sort());
  }
  expect(all[0]).toMatchObject({ type: "ready", title: "Microneedling self-check", lang: "en" });
  const steps = all.filter((e) => e.type === "step").map((e) => e.step);
  expect(steps.slice(0, 4)).toEqual(["welcome", "concerns", "areas", "question"]);
  expect(steps.at(-1)).toBe("results");
  // No question id, no outcome, no answer: the clinic did not turn health details on.
  expect(JSON.stringify(all)).not.toMatch(/pregnant|good_to_book|tier/);
  for (const e of all.filter((e) => e.type === "height")) expect(e.height).toBeGreaterThan(300);
});

test("with health details shared, the outcome and question ids reach the host; never the answers", async ({ page }) => {
  await page.route("**/clinic.json", async (route) => {
    const config = JSON.parse(await (await route.fetch()).text());
    config.embed.share_health_details = true;
    await route.fulfill({ contentType: "application/json", body: JSON.stringify(config) });
  });
  const { w } = await clinicPage(page);
  await w.start();
  await w.chooseConcerns(["fine_lines"]);
  await w.chooseAreas(["forehead"]);
  await w.answerAll({ allergies: "yes" });
  await expect.poll(async () => (await events(page, "outcome"))[0]?.tier).toBe("not_suitable_now");
  const questions = (await events(page, "step")).filter((e) => e.step === "question");
  expect(questions[0].question).toBe("age");
  expect(JSON.stringify(await events(page))).not.toMatch(/"yes"|"no"|35/);
});

test("messages from a third origin, or of the wrong shape, are ignored; the clinic page's own are obeyed", async ({ page }) => {
  const { frame, w } = await clinicPage(page);
  await w.start();
  await expect(frame.locator(".mn-widget")).toHaveAttribute("data-step", "concerns");
  const heights = async () => (await events(page, "height")).length;
  // A page on another site, framed next to the widget, sends it "restart" and "measure".
  await page.evaluate((src) => {
    const f = document.createElement("iframe");
    f.src = src;
    document.body.append(f);
  }, `${ORIGINS.other}/`);
  await expect.poll(() => page.frames().find((f) => f.url().startsWith(ORIGINS.other))?.title()).toBe("sent");
  // The clinic page itself sends malformed messages, then a good one.
  const n = await heights();
  await page.evaluate((origin) => {
    const w = document.querySelector("iframe.selfcheck-frame").contentWindow;
    w.postMessage({ selfcheck: 1, type: "restart", extra: true }, origin);
    w.postMessage({ selfcheck: "1", type: "restart" }, origin);
    w.postMessage("restart", origin);
    w.postMessage({ selfcheck: 1, type: "measure" }, origin);
  }, ORIGINS.widget);
  await expect.poll(heights).toBe(n + 1);
  await expect(frame.locator(".mn-widget")).toHaveAttribute("data-step", "concerns");
  // The documented restart from the clinic's own page works.
  await page.evaluate((origin) => {
    document.querySelector("iframe.selfcheck-frame").contentWindow.postMessage({ selfcheck: 1, type: "restart" }, origin);
  }, ORIGINS.widget);
  await expect(frame.locator(".mn-widget")).toHaveAttribute("data-step", "welcome");
});

test("a site not on the allow-list gets no events, and the frame-ancestors header names only allowed sites", async ({ page, request }) => {
  const response = await request.get(`${ORIGINS.widget}/`);
  const csp = response.headers()["content-security-policy"];
  expect(csp).toContain(`frame-ancestors 'self' ${ORIGINS.clinic}`);
  expect(csp).not.toContain(ORIGINS.other);
  expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'/);
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(response.headers()["referrer-policy"]).toBe("no-referrer");
  expect(response.headers()["permissions-policy"]).toContain("camera=()");
  // A site not on the list cannot show the widget at all: the browser refuses the frame, so
  // the widget never runs there, never says it is ready, and the fallback link stays.
  await page.goto(`${ORIGINS.other}/embed.html`);
  const frame = page.locator("iframe.selfcheck-frame");
  await expect(frame).toBeAttached();
  // Chromium shows its own error page in a refused frame.
  await expect.poll(async () => (await (await frame.elementHandle()).contentFrame())?.url()).toMatch(/^chrome-error:/);
  const inner = await (await frame.elementHandle()).contentFrame();
  expect(await inner.locator(".mn-widget").count()).toBe(0);
  await expect(page.getByRole("link", { name: "Self-check" })).toBeVisible();
  // Opened with a claim to be on that site, the widget names the problem for staff.
  await page.goto(`${ORIGINS.widget}/?embed=1&host=${encodeURIComponent(ORIGINS.other)}&preview`);
  await expect(page.locator(".mn-settings [data-field='embed.allowed_origins']")).toContainText(ORIGINS.other);
});

test("the app runs under the strict CSP with zero violations and asks nothing of any other origin", async ({ page }) => {
  await recordViolations(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const w = new Widget(page);
  await w.journey({ concerns: ["acne_scars"], areas: ["cheeks", "back"], answers: { keloid: "yes" } });
  await w.openSection("plan");
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
  expect(requests.filter((u) => !u.startsWith(`${ORIGINS.widget}/`))).toEqual([]);
  expect(w.errors).toEqual([]);
});

test("embedded, the widget frame makes no CSP violation and requests nothing from the clinic's or any other origin", async ({ page }) => {
  const requests = [];
  page.on("request", (r) => {
    if (r.frame().url().startsWith(ORIGINS.widget)) requests.push(r.url());
  });
  const { frame, w } = await clinicPage(page);
  await w.start();
  await w.chooseConcerns(["texture"]);
  await w.chooseAreas(["cheeks"]);
  await w.answerAll({});
  expect(await frame.evaluate(() => window.__csp)).toEqual([]);
  expect(requests.length).toBeGreaterThan(3);
  expect(requests.filter((u) => !u.startsWith(`${ORIGINS.widget}/`))).toEqual([]);
});

test("dist/ works under a sub-path of a site", async ({ page }) => {
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  const w = new Widget(page);
  await w.open(SUBPATH);
  await w.start();
  await expect(w.heading()).toHaveText("What would you like to improve?");
  for (const path of requests) expect(path.startsWith(SUBPATH), path).toBe(true);
  expect(requests.some((p) => p.endsWith("clinic.json"))).toBe(true);
  expect(requests.some((p) => p.endsWith(".wasm"))).toBe(true);
});

test("two widgets on one page each fit their own content and send their own events", async ({ page }) => {
  const { iframe, frame } = await clinicPage(page, "/two-widgets.html");
  const second = page.locator("#body iframe");
  await expect(second).toHaveAttribute("src", /accent=%235b2a86/);
  const handle = await second.elementHandle();
  let other;
  await expect.poll(async () => (other = await handle.contentFrame()) && other.url()).toContain(ORIGINS.widget);
  await expect(other.locator(".mn-widget:not([data-static])")).toBeVisible();
  await expect(iframe).toHaveAttribute("title", "Microneedling self-check");
  // The accent override took effect in the second only.
  const accent = (f) => f.evaluate(() => document.documentElement.style.getPropertyValue("--mn-brand"));
  expect(await accent(other)).toBe("#5b2a86");
  expect(await accent(frame)).toBe("#0b5c6b");
  await frame.getByRole("button", { name: "Start" }).click();
  await fits(page, iframe, frame);
  await fits(page, second, other);
  await expect.poll(async () => (await events(page, "step")).filter((e) => e.on === "face" && e.step === "concerns").length).toBe(1);
  expect((await events(page, "step")).filter((e) => e.on === "body" && e.step === "concerns")).toEqual([]);
});
