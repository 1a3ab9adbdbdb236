// The foundation: the page loads from dist/, the static shell paints first, the first screen
// appears, a click moves on, and the console stays clean.
import { test, expect } from "@playwright/test";
import { Widget } from "./widget.mjs";

test("the first screen appears and Start moves on, with no console errors", async ({ page }) => {
  const w = new Widget(page);
  await w.open();
  await expect(w.heading()).toHaveText("Is microneedling right for you?");
  await expect(page.getByText("Your answers stay on this device.")).toBeVisible();
  await w.start();
  await expect(w.heading()).toHaveText("What would you like to improve?");
  expect(w.errors).toEqual([]);
});

test("the static shell paints the title and a loading line before the wasm arrives", async ({ page }) => {
  // Hold the wasm back: the shell must already show the title and the loading line.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/");
  await expect(page.locator(".mn-title")).toHaveText("Microneedling self-check");
  await expect(page.locator(".mn-loading")).toBeVisible();
  const before = await page.locator(".mn-header").boundingBox();
  release();
  await expect(page.locator(".mn-widget")).toBeVisible();
  const after = await page.locator(".mn-header").boundingBox();
  expect(after).toEqual(before); // the header does not move when the app takes over
});

test("a failed wasm download shows a clear message, not a blank page", async ({ page }) => {
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto("/");
  await expect(page.locator(".mn-boot-error")).toBeVisible();
  await expect(page.locator(".mn-boot-error")).toContainText("could not start");
  await expect(page.locator(".mn-loading")).toBeHidden();
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
