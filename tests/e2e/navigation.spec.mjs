// Keyboard-only use, the widget's Back button, the browser's Back button, and reloads.
import { test, expect } from "@playwright/test";
import { Widget } from "./widget.mjs";

async function focusedTag(page) {
  return page.evaluate(() => document.activeElement?.tagName);
}

test("a whole journey by keyboard alone, with focus on each new heading", async ({ page }) => {
  const w = new Widget(page);
  await w.open();
  const k = page.keyboard;
  // Welcome: Tab to Start, Enter.
  await k.press("Tab");
  await expect(page.locator(":focus")).toHaveText("Start");
  await k.press("Enter");
  await expect(w.heading()).toHaveText("What would you like to improve?");
  expect(await focusedTag(page)).toBe("H1");
  // Concerns: Tab to the first box, Space to tick it, then Enter submits the form.
  await k.press("Tab");
  await k.press("Space");
  await expect(page.locator("#mn-concern-fine_lines")).toBeChecked();
  await k.press("Enter");
  await expect(w.heading()).toHaveText("Which areas would you like treated?");
  expect(await focusedTag(page)).toBe("H1");
  await k.press("Tab");
  await k.press("Space");
  await k.press("Enter");
  // Age: type and Enter.
  await expect(w.heading()).toHaveText("How old are you?");
  expect(await focusedTag(page)).toBe("H1");
  await k.press("Tab");
  await k.type("41");
  await k.press("Enter");
  // Yes/no questions: Tab into the group, arrows pick, Enter goes on.
  for (let i = 0; i < 60; i++) {
    if (await page.locator(".mn-results").count()) break;
    const id = await w.questionId();
    expect(await focusedTag(page)).toBe("H1");
    await k.press("Tab");
    if (id === "retinoids") {
      await k.press("Space"); // the first option: Yes
    } else {
      await k.press("ArrowDown"); // from Yes to No (an arrow selects)
    }
    await k.press("Enter");
    await expect(page.locator(".mn-widget")).not.toHaveAttribute("data-step", `q:${id}`);
  }
  await expect(page.locator(".mn-results")).toBeVisible();
  expect(await focusedTag(page)).toBe("H1");
  expect(await w.tier()).toBe("mn-tier-good");
  expect(await w.flagRules()).toContain("retinoids");
  // The booking link is reachable by Tab.
  let reached = false;
  for (let i = 0; i < 5 && !reached; i++) {
    await k.press("Tab");
    reached = (await page.evaluate(() => document.activeElement?.className ?? "")).includes("mn-book");
  }
  expect(reached).toBe(true);
});

test("the Back button steps back without losing answers", async ({ page }) => {
  const w = new Widget(page);
  await w.open();
  await w.start();
  await w.chooseConcerns(["acne_scars"]);
  await w.chooseAreas(["cheeks"]);
  await w.answer(29);
  await w.answer("unsure");
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.locator("#mn-answer-not_sure")).toBeChecked();
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.locator("#mn-answer-input")).toHaveValue("29");
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.locator("#mn-area-cheeks")).toBeChecked();
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.locator("#mn-concern-acne_scars")).toBeChecked();
});

test("the browser's Back and Forward buttons move inside the widget, and the address never changes", async ({ page }) => {
  const w = new Widget(page);
  await w.open();
  const url = page.url();
  await w.start();
  await w.chooseConcerns(["fine_lines"]);
  await w.chooseAreas(["forehead"]);
  await w.answer(50);
  await expect(w.heading()).toContainText("mole");
  await page.goBack();
  await expect(w.heading()).toHaveText("How old are you?");
  await expect(page.locator("#mn-answer-input")).toHaveValue("50");
  await page.goBack();
  await expect(w.heading()).toHaveText("Which areas would you like treated?");
  await page.goForward();
  await expect(w.heading()).toHaveText("How old are you?");
  expect(page.url()).toBe(url);
});

test("a reload keeps the visitor where they were, in this tab only", async ({ page, context }) => {
  const w = new Widget(page);
  await w.open();
  await w.start();
  await w.chooseConcerns(["sun_spots"]);
  await w.chooseAreas(["cheeks"]);
  await w.answer(33);
  await page.reload();
  await expect(w.heading()).toContainText("mole");
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.locator("#mn-answer-input")).toHaveValue("33");
  // Another tab starts fresh.
  const other = await context.newPage();
  await other.goto("/");
  await expect(other.locator("#app h1")).toHaveText("Is microneedling right for you?");
});

test("damaged stored answers start a fresh check with a notice", async ({ page }) => {
  const w = new Widget(page);
  await w.open();
  await page.evaluate(() => {
    sessionStorage.setItem("mn-selfcheck.responses", "mn1;c=tattoos;q=age:abc");
    sessionStorage.setItem("mn-selfcheck.step", "results");
  });
  await page.reload();
  await expect(page.locator(".mn-notice")).toHaveText("We could not bring back your earlier answers, so we started again.");
  await expect(w.heading()).toHaveText("Is microneedling right for you?");
  expect(w.errors).toEqual([]);
});

test("an invalid date or number gets a clear message and the visitor stays", async ({ page }) => {
  const w = new Widget(page);
  await w.open();
  await w.start();
  await w.chooseConcerns(["acne_scars"]);
  await w.chooseAreas(["cheeks"]);
  await page.locator("#mn-answer-input").fill("200");
  await w.next();
  await expect(page.locator("#app [role=alert]")).toHaveText("Please enter a number from 10 to 120.");
  await expect(w.heading()).toHaveText("How old are you?");
  await w.next();
  await expect(page.locator("#app [role=alert]")).toBeVisible();
});
