// The foundation: the page loads from dist/, the static shell paints first, the first screen
// appears, a click moves on, and the console stays clean.
import { test, expect } from "@playwright/test";
import { Widget, holdWasm } from "./widget.mjs";
import { readFileSync } from "node:fs";

test("the first screen appears and Start moves on, with no console errors", async ({ page }) => {
  const w = new Widget(page);
  await w.open();
  await expect(w.heading()).toHaveText("Is microneedling right for you?");
  await expect(page.getByText("Your answers stay on this device.")).toBeVisible();
  await w.start();
  await expect(w.heading()).toHaveText("What would you like to improve?");
  expect(w.errors).toEqual([]);
});

test("the welcome screen paints from plain HTML before the wasm arrives, and nothing moves when the app takes over", async ({ page }) => {
  // Hold the wasm back: the static welcome must already be there, with Start ready to press.
  const release = await holdWasm(page);
  await page.goto("/");
  const h1 = page.locator("#app h1");
  await expect(page.locator(".mn-title")).toHaveText("Microneedling self-check");
  await expect(h1).toHaveText("Is microneedling right for you?");
  await expect(page.locator(".mn-start")).toBeEnabled();
  const staticText = await page.locator("#app .mn-screen").innerText();
  const before = { header: await page.locator(".mn-header").boundingBox(), h1: await h1.boundingBox(), start: await page.locator(".mn-start").boundingBox() };
  release();
  await expect(page.locator(".mn-widget:not([data-static])")).toBeVisible();
  await expect(page.locator("[data-static]")).toHaveCount(0);
  await expect(page.locator(".mn-start")).toBeEnabled();
  expect(await page.locator("#app .mn-screen").innerText()).toBe(staticText);
  const after = { header: await page.locator(".mn-header").boundingBox(), h1: await h1.boundingBox(), start: await page.locator(".mn-start").boundingBox() };
  expect(after).toEqual(before);
  // The browser saw no layout shift at all.
  const cls = await page.evaluate(() => new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) total += e.value; }).observe({ type: "layout-shift", buffered: true });
    setTimeout(() => resolve(total), 200);
  }));
  expect(cls).toBe(0);
});

test("a tap on the static Start before the app is ready is remembered and lands on the concerns screen", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("/");
  const start = page.locator("[data-static] .mn-start");
  await start.click();
  // The press shows at once, in the page's language, while the app loads.
  await expect(start).toHaveText("Starting…");
  await expect(start).toHaveAttribute("aria-busy", "true");
  await expect(page.locator("[data-static]")).toHaveCount(1);
  release();
  await expect(page.locator(".mn-widget")).toHaveAttribute("data-step", "concerns");
  await expect(page.locator("#app h1")).toHaveText("What would you like to improve?");
  await expect(page.locator("#app h1")).toBeFocused();
  // Back from there is the welcome screen, as if Start had been pressed in the app.
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.locator(".mn-widget")).toHaveAttribute("data-step", "welcome");
});

test("a failed wasm download shows a clear message, not a blank page", async ({ page }) => {
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto("/");
  await expect(page.locator(".mn-boot-error")).toBeVisible();
  await expect(page.locator(".mn-boot-error")).toContainText("could not start");
  await expect(page.locator(".mn-start")).toBeHidden();
});

test("a browser without WebAssembly gets the same clear message", async ({ page }) => {
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  await page.goto("/");
  await expect(page.locator(".mn-boot-error")).toBeVisible();
});

test("without JavaScript the page says what is needed", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator(".mn-noscript")).toBeVisible();
  await expect(page.locator(".mn-noscript")).toContainText("needs JavaScript");
  await context.close();
});

test("the welcome and the results say what the check is and is not", async ({ page }) => {
  // The intended use (docs/safety/intended-use.md), in the source language's own words.
  const en = readFileSync(new URL("../../content/locales/en.toml", import.meta.url), "utf8");
  const text = (key) => en.match(new RegExp(`^${key} = "(.*)"$`, "m"))[1];
  const w = new Widget(page);
  await w.open();
  await expect(page.locator(".mn-welcome")).toContainText(text("welcome_not_diagnosis"));
  expect(text("welcome_not_diagnosis")).toMatch(/not a diagnosis.*not for emergencies/);
  await w.start();
  await w.chooseConcerns(["fine_lines"]);
  await w.chooseAreas(["forehead"]);
  await w.answerAll({});
  await expect(page.locator(".mn-results")).toContainText(text("not_a_diagnosis"));
  expect(text("not_a_diagnosis")).toMatch(/not a diagnosis.*not for emergencies/);
});
