// Kiosk mode: a shared screen in a waiting room. The welcome invites the next visitor, text and
// touch targets are larger, idle time brings a warning and then a full reset, and a reset (or
// "I'm done") leaves nothing of the visitor in the page, in storage, in the history or in the
// address. Nothing leads out of the widget.
import { test, expect } from "@playwright/test";
import { Widget } from "./widget.mjs";
import { testConfig } from "./server.mjs";
import { soak } from "./soak.mjs";

/** Serves clinic.json with kiosk mode on (idle and warning times in seconds). */
async function kiosk(page, { idle = 30, warning = 20 } = {}) {
  const config = testConfig();
  config.kiosk = { enabled: true, idle_seconds: idle, warning_seconds: warning };
  await page.route("**/clinic.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(config) }));
  return config;
}

/** Everything a browser keeps for this page: storage, cookies, history length and address. */
function traces(page) {
  return page.evaluate(() => ({
    session: Object.keys(sessionStorage).length,
    local: Object.keys(localStorage).length,
    cookies: document.cookie,
    history: history.length,
    state: JSON.stringify(history.state),
    url: location.href,
  }));
}

/** The widget's markup and every form field's value: what the next visitor could see. */
function screen(page) {
  return page.evaluate(() => ({
    html: document.querySelector("#app").innerHTML,
    fields: [...document.querySelectorAll("input, select")].map((e) => `${e.id}=${e.value}:${e.checked}`),
  }));
}

test("the welcome invites the next visitor, with larger text and a text-size choice", async ({ page }) => {
  const w = new Widget(page);
  await w.open("/");
  const plain = {
    heading: await w.heading().textContent(),
    font: await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize)),
  };
  // The same widget as a kiosk, from the address alone.
  await w.open("/?kiosk=1");
  await expect(page.locator("html")).toHaveAttribute("data-kiosk", "");
  await expect(page.locator(".mn-welcome")).toHaveClass(/mn-attract/);
  expect(await w.heading().textContent()).not.toBe(plain.heading);
  const font = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const kioskFont = await font();
  expect(kioskFont).toBeGreaterThan(plain.font);
  const start = await page.locator(".mn-start").boundingBox();
  expect(start.height).toBeGreaterThanOrEqual(56);

  // Three text sizes; the chosen one is pressed, and every size grows.
  const sizes = page.locator(".mn-text-size button");
  await expect(sizes).toHaveCount(3);
  await expect(sizes.nth(0)).toHaveAttribute("aria-pressed", "true");
  await sizes.nth(2).click();
  await expect(sizes.nth(2)).toHaveAttribute("aria-pressed", "true");
  await expect(sizes.nth(0)).toHaveAttribute("aria-pressed", "false");
  expect(await font()).toBeGreaterThan(kioskFont * 1.3);
});

test("idle: a warning counts down, 'I'm still here' keeps the answers, then a full reset leaves no trace", async ({ page }) => {
  await page.clock.install();
  await kiosk(page, { idle: 30, warning: 20 });
  const w = new Widget(page);
  await w.open("/");
  await expect(page.locator("html")).toHaveAttribute("data-kiosk", "");
  const fresh = await screen(page);
  const before = await traces(page);

  // Nothing happens while nobody has started.
  await page.clock.runFor(120_000);
  await expect(page.locator(".mn-idle")).toHaveCount(0);

  // Another language and the largest text, then a journey.
  await page.locator("#mn-language").selectOption("es");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await page.locator(".mn-text-size button").nth(2).click();
  await w.start();
  await w.chooseConcerns(["acne_scars"]);
  await w.chooseAreas(["cheeks"]);
  await w.answer(47);
  const step = await w.step();
  // No answers are stored anywhere in kiosk mode, and the history does not grow.
  const during = await traces(page);
  expect({ ...during, state: null }).toEqual({ ...before, state: null });

  // After the idle time: the warning, with the full count, focus on its button, and the screen
  // behind out of reach.
  await page.clock.runFor(31_000);
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.locator(".mn-countdown")).toContainText(/\b(20|19)\b/);
  await expect(dialog.locator("button")).toBeFocused();
  await expect(page.locator(".mn-widget")).toHaveAttribute("inert", /.*/);
  // It counts down.
  await page.clock.runFor(5_000);
  await expect(dialog.locator(".mn-countdown")).toContainText(/\b(15|14)\b/);

  // "I'm still here": the warning goes, the visitor is where they were.
  await dialog.locator("button").click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator(".mn-widget")).not.toHaveAttribute("inert", /.*/);
  expect(await w.step()).toBe(step);

  // A touch anywhere also counts: the warning closes.
  await page.clock.runFor(31_000);
  await expect(dialog).toBeVisible();
  await page.mouse.click(5, 5);
  await expect(dialog).toHaveCount(0);
  expect(await w.step()).toBe(step);

  // Walk away: the warning runs out and everything is cleared.
  await page.clock.runFor(31_000);
  await expect(dialog).toBeVisible();
  await page.clock.runFor(21_000);
  await expect(dialog).toHaveCount(0);
  await expect(page.locator(".mn-widget")).toHaveAttribute("data-step", "welcome");
  await expect(w.heading()).toBeFocused();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "1");
  expect(await screen(page)).toEqual(fresh);
  expect(await traces(page)).toEqual(before);
  expect(await page.content()).not.toMatch(/acne_scars|cheeks|\b47\b/);
  expect(w.errors).toEqual([]);
});

test("no way out: no links, the front desk instead of booking, Back stays inside, 'I'm done' clears all", async ({ page }) => {
  const config = await kiosk(page);
  const w = new Widget(page);
  await w.open("/");
  const fresh = await screen(page);
  const before = await traces(page);

  // The language and text size the visitor chose are theirs only.
  await page.locator("#mn-language").selectOption("es");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await page.locator(".mn-text-size button").nth(1).click();
  await w.start();
  await w.chooseConcerns(["fine_lines"]);
  await w.chooseAreas(["forehead"]);
  await w.answerAll({});
  expect(await w.nextStep()).toBe("book");

  // Nothing leads out of the widget: no link at all, no print dialog; the front desk instead of
  // the booking link, which is nowhere in the page.
  await w.openSection("sources");
  await expect(page.locator("#app a")).toHaveCount(0);
  await expect(page.locator("#app [target=_blank]")).toHaveCount(0);
  expect(await page.content()).not.toContain(config.booking_url);
  await expect(page.locator(".mn-next .mn-desk")).toBeVisible();
  await expect(page.locator(".mn-next button")).toHaveCount(0);

  // The browser's Back is the widget's Back, and never leaves it or grows the history.
  await page.goBack();
  await expect(page.locator(".mn-widget")).toHaveAttribute("data-step", /^q:/);
  await page.goBack();
  await expect(page.locator(".mn-widget")).toHaveAttribute("data-step", /^q:/);
  // (Mid-way, the one history entry names the screen on show; the reset puts it back.)
  expect({ ...(await traces(page)), state: null }).toEqual({ ...before, state: null });
  await w.answerAll({});

  // "I'm done": the same full reset as the idle time-out, language and text size too.
  await page.locator(".mn-restart").click();
  await expect(page.locator(".mn-widget")).toHaveAttribute("data-step", "welcome");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "1");
  expect(await screen(page)).toEqual(fresh);
  expect(await traces(page)).toEqual(before);
  expect(w.errors).toEqual([]);
});

test("a kiosk drops answers a tab kept from before it became one", async ({ page }) => {
  const w = new Widget(page);
  await w.open("/");
  await w.start();
  await w.chooseConcerns(["fine_lines"]);
  expect(await page.evaluate(() => Object.keys(sessionStorage).length)).toBeGreaterThan(0);
  await kiosk(page);
  await w.open("/");
  await expect(page.locator(".mn-widget")).toHaveAttribute("data-step", "welcome");
  expect(await page.evaluate(() => Object.keys(sessionStorage).length)).toBe(0);
});

test("soak: 200 journeys with resets in one page keep memory and history flat", async ({ page }) => {
  test.setTimeout(240_000);
  await kiosk(page);
  const f = await soak(page, "/", 200);
  const mb = (b) => (b / 1048576).toFixed(2);
  console.log(
    `kiosk soak, ${f.journeys} journeys in ${f.seconds.toFixed(0)} s: ` +
      `JS heap ${mb(f.start.jsHeap)} -> ${mb(f.afterFirst.jsHeap)} -> ${mb(f.end.jsHeap)} MB, ` +
      `wasm ${mb(f.start.wasm)} -> ${mb(f.afterFirst.wasm)} -> ${mb(f.end.wasm)} MB, ` +
      `history ${f.start.history} -> ${f.end.history}`,
  );
  expect(f.start.wasm).toBeGreaterThan(0);
  expect(f.end.jsHeap - f.start.jsHeap).toBeLessThan(1024 * 1024);
  expect(f.end.wasm - f.start.wasm).toBeLessThan(1024 * 1024);
  expect(f.end.history).toBe(f.start.history);
});

test("'Start again' mid-way clears everything at once", async ({ page }) => {
  await kiosk(page);
  const w = new Widget(page);
  await w.open("/");
  const fresh = await screen(page);
  const before = await traces(page);
  // Not on the welcome: no way to start over is needed there.
  await expect(page.locator(".mn-start-over")).toHaveCount(0);
  await w.start();
  await w.chooseConcerns(["acne_scars"]);
  await w.chooseAreas(["cheeks"]);
  await w.answer(47);
  await page.locator(".mn-start-over button").click();
  await expect(page.locator(".mn-widget")).toHaveAttribute("data-step", "welcome");
  expect(await screen(page)).toEqual(fresh);
  expect(await traces(page)).toEqual(before);
});

test("a kiosk picks up the clinic's changed settings at its next reset", async ({ page }) => {
  const config = testConfig();
  config.kiosk = { enabled: true, idle_seconds: 90, warning_seconds: 30 };
  let body = JSON.stringify(config);
  await page.route("**/clinic.json", (route) => route.fulfill({ contentType: "application/json", body }));
  const w = new Widget(page);
  await w.open("/");
  await expect(page.locator(".mn-title")).toHaveText(config.name);
  await w.start();
  await w.chooseConcerns(["fine_lines"]);
  // The clinic edits clinic.json on the server in the middle of a visit: nothing changes yet.
  body = JSON.stringify({ ...config, name: "Renamed Clinic" });
  await w.chooseAreas(["forehead"]);
  await expect(page.locator(".mn-title")).toHaveText(config.name);
  // The next reset is the safe point: the kiosk reloads with the new settings.
  await page.locator(".mn-start-over button").click();
  await expect(page.locator(".mn-title")).toHaveText("Renamed Clinic");
  await expect(page.locator(".mn-widget:not([data-static])")).toHaveAttribute("data-step", "welcome");
});
