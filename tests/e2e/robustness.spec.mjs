// How the widget fails: a file of the build missing or corrupt, or the app breaking while it
// runs, ends in a clear message with a way to start over, never a blank page.
import { test, expect } from "@playwright/test";
import { Widget } from "./widget.mjs";
import { isoMonthsAgo } from "./dates.mjs";

const message = (page) => page.locator(".mn-boot-error");

test("the app breaking mid-journey: a clear message, and Start again forgets the answers and works", async ({ page }) => {
  // Dates written out by the browser fail: the results (which show an eligible-from date) break.
  await page.addInitScript(() => {
    Date.prototype.toLocaleDateString = () => {
      throw new Error("test: date formatting is broken");
    };
  });
  const w = new Widget(page);
  await w.open();
  await w.start();
  await w.chooseConcerns(["acne_scars"]);
  await w.chooseAreas(["cheeks"]);
  for (let i = 0; i < 60; i++) {
    const id = await w.questionId();
    if (!id) break;
    const answer = { isotretinoin_past: "yes", isotretinoin_stopped: isoMonthsAgo(4) }[id] ?? (id === "age" ? 35 : "no");
    const before = await w.step();
    if (id === "age" || id === "isotretinoin_stopped") await page.locator("#mn-answer-input").fill(String(answer));
    else await page.locator(`#mn-answer-${answer}`).check();
    await w.next();
    // The last answer leads to the results, which break.
    await expect.poll(async () => (await message(page).isVisible()) || (await w.step()) !== before).toBe(true);
    if (await message(page).isVisible()) break;
  }
  await expect(message(page)).toBeVisible();
  await expect(message(page).locator('[data-ui="crashed"]')).toBeVisible();
  await expect(message(page).locator('[data-ui="load_failed"]')).toBeHidden();
  await expect(page.locator("#app")).toBeHidden();
  const again = message(page).getByRole("button");
  await expect(again).toBeFocused();
  expect(await page.evaluate(() => Object.keys(sessionStorage).length)).toBeGreaterThan(0);

  await again.click();
  await expect(page.locator(".mn-widget:not([data-static])")).toHaveAttribute("data-step", "welcome");
  await expect(message(page)).toBeHidden();
  expect(await page.evaluate(() => Object.keys(sessionStorage).length)).toBe(0);
  await w.start();
});

test("corrupt language files: the clear message, not a blank page", async ({ page }) => {
  await page.route("**/locales/*.bin", (route) => route.fulfill({ body: Buffer.from("not a language file at all") }));
  await page.goto("/");
  await expect(message(page)).toBeVisible();
  await expect(message(page).locator('[data-ui="load_failed"]')).toBeVisible();
  await expect(message(page).getByRole("button")).toBeVisible();
});

test("the app's script missing: the clear message", async ({ page }) => {
  await page.route("**/selfcheck-widget-*.js", (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.goto("/");
  await expect(message(page).locator('[data-ui="load_failed"]')).toBeVisible();
});

test("the app's wasm corrupt: the clear message", async ({ page }) => {
  await page.route("**/*.wasm", (route) => route.fulfill({ status: 200, contentType: "application/wasm", body: Buffer.from("\0asm garbage") }));
  await page.goto("/");
  await expect(message(page).locator('[data-ui="load_failed"]')).toBeVisible();
});

test("the styles missing: the page still reads and works", async ({ page }) => {
  await page.route("**/*.css", (route) => route.fulfill({ status: 404, body: "not found" }));
  const w = new Widget(page);
  await w.open();
  await w.start();
  await expect(page.locator("#app h1")).toBeVisible();
  await expect(message(page)).toBeHidden();
});
