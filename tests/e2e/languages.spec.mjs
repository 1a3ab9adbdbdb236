// Languages: English (the source), Spanish and Arabic (right to left). The static welcome paints
// in the visitor's language, a whole journey passes axe in each, switching keeps the answers and
// the place, the layout mirrors in Arabic, and each language says what its translation is.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { Widget, holdWasm } from "./widget.mjs";

/** A text of a language, read from its file (`[ui]` keys and question titles). */
function text(code, key) {
  const toml = readFileSync(new URL(`../../content/locales/${code}.toml`, import.meta.url), "utf8");
  if (key.startsWith("questions.")) {
    const [, id, field] = key.split(".");
    const block = toml.split(`[questions.${id}]`)[1];
    return block.match(new RegExp(`^${field} = "(.*)"$`, "m"))[1];
  }
  return toml.match(new RegExp(`^${key} = "(.*)"$`, "m"))[1];
}

const axe = async (page) => (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations;

test("the static welcome paints in the visitor's language before the app arrives", async ({ browser }) => {
  for (const [code, url, locale, dir] of [["es", "/", "es-MX", "ltr"], ["ar", "/?lang=ar", "en-US", "rtl"]]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const release = await holdWasm(page);
    await page.goto(url);
    await expect(page.locator("[data-static] h1")).toHaveText(text(code, "welcome_heading"));
    await expect(page.locator("html")).toHaveAttribute("lang", code);
    await expect(page.locator("html")).toHaveAttribute("dir", dir);
    await expect(page.locator("[data-static] .mn-start")).toHaveText(text(code, "start"));
    release();
    await expect(page.locator(".mn-widget:not([data-static])")).toHaveAttribute("lang", code);
    await expect(page.locator("#app h1")).toHaveText(text(code, "welcome_heading"));
    await context.close();
  }
});

for (const code of ["en", "es", "ar"]) {
  test(`a whole journey in ${code} passes axe on every kind of screen`, async ({ page }) => {
    const w = new Widget(page);
    await w.open(`/?lang=${code}`);
    await expect(page.locator(".mn-widget")).toHaveAttribute("lang", code);
    await expect(w.heading()).toHaveText(text(code, "welcome_heading"));
    expect(await axe(page)).toEqual([]);
    await w.start();
    await w.chooseConcerns(["acne_scars"]);
    await w.chooseAreas(["cheeks"]);
    await expect(w.heading()).toHaveText(text(code, "questions.age.title"));
    expect(await axe(page)).toEqual([]);
    await w.answerAll({ keloid: "yes" });
    await w.openSection("plan");
    expect(await axe(page)).toEqual([]);
    // The footer says what the texts are: nothing for the source, "draft" for the others.
    if (code === "en") await expect(page.locator(".mn-translation")).toHaveCount(0);
    else await expect(page.locator(".mn-translation")).toHaveText(text(code, "translation_draft"));
    // A printed summary says it too; the language menu is left off paper.
    await page.emulateMedia({ media: "print" });
    if (code !== "en") await expect(page.locator(".mn-translation")).toBeVisible();
    await expect(page.locator(".mn-language")).toBeHidden();
    await page.emulateMedia({ media: "screen" });
    expect(w.errors).toEqual([]);
  });
}

test("switching language mid-journey keeps the answers and the place", async ({ page }) => {
  const w = new Widget(page);
  await w.open("/?lang=en");
  await w.start();
  await w.chooseConcerns(["texture"]);
  await w.chooseAreas(["cheeks"]);
  await w.answer(35);
  await w.answer("no");
  const step = await w.step();
  await page.locator("#mn-language").selectOption("es");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.locator(".mn-widget")).toHaveAttribute("data-step", step);
  const id = await w.questionId();
  await expect(w.heading()).toHaveText(text("es", `questions.${id}.title`));
  // Back: the answer given in English is still there.
  await page.locator(".mn-nav button[type=button]").click();
  await expect(page.locator("#mn-answer-no")).toBeChecked();
  // And on to Arabic, right to left, still at the same place.
  await page.locator("#mn-language").selectOption("ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("#mn-answer-no")).toBeChecked();
});

for (const width of [375, 1280]) {
  test(`Arabic mirrors at ${width} px: Back sits on the right, nothing scrolls sideways`, async ({ page }, info) => {
    await page.setViewportSize({ width, height: 900 });
    const w = new Widget(page);
    await w.open("/?lang=ar");
    await w.start();
    await w.chooseConcerns(["acne_scars"]);
    await w.chooseAreas(["cheeks"]);
    await w.answer(30);
    const back = await page.locator(".mn-nav button[type=button]").boundingBox();
    const next = await page.locator(".mn-nav button[type=submit]").boundingBox();
    expect(back.x).toBeGreaterThan(next.x);
    await page.screenshot({ path: info.outputPath(`ar-question-${width}.png`), fullPage: true });
    await w.answerAll({});
    await page.screenshot({ path: info.outputPath(`ar-results-${width}.png`), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  });
}
