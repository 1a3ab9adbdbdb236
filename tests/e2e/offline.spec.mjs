// Offline: after one visit, the whole journey works with the network off; the precache list
// comes from the build.
import { test, expect } from "@playwright/test";
import { readFileSync, readdirSync } from "node:fs";
import { Widget } from "./widget.mjs";
import { ORIGINS, UPDATE } from "./server.mjs";

test.use({ serviceWorkers: "allow" });

test("after one visit, a whole journey works with the network off", async ({ page, context }) => {
  const w = new Widget(page);
  await w.open();
  await w.offlineReady();
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator(".mn-widget:not([data-static])")).toBeVisible();
  await w.start();
  await w.chooseConcerns(["fine_lines"]);
  await w.chooseAreas(["forehead"]);
  await w.answerAll({});
  await w.openSection("plan");
  expect(await w.tier()).toBe("mn-tier-good");
  // Another language, never fetched before, is there too.
  await page.locator("#mn-language").selectOption("es");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await context.setOffline(false);
});

test("the precache list names every file of the build, from its hashed names", async () => {
  const dist = new URL("../../dist/", import.meta.url);
  const sw = readFileSync(new URL("sw.js", dist), "utf8");
  // The build minifies sw.js: match the two settings however they are spaced.
  const list = JSON.parse(sw.match(/FILES\s*=\s*(\[[^\]]*\])/)[1]);
  const wasm = readdirSync(dist).find((f) => f.endsWith(".wasm"));
  for (const f of [wasm, "index.html", "clinic.json", "boot.js", "lang.js", "locales/en.bin", "locales/es.bin", "locales/ar.bin", "manifest.webmanifest"])
    expect(list).toContain(`./${f}`);
  expect(list).not.toContain("./_headers");
  // The clinic set-up page is for staff: visitors never download it.
  expect(list.filter((f) => f.startsWith("./setup/"))).toEqual([]);
  expect(sw).toMatch(/CACHE\s*=\s*"selfcheck-[A-Za-z0-9]{16}"/);
});

/** A take-over is a worker's activation (old caches deleted) and then a reload of the page:
 * seconds when the machine is busy with other tests. */
const RELOAD = 20_000;

/** A deployment of its own for one test: its address, and a switch to deploy version N there. */
function deployment(request) {
  const slot = Math.random().toString(36).slice(2, 10);
  return { path: `${UPDATE}${slot}/`, deploy: (v) => request.get(`${ORIGINS.widget}/__deploy?slot=${slot}&v=${v}`) };
}

test("an update deployed mid-journey waits, and is live after the next Start again", async ({ page, request }) => {
  const site = deployment(request);
  const w = new Widget(page);
  await w.open(site.path);
  await w.offlineReady();
  await w.start();
  await w.chooseConcerns(["fine_lines"]);
  await w.chooseAreas(["forehead"]);
  await w.answer(35);
  const step = await w.step();
  // A page that reloads loses this mark.
  await page.evaluate(() => (window.sameVisit = true));

  // A new version goes live on the server, and the browser finds it (as it does by itself on a
  // later visit, at the widget's next safe point, or every 30 minutes).
  await site.deploy(2);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await expect.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()).waiting)).toBe(true);

  // The journey goes on undisturbed: the same page, the same screen, then on to the results.
  expect(await page.evaluate(() => window.sameVisit)).toBe(true);
  expect(await w.step()).toBe(step);
  await w.answerAll({});
  expect(await w.tier()).toBe("mn-tier-good");
  expect(await page.evaluate(() => window.sameVisit)).toBe(true);
  await expect(page.locator("meta[name=deploy]")).toHaveCount(0);

  // Start again: the welcome is the safe point, where the new version takes over.
  await page.locator(".mn-restart").click();
  await expect(page.locator("meta[name=deploy]")).toHaveAttribute("content", "2", { timeout: RELOAD });
  await expect(page.locator(".mn-widget:not([data-static])")).toHaveAttribute("data-step", "welcome");
  // The old version's cache is gone; only the new one is left.
  await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([expect.stringMatching(/^selfcheck-[A-Za-z0-9]{16}d2$/)]);
  });

test("the clinic set-up page works offline after one visit", async ({ page, context }) => {
  await page.goto("/setup/");
  await expect(page.locator("html")).toHaveAttribute("data-offline", "ready");
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator("#su-frame")).toHaveAttribute("data-ready", "welcome");
  await expect(page.locator("#su-summary")).toHaveAttribute("data-ok", "true");
  await page.fill("#f-min-age", "16");
  await expect(page.locator('.su-field[data-field="min_age"] .su-error')).toBeVisible();
  await context.setOffline(false);
});

test("a kiosk takes an update at its next reset, and at once while it waits on its welcome", async ({ page, request }) => {
  const site = deployment(request);
  const w = new Widget(page);
  await w.open(`${site.path}?kiosk=1`);
  await expect(page.locator("html")).toHaveAttribute("data-kiosk", "");
  await w.offlineReady();
  await w.start();
  await w.chooseConcerns(["fine_lines"]);
  await w.chooseAreas(["forehead"]);
  await page.evaluate(() => (window.sameVisit = true));
  await site.deploy(2);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await expect.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()).waiting)).toBe(true);
  // Mid-journey nothing changes; the reset ("I'm done") is the safe point.
  await w.answerAll({});
  expect(await page.evaluate(() => window.sameVisit)).toBe(true);
  await page.locator(".mn-restart").click();
  await expect(page.locator("meta[name=deploy]")).toHaveAttribute("content", "2", { timeout: RELOAD });
  await expect(page.locator(".mn-widget:not([data-static])")).toHaveAttribute("data-step", "welcome");

  // Waiting on its welcome, a kiosk takes the next version as soon as it has downloaded it.
  await site.deploy(3);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await expect(page.locator("meta[name=deploy]")).toHaveAttribute("content", "3", { timeout: RELOAD });
  });
