// The clinic's clinic.json is untrusted: every bad file below gives the documented fallback, a
// notice for staff that names the setting and the value (on the page with ?preview, and in the
// console), and a widget that keeps working. Themes and brand colours keep WCAG AA contrast.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { Widget } from "./widget.mjs";
import { testConfig } from "./server.mjs";

/** Serves `body` as clinic.json (a string as is; an object as JSON). */
async function serveConfig(page, body, status = 200) {
  await page.route("**/clinic.json", (route) =>
    route.fulfill({ status, contentType: "application/json", body: typeof body === "string" ? body : JSON.stringify(body) }),
  );
}

const valid = () => testConfig();
const withSetting = (key, value) => ({ ...valid(), [key]: value });

/** Opens the widget with ?preview (and more of an address); returns the page object and the
 * console warnings. */
async function preview(page, path = "/?preview") {
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  const w = new Widget(page);
  await w.open(path);
  return { w, warnings };
}

async function expectNotice(page, warnings, field, text) {
  const item = page.locator(`.mn-settings li[data-field="${field}"]`).first();
  await expect(item).toContainText(text);
  expect(warnings.some((t) => t.startsWith("self-check settings: clinic.json") && t.includes(text)), warnings.join("\n")).toBe(true);
}

const cases = [
  ["no file at all", null, "", "was not found next to index.html"],
  ["an empty file", "", "", "is empty"],
  ["a huge file", `{"name": "${"x".repeat(200_000)}"}`, "", "the largest file read is 64 KB"],
  ["broken JSON", '{"name": "A clinic",}', "", "is not valid JSON"],
  ["a list, not settings", "[1, 2, 3]", "", "must be a group of settings"],
  ["a wrong type", withSetting("min_age", "21"), "min_age", "must be a whole number of years"],
  ["an unknown key", withSetting("bookng_url", "https://x.example/"), "bookng_url", "not a setting the widget knows"],
  ["an age below 18", withSetting("min_age", 16), "min_age", "is below 18"],
  ["unsafe colours", withSetting("colours", { accent: "#dddddd", on_accent: "#ffffff" }), "colours", "contrast is 1.36:1"],
  ["a malformed link", withSetting("booking_url", "https//book.example"), "booking_url", "must start with https://"],
  ["a non-https link", withSetting("booking_url", "http://book.example/"), "booking_url", "must start with https://"],
  ["script in a text field", withSetting("name", "<img src=x onerror=alert(1)>"), "name", "looks like HTML or script"],
  ["a wildcard origin", withSetting("embed", { allowed_origins: ["*"] }), "embed.allowed_origins", "is a wildcard"],
  ["an unknown theme", withSetting("theme", "neon"), "theme", "is not a theme"],
];

for (const [name, body, field, text] of cases) {
  test(`a clinic.json with ${name} falls back safely and says so`, async ({ page }) => {
    if (body === null) await serveConfig(page, "not found", 404);
    else await serveConfig(page, body);
    let dialogs = 0;
    page.on("dialog", (d) => { dialogs++; d.dismiss(); });
    const { w, warnings } = await preview(page);
    await expectNotice(page, warnings, field, text);
    // Still a working widget, with a safe look and no script run.
    await w.start();
    await expect(w.heading()).toHaveText("What would you like to improve?");
    expect(dialogs).toBe(0);
    // (The browser itself logs the 404 of a missing file.)
    expect(w.errors.filter((e) => !(body === null && e.includes("404")))).toEqual([]);
  });
}

test("the fallbacks are the safe ones: minimum age 18, the theme's colours, no booking link", async ({ page }) => {
  const config = { ...valid(), min_age: 16, booking_url: "http://book.example/", colours: { accent: "#ffd400", on_accent: "#000000" } };
  await serveConfig(page, config);
  const w = new Widget(page);
  await w.open();
  expect(await page.evaluate(() => document.documentElement.style.getPropertyValue("--mn-brand"))).toBe("");
  await w.start();
  await w.chooseConcerns(["fine_lines"]);
  await w.chooseAreas(["forehead"]);
  await w.answer(17);
  await w.resultsComplete();
  expect(await w.tier()).toBe("mn-tier-not-now");
  // A visitor who may book gets the clinic's phone and email instead of a non-https link.
  await page.getByRole("button", { name: "Start again" }).first().click();
  await w.start();
  await w.chooseConcerns(["fine_lines"]);
  await w.chooseAreas(["forehead"]);
  await w.answerAll({});
  expect(await w.nextStep()).toBe("book");
  await expect(page.locator(".mn-book")).toHaveCount(0);
  await expect(page.locator(`.mn-next a[href^="tel:"]`)).toHaveCount(1);
});

test("a good clinic.json shows the clinic's name, colours and font, and ?preview says all is well", async ({ page }) => {
  await serveConfig(page, { ...valid(), name: "Lumen Skin", logo: "icon.svg", colours: { accent: "#5b2a86", on_accent: "#ffffff" }, font: "Georgia, serif" });
  const { warnings } = await preview(page);
  await expect(page.locator(".mn-header .mn-title")).toHaveText("Lumen Skin");
  await expect(page.locator(".mn-header img.mn-logo")).toHaveAttribute("src", "icon.svg");
  await expect(page.locator(".mn-header img.mn-logo")).toHaveAttribute("alt", "");
  await expect(page.locator(".mn-settings-ok")).toBeVisible();
  expect(warnings.filter((t) => t.startsWith("self-check settings"))).toEqual([]);
  const start = page.getByRole("button", { name: "Start" });
  await expect(start).toHaveCSS("background-color", "rgb(91, 42, 134)");
  await expect(page.locator("body")).toHaveCSS("font-family", "Georgia, serif");
  // Without ?preview, visitors never see the staff panel.
  await page.goto("/");
  await expect(page.locator(".mn-widget:not([data-static])")).toBeVisible();
  await expect(page.locator(".mn-settings")).toHaveCount(0);
});

test("address overrides pass the same checks: a good accent applies, a bad one is named", async ({ page }) => {
  const { warnings } = await preview(page, "/?preview&accent=%23eeeeee&lang=xx");
  await expect(page.locator(`.mn-settings li[data-field="accent"]`)).toContainText("page address");
  await expect(page.locator(`.mn-settings li[data-field="lang"]`)).toContainText("\"xx\"");
  expect(warnings.some((t) => t.includes("page address, setting `accent`"))).toBe(true);
  await page.goto("/?accent=%235b2a86");
  await expect(page.locator(".mn-widget:not([data-static])")).toBeVisible();
  await expect(page.getByRole("button", { name: "Start" })).toHaveCSS("background-color", "rgb(91, 42, 134)");
});

for (const theme of ["clear", "warm", "contrast"]) {
  for (const scheme of ["light", "dark"]) {
    test(`the ${theme} theme in ${scheme} mode passes axe on the welcome and the results`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await serveConfig(page, { ...valid(), theme });
      const w = new Widget(page);
      await w.open();
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      const axe = async () => (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations;
      expect(await axe()).toEqual([]);
      await w.start();
      await w.chooseConcerns(["acne_scars"]);
      await w.chooseAreas(["cheeks"]);
      await w.answerAll({ keloid: "yes" });
      await w.openSection("plan");
      expect(await axe()).toEqual([]);
    });
  }
}

test("a clinic.json nested thousands deep is refused whole, and the widget still starts", async ({ page }) => {
  await serveConfig(page, "[".repeat(30_000) + "]".repeat(30_000));
  const { w, warnings } = await preview(page);
  await expectNotice(page, warnings, "", "must be a group of settings");
  await w.start();
  expect(w.errors).toEqual([]);
});

test("two widgets on one page keep their own answers", async ({ page }) => {
  // The same origin in one tab: session storage is shared, so each widget keeps its own keys.
  await page.goto("/?embed=1&slot=face");
  await expect(page.locator(".mn-widget:not([data-static])")).toBeVisible();
  const w = new Widget(page);
  await w.start();
  await w.chooseConcerns(["texture"]);
  await page.goto("/?embed=1&slot=body");
  await expect(page.locator(".mn-widget:not([data-static])")).toHaveAttribute("data-step", "welcome");
  await page.goto("/?embed=1&slot=face");
  await expect(page.locator(".mn-widget:not([data-static])")).toHaveAttribute("data-step", "areas");
});
