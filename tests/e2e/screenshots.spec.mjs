// Screenshots of each screen at 375 px and 1280 px, saved as test artefacts in
// test-results/screenshots/ (not committed), for a person to look at.
import { test, expect } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { Widget } from "./widget.mjs";

const dir = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));

for (const width of [375, 1280]) {
  test(`screenshots at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const shot = (name) => page.screenshot({ path: `${dir}${name}-${width}.png`, fullPage: true });
    const w = new Widget(page);
    await w.open();
    await shot("1-welcome");
    await w.start();
    await page.locator("#mn-concern-acne_scars").check();
    await shot("2-concerns");
    await w.next();
    await page.locator("#mn-area-cheeks").check();
    await shot("3-areas");
    await w.next();
    await shot("4-question-number");
    await w.answer(27);
    await page.locator("summary").click();
    await shot("5-question-yes-no");
    await w.answerAll({ dark_marks: "unsure", keloid: "yes" });
    await expect(page.locator(".mn-results")).toBeVisible();
    await shot("6-results");
  });
}
