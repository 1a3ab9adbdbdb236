// The clinic set-up page (dist/setup/): the form checks the settings as they are typed, the
// preview is the real widget with them, and the files it downloads work next to dist/.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Widget } from "./widget.mjs";
import { ORIGINS } from "./server.mjs";

const known = JSON.parse(readFileSync(new URL("../../dist/setup/known.json", import.meta.url), "utf8"));

async function openSetup(page) {
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto("/setup/");
  await expect(page.locator("#su-frame")).toHaveAttribute("data-ready", "welcome");
  await expect(page.locator("#su-summary")).toHaveAttribute("data-ok", "true");
  return errors;
}

const frame = (page) => page.frameLocator("#su-frame");
const PREVIEW = 15_000;
const brand = (page) => frame(page).locator("html").evaluate((e) => e.style.getPropertyValue("--mn-brand"));
const field = (page, name) => page.locator(`.su-field[data-field="${name}"]`);

test("the preview follows the form: name, colour, language, offered concerns, sample results", async ({ page }) => {
  const errors = await openSetup(page);
  // Each change reloads the preview (the whole widget, booting afresh): seconds on a busy machine.
  await page.fill("#f-name", "Bright Skin Clinic");
  await expect(frame(page).locator(".mn-title")).toHaveText("Bright Skin Clinic", { timeout: PREVIEW });

  await page.fill("#f-accent", "#5b2a86");
  await expect.poll(() => brand(page), { timeout: PREVIEW }).toBe("#5b2a86");

  await page.selectOption("#p-lang", "es");
  await expect(frame(page).locator("html")).toHaveAttribute("lang", "es", { timeout: PREVIEW });
  await page.selectOption("#p-lang", "en");

  // Offer only the first three concerns: the preview's concerns screen lists those three.
  const boxes = page.locator("#f-concerns input");
  for (let i = 3; i < known.concerns.length; i++) await boxes.nth(i).uncheck();
  await page.selectOption("#p-screen", "concerns");
  await expect(page.locator("#su-frame")).toHaveAttribute("data-ready", "concerns");
  await expect(frame(page).locator(".mn-choose input[type=checkbox]")).toHaveCount(3);

  // Results for the sample visitors.
  for (const [screen, tier] of [["good", "mn-tier-good"], ["not-now", "mn-tier-not-now"]]) {
    await page.selectOption("#p-screen", screen);
    await expect(page.locator("#su-frame")).toHaveAttribute("data-ready", screen, { timeout: 15_000 });
    await expect(frame(page).locator(".mn-results")).toHaveAttribute("data-tier", tier);
  }
  expect(errors).toEqual([]);
});

test("every invalid field says what is wrong beside it and blocks the downloads", async ({ page }) => {
  await openSetup(page);
  const download = page.locator("#su-download-config");
  await expect(download).toBeEnabled();
  for (const [sel, value] of [["#f-booking", "http://example.com/book"], ["#f-min-age", "16"], ["#f-accent", "#ffcc00"], ["#f-origins", "www.my-clinic.com"], ["#f-email", "not an email"], ["#f-idle", "10"]])
    await page.fill(sel, value);
  await page.check("#f-kiosk");
  for (const name of ["booking_url", "min_age", "colours", "embed.allowed_origins", "email", "kiosk.idle_seconds"]) {
    await expect(field(page, name).locator(".su-error")).toBeVisible();
    await expect(field(page, name).locator("[aria-invalid=true]").first()).toBeVisible();
  }
  await expect(field(page, "booking_url").locator(".su-error")).toContainText("https://");
  await expect(field(page, "min_age").locator(".su-error")).toContainText("18");
  // The colour's measured contrast, and a readable colour close to it.
  await expect(field(page, "colours").locator(".su-error")).toContainText(/\d+\.\d\d:1/);
  await expect(download).toBeDisabled();
  await expect(page.locator("[data-header]").first()).toBeDisabled();
  await expect(page.locator("#su-summary")).toContainText("6 problems");

  // The same checks as `selfcheck validate-config`: run it on the settings the page checked (the
  // draft its preview reads) and it names the same settings.
  const stored = () => page.evaluate(() => sessionStorage.getItem("mn-selfcheck.setup-draft"));
  await expect.poll(stored).toContain('"idle_seconds": 10');
  const draft = await stored();
  const file = join(mkdtempSync(join(tmpdir(), "selfcheck-setup-")), "clinic.json");
  writeFileSync(file, draft);
  const cli = spawnSync("cargo", ["run", "--quiet", "--locked", "-p", "selfcheck-engine", "--bin", "selfcheck", "--", "validate-config", file], { cwd: new URL("../..", import.meta.url).pathname, encoding: "utf8" });
  expect(cli.status).toBe(1);
  const named = [...cli.stderr.matchAll(/setting `([^`]+)`/g)].map((m) => m[1]).sort();
  expect(named).toEqual(["booking_url", "colours", "email", "embed.allowed_origins", "kiosk.idle_seconds", "min_age"]);
  for (const name of named) await expect(field(page, name).locator(".su-error")).toBeVisible();

  // Straight from typing in another field (its change event fires as focus leaves it), one
  // click on the suggestion uses it.
  await page.fill("#f-font", "Georgia, serif");
  await field(page, "colours").locator(".su-fix").click();
  await expect(field(page, "colours").locator(".su-error")).toHaveCount(0);
  // Every concern unticked: nobody could choose anything.
  for (const box of await page.locator("#f-concerns input").all()) await box.uncheck();
  await expect(field(page, "concerns").locator(".su-error")).toBeVisible();
  for (const box of await page.locator("#f-concerns input").all()) await box.check();

  await page.fill("#f-booking", "https://example.com/book");
  await page.fill("#f-min-age", "21");
  await page.fill("#f-origins", "https://www.my-clinic.com");
  await page.fill("#f-email", "desk@my-clinic.com");
  await page.fill("#f-idle", "120");
  await expect(page.locator(".su-error")).toHaveCount(0);
  await expect(download).toBeEnabled();

  const audit = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).exclude("#su-frame").analyze();
  expect(audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("the page passes axe, with problems shown and without", async ({ page }) => {
  await openSetup(page);
  const audit = async () => {
    const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).exclude("#su-frame").analyze();
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  };
  expect(await audit()).toEqual([]);
  await page.fill("#f-accent", "#ffcc00");
  await page.fill("#f-min-age", "12");
  await expect(page.locator(".su-error")).toHaveCount(2);
  expect(await audit()).toEqual([]);
});

test("the downloaded settings work next to dist/, the headers allow the clinic's site, and the file loads back", async ({ page, context }) => {
  await openSetup(page);
  await page.fill("#f-name", "Bright Skin Clinic");
  await page.fill("#f-accent", "#5b2a86");
  await page.fill("#f-booking", "https://bright-skin.example/book");
  await page.fill("#f-min-age", "21");
  await page.fill("#f-origins", ORIGINS.clinic);
  await page.selectOption("#f-theme", "warm");
  const boxes = page.locator("#f-areas input");
  await boxes.nth(0).uncheck();
  await expect(page.locator("#su-summary")).toHaveAttribute("data-ok", "true");

  const saved = async (locator) => {
    const [d] = await Promise.all([page.waitForEvent("download"), locator.click()]);
    return { name: d.suggestedFilename(), text: readFileSync(await d.path(), "utf8") };
  };
  const config = await saved(page.locator("#su-download-config"));
  expect(config.name).toBe("clinic.json");
  const headers = await saved(page.locator('[data-header="_headers"]'));
  expect(headers.name).toBe("_headers");
  expect(headers.text).toContain(`frame-ancestors 'self' ${ORIGINS.clinic}`);
  await expect(page.locator("#su-snippet")).toContainText(`${ORIGINS.widget}/embed.js`);

  // The widget with that file as its clinic.json: the clinic's name, colour, theme, areas.
  const visitor = await context.newPage();
  await visitor.route("**/clinic.json", (route) => route.fulfill({ contentType: "application/json", body: config.text }));
  const w = new Widget(visitor);
  await w.open("/");
  await expect(visitor.locator(".mn-title")).toHaveText("Bright Skin Clinic");
  await expect(visitor.locator("html")).toHaveAttribute("data-theme", "warm");
  expect(await visitor.locator("html").evaluate((e) => e.style.getPropertyValue("--mn-brand"))).toBe("#5b2a86");
  await w.start();
  await w.chooseConcerns([known.concerns[0].id]);
  await expect(visitor.locator(".mn-choose input[type=checkbox]")).toHaveCount(known.areas.length - 1);
  expect(w.errors).toEqual([]);

  // Loaded back into a fresh set-up page: the same values.
  const again = await context.newPage();
  await openSetup(again);
  await again.setInputFiles("#su-load", { name: "clinic.json", mimeType: "application/json", buffer: Buffer.from(config.text) });
  await expect(again.locator("#su-load-result")).toContainText("Opened clinic.json");
  await expect(again.locator("#f-name")).toHaveValue("Bright Skin Clinic");
  await expect(again.locator("#f-accent")).toHaveValue("#5b2a86");
  await expect(again.locator("#f-min-age")).toHaveValue("21");
  await expect(again.locator("#f-theme")).toHaveValue("warm");
  await expect(again.locator("#f-origins")).toHaveValue(ORIGINS.clinic);
  await expect(again.locator("#f-areas input").nth(0)).not.toBeChecked();
  await expect(again.locator("#f-areas input").nth(1)).toBeChecked();
  const [d] = await Promise.all([again.waitForEvent("download"), again.locator("#su-download-config").click()]);
  expect(readFileSync(await d.path(), "utf8")).toBe(config.text);

  // A broken file is named, and changes nothing.
  await again.setInputFiles("#su-load", { name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
  await expect(again.locator("#su-load-result")).toContainText("broken.json could not be opened");
  await expect(again.locator("#f-name")).toHaveValue("Bright Skin Clinic");
});

test("the preview's draft settings are read only by a frame of the set-up page's own site", async ({ page }) => {
  // Opened on its own (not in the set-up page's frame), the widget ignores a draft in storage.
  await page.goto("/");
  await page.evaluate(() => sessionStorage.setItem("mn-selfcheck.setup-draft", JSON.stringify({ name: "Not the clinic" })));
  const w = new Widget(page);
  await w.open("/?setup-preview");
  await expect(page.locator(".mn-title")).not.toHaveText("Not the clinic");
});

test("a setting left out is a note, not a problem: a clinic without online booking still gets its files", async ({ page }) => {
  await openSetup(page);
  await page.fill("#f-booking", "");
  await expect(field(page, "booking_url").locator(".su-error.su-note")).toBeVisible();
  await expect(field(page, "booking_url").locator(".su-error")).toContainText("Note:");
  await expect(page.locator("#su-download-config")).toBeEnabled();
  // The widget's address only matters for the snippet.
  await page.fill("#f-address", "not an address");
  await expect(page.locator("#su-copy-snippet")).toBeDisabled();
  await expect(page.locator("#su-download-config")).toBeEnabled();
});

test("a hand-edited file with wrong types opens without breaking the page, and says what it did not keep", async ({ page }) => {
  await openSetup(page);
  const file = {
    name: "Hand Edited",
    theme: "purple",
    colours: { accent: "#0b5c6b", on_accent: 7 },
    embed: { allowed_origins: "https://www.my-clinic.com" },
    concerns: ["tattoos"],
    favourite_colour: "teal",
  };
  await page.setInputFiles("#su-load", { name: "clinic.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  const status = page.locator("#su-load-result");
  await expect(status).toContainText("Opened clinic.json");
  for (const part of ['"favourite_colour"', '"purple"', "7", '"tattoos"']) await expect(status).toContainText(part);
  await expect(page.locator("#f-name")).toHaveValue("Hand Edited");
  await expect(page.locator("#f-origins")).toHaveValue("https://www.my-clinic.com");
  // "tattoos" is not a concern the widget has: every concern stays offered.
  expect(await page.locator("#f-concerns input:not(:checked)").count()).toBe(0);
});

test("the preview does not take the keyboard from the field being typed in", async ({ page }) => {
  await openSetup(page);
  await page.selectOption("#p-screen", "question");
  await expect(page.locator("#su-frame")).toHaveAttribute("data-ready", "question");
  await page.fill("#f-name", "");
  await expect(frame(page).locator(".mn-title")).not.toHaveText("Your clinic");
  await expect(page.locator("#su-frame")).toHaveAttribute("data-ready", "question");
  await page.locator("#f-name").focus();
  await page.keyboard.type("Bright");
  // The preview reloads and walks to the question screen, moving focus inside its own page.
  await expect(frame(page).locator(".mn-title")).toHaveText("Bright");
  await expect(page.locator("#su-frame")).toHaveAttribute("data-ready", "question");
  await page.keyboard.type(" Skin");
  await expect(page.locator("#f-name")).toHaveValue("Bright Skin");
  await expect(page.locator("#f-name")).toBeFocused();
});
