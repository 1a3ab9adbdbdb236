// axe-core (WCAG 2.0 A/AA, 2.1 AA, 2.2 AA) on every screen, in light and dark, with zero
// violations; plus 200 % text zoom and a 320 px screen without loss.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { Widget } from "./widget.mjs";
import { isoDaysAgo } from "./dates.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"];

// Colours are measured at rest: with reduced motion (which the styles honour) nothing fades, so
// a button just pressed is never caught half-way between its two states.
test.use({ reducedMotion: "reduce" });

async function audit(page, screen) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = result.violations.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary).toEqual([]);
}

/** Visits every kind of screen and audits each. */
async function everyScreen(page) {
  const w = new Widget(page);
  await w.open();
  await audit(page, "welcome");
  await w.start();
  await audit(page, "concerns");
  await w.next(); // nothing chosen: the error state
  await expect(page.locator("#app [role=alert]")).toBeVisible();
  await audit(page, "concerns with error");
  await w.chooseConcerns(["acne_scars"]);
  await audit(page, "areas");
  await w.chooseAreas(["cheeks"]);
  await audit(page, "number question");
  await w.next();
  await audit(page, "number question with error");
  await w.answer(30);
  await page.locator("summary").click();
  await audit(page, "yes/no question with why-we-ask open");
  const answers = { isotretinoin_past: "yes", isotretinoin_stopped: null };
  for (let i = 0; i < 60; i++) {
    const id = await w.questionId();
    if (!id) break;
    if (id === "isotretinoin_stopped") {
      await audit(page, "date question");
      await w.answer(isoDaysAgo(100));
    } else {
      await w.answer(answers[id] ?? "no");
    }
  }
  await w.resultsComplete();
  await audit(page, "results (not now)");
}

for (const scheme of ["light", "dark"]) {
  test(`every screen passes axe in ${scheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await everyScreen(page);
  });

  test(`results for each tier pass axe in ${scheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const w = new Widget(page);
    await w.journey({ concerns: ["fine_lines"], areas: ["forehead"] });
    await audit(page, "results (good)");
    await page.evaluate(() => sessionStorage.clear());
    await w.journey({ concerns: ["fine_lines"], areas: ["cheeks"], answers: { diabetes: "yes" } });
    await audit(page, "results (provider)");
  });
}

test("320 px wide at 200 % text size: nothing is cut off or scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const w = new Widget(page);
  await w.open();
  // Through the CSS object model: the strict CSP rightly refuses an injected <style>.
  await page.evaluate(() => document.documentElement.style.setProperty("font-size", "200%", "important"));
  await w.start();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await w.chooseConcerns(["texture"]);
  await w.chooseAreas(["cheeks"]);
  await w.answerAll();
  const overflowResults = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflowResults).toBeLessThanOrEqual(0);
});

test("touch targets are at least 44 px tall", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const w = new Widget(page);
  await w.open();
  await w.start();
  const sizes = await page.locator(".mn-choice:visible, .mn-button:visible").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(44);
  await w.chooseConcerns(["texture"]);
  await w.chooseAreas(["cheeks"]);
  await w.answer(30);
  const options = await page.locator(".mn-option, .mn-why summary").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  expect(Math.min(...options)).toBeGreaterThanOrEqual(44);
});

test("reduced motion turns transitions off", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const w = new Widget(page);
  await w.open();
  const duration = await page.locator(".mn-start").evaluate((e) => getComputedStyle(e).transitionDuration);
  expect(duration.split(",").every((d) => parseFloat(d) === 0)).toBe(true);
});

test("kiosk screens pass axe: the welcome, the largest text, the idle warning, results with the front desk", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.clock.install();
  const w = new Widget(page);
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await w.open("/?kiosk=1");
    await audit(page, `kiosk welcome (${scheme})`);
    await page.locator(".mn-text-size button").nth(2).click();
    await audit(page, `kiosk welcome, largest text (${scheme})`);
    await w.start();
    await w.chooseConcerns(["fine_lines"]);
    await w.chooseAreas(["forehead"]);
    // The largest text on a tablet: nothing cut off or scrolling sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.clock.runFor(91_000);
    await expect(page.getByRole("alertdialog")).toBeVisible();
    await audit(page, `kiosk idle warning (${scheme})`);
    await page.getByRole("alertdialog").locator("button").click();
    await w.answerAll({});
    await audit(page, `kiosk results (${scheme})`);
  }
});
