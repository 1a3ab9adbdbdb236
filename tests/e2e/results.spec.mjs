// The results screen as a visitor on a phone meets it: the first screen answers "can I go
// ahead, why, and what do I do next"; everything else opens on demand; sources are readable;
// the review status is honest; the dated plan fits the outcome.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Widget } from "./widget.mjs";
import { addMonths, addDays, isoMonthsAgo } from "./dates.mjs";

const content = (file) => readFileSync(fileURLToPath(new URL(`../../content/${file}`, import.meta.url)), "utf8");
const PHONE = { width: 375, height: 800 };
const SECTIONS = ["plan", "prep", "aftercare", "red_flags", "ask", "choose", "about", "disagree", "answers", "sources"];

/** Opens every section on the screen (including "good to know" where there is one). */
async function openAll(page) {
  const closed = page.locator("[data-section] .mn-disclosure[aria-expanded=false]");
  for (let n = await closed.count(); n > 0; n--) {
    await closed.first().click();
    await expect(closed).toHaveCount(n - 1);
  }
}

// One visitor per next step, each with up to three reasons.
const visitors = [
  { name: "good to book", concerns: ["fine_lines"], areas: ["forehead"], answers: {}, tier: "mn-tier-good", next: "book" },
  {
    name: "see a provider, raised at the consultation (3 reasons)",
    concerns: ["acne_scars"], areas: ["cheeks"], answers: { age: 20, dark_marks: "yes", scar_age: "yes" },
    tier: "mn-tier-provider", next: "book",
  },
  {
    name: "see your own doctor first (3 reasons)",
    concerns: ["fine_lines"], areas: ["cheeks"], answers: { diabetes: "yes", blood_thinners: "yes", heart_device: "yes" },
    tier: "mn-tier-provider", next: "doctor",
  },
  {
    name: "not now (3 reasons)",
    concerns: ["acne_scars"], areas: ["cheeks"], answers: { pregnant_nursing: "yes", allergies: "yes", keloid: "yes" },
    tier: "mn-tier-not-now", next: "ask",
  },
];

// Harder first screens: "not sure" answers, unknown dates, who-to-see tags.
const harder = [
  {
    name: "not now, not sure about pregnancy, a changing mole and blood thinners",
    concerns: ["fine_lines"], areas: ["cheeks"], answers: { pregnant_nursing: "unsure", changing_mole: "yes", blood_thinners: "yes" },
    tier: "mn-tier-not-now", next: "ask",
  },
  {
    name: "not now, isotretinoin date and active acne not sure, new scars",
    concerns: ["acne_scars"], areas: ["cheeks"], answers: { isotretinoin_past: "yes", isotretinoin_stopped: "unsure", active_acne: "unsure", scar_age: "yes" },
    tier: "mn-tier-not-now", next: "ask",
  },
  {
    name: "see a provider, age 20 with dark marks and cold sores not sure",
    concerns: ["fine_lines"], areas: ["cheeks"], answers: { age: 20, dark_marks: "unsure", cold_sores: "unsure" },
    tier: "mn-tier-provider", next: "book",
  },
];

for (const v of [...visitors, ...harder]) {
  test(`${v.name}: tier, reasons and the next step fit the first phone screen`, async ({ page }) => {
    await page.setViewportSize(PHONE);
    const w = new Widget(page);
    await w.journey(v);
    expect(await w.tier()).toBe(v.tier);
    expect(await w.nextStep()).toBe(v.next);
    await page.evaluate(() => window.scrollTo(0, 0));
    const button = page.locator(".mn-next .mn-button-primary");
    await expect(button).toHaveCount(1);
    const reasons = page.locator(".mn-reasons [data-rule]");
    const parts = [page.locator(".mn-tier"), button, ...(await reasons.all())];
    expect(parts.length).toBeLessThanOrEqual(2 + 3);
    for (const part of parts) {
      const box = await part.boundingBox();
      expect(box.y + box.height, await part.innerText()).toBeLessThanOrEqual(PHONE.height);
    }
    // With every section closed the results are at most three phone screens tall (the footer,
    // with the language menu, comes after them).
    const height = await page.evaluate(() => document.querySelector(".mn-results").getBoundingClientRect().bottom + scrollY);
    expect(height).toBeLessThanOrEqual(3 * PHONE.height);
    // Only a visitor who may book is offered booking, and then the warning signs start open.
    await expect(page.locator(".mn-book")).toHaveCount(v.next === "book" ? 1 : 0);
    const redFlags = page.locator("[data-section=red_flags] .mn-disclosure");
    await expect(redFlags).toHaveAttribute("aria-expanded", v.next === "book" ? "true" : "false");
    expect(w.errors).toEqual([]);
  });
}

test("who to see: own-doctor reasons say so, and the doctor step offers no booking", async ({ page }) => {
  const w = new Widget(page);
  await w.journey({ concerns: ["fine_lines"], areas: ["cheeks"], answers: { diabetes: "yes", dark_marks: "yes" } });
  await expect(page.locator("[data-rule=diabetes] .mn-see")).toHaveAttribute("data-see", "own_doctor");
  await expect(page.locator("[data-rule=dark_marks] .mn-see")).toHaveAttribute("data-see", "consultation");
  await expect(page.locator(".mn-next .mn-button-primary")).toHaveText("Talk to your doctor first");
  await expect(page.locator(".mn-book")).toHaveCount(0);
});

test("not now offers the clinic's phone and email, never a booking", async ({ page }) => {
  const w = new Widget(page);
  await w.journey({ concerns: ["fine_lines"], areas: ["cheeks"], answers: { allergies: "yes" } });
  // The shipped clinic.json (its // lines are notes).
  const clinic = JSON.parse(readFileSync(new URL("../../static/clinic.json", import.meta.url), "utf8").replace(/^\s*\/\/.*$/gm, ""));
  const { phone, email } = clinic;
  await expect(page.locator(".mn-ask")).toHaveText("Ask the clinic");
  await expect(page.locator(".mn-ask")).toHaveAttribute("href", `tel:${phone.replace(/[^\d+]/g, "")}`);
  await expect(page.locator(".mn-contact")).toContainText(phone);
  await expect(page.locator(`.mn-contact a[href="mailto:${email}"]`)).toHaveCount(1);
  await expect(page.locator(".mn-book")).toHaveCount(0);
});

test("sections open and close by keyboard and stay as left when going back and forth", async ({ page }) => {
  const w = new Widget(page);
  await w.journey({ concerns: ["fine_lines"], areas: ["forehead"] });
  const about = page.locator("[data-section=about] .mn-disclosure");
  await expect(about).toHaveAttribute("aria-expanded", "false");
  await expect(page.locator("#mn-s-about")).toBeHidden();
  await about.focus();
  await page.keyboard.press("Enter");
  await expect(about).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator("#mn-s-about li").first()).toBeVisible();
  await page.keyboard.press("Space");
  await expect(about).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Enter");
  // Change an answer and come back: "about" is still open.
  await w.openSection("answers");
  await page.getByRole("button", { name: /Change\s*: Do you have diabetes/ }).click();
  await w.answer("no");
  await w.resultsComplete();
  await expect(about).toHaveAttribute("aria-expanded", "true");
  // Starting again forgets it.
  await page.getByRole("button", { name: "Start again" }).click();
  await w.start();
  await w.chooseConcerns(["fine_lines"]);
  await w.chooseAreas(["forehead"]);
  await w.answerAll();
  await expect(about).toHaveAttribute("aria-expanded", "false");
});

test("a not-now visitor with an end date cannot plan a session before it", async ({ page }) => {
  const w = new Widget(page);
  const stopped = isoMonthsAgo(4);
  const eligible = addMonths(stopped, 12);
  await w.journey({ concerns: ["acne_scars"], areas: ["cheeks"], answers: { isotretinoin_past: "yes", isotretinoin_stopped: stopped } });
  await w.openSection("plan");
  await expect(page.locator(".mn-plan-from")).toHaveAttribute("data-from", eligible);
  await expect(page.locator(".mn-plan-from")).toContainText("if a provider agrees");
  const picker = page.locator("#mn-first-session");
  await expect(picker).toHaveAttribute("min", eligible);
  await picker.fill(addDays(eligible, -1));
  await picker.blur();
  await expect(page.locator("#mn-first-session-error")).toBeVisible();
  await expect(page.locator(".mn-timeline")).toHaveCount(0);
  await picker.fill(eligible);
  await picker.blur();
  await expect(page.locator(".mn-timeline")).toContainText("Session 1");
  await expect(page.locator("#mn-first-session-error")).toHaveCount(0);
});

test("a not-now visitor with no end date gets no dated plan", async ({ page }) => {
  const w = new Widget(page);
  await w.journey({ concerns: ["acne_scars"], areas: ["cheeks"], answers: { pregnant_nursing: "yes" } });
  await w.openSection("plan");
  await expect(page.locator("[data-plan=sessions]")).toBeVisible();
  await expect(page.locator("#mn-first-session")).toHaveCount(0);
});

test("sources are named by title and publisher; no internal name or key reaches a visitor", async ({ page }) => {
  const w = new Widget(page);
  await w.journey({ concerns: ["acne_scars", "melasma"], areas: ["cheeks", "neck"], answers: { keloid: "yes", dark_marks: "unsure", retinoids: "yes" } });
  for (const id of SECTIONS) await w.openSection(id);
  await openAll(page);
  for (const more of await page.locator(".mn-more summary").all()) await more.click();
  const text = await page.locator("#app").innerText();
  expect(text).not.toMatch(/seed/i);
  const sources = content("sources.toml");
  const keys = [...sources.matchAll(/^id = "(.+)"$/gm)].map((m) => m[1]);
  expect(keys.length).toBeGreaterThan(50);
  // A key that is also part of a real title or publisher ("21 CFR 878.4430") may appear there.
  const names = [...sources.matchAll(/^(?:title|publisher) = "(.+)"$/gm)].map((m) => m[1]).join("\n");
  const word = (key) => new RegExp(`(^|[^\\w-])${key}([^\\w-]|$)`);
  for (const key of keys.filter((k) => !word(k).test(names))) {
    expect(text, `source key ${key} is shown`).not.toMatch(word(key));
  }
  // Reasons name their sources by title; the full list has publishers and working links.
  await expect(page.locator("[data-rule=keloid] .mn-cite")).toContainText("Based on:");
  const items = page.locator("#mn-s-sources li");
  expect(await items.count()).toBeGreaterThan(10);
  await expect(page.locator("#mn-s-sources .mn-publisher").first()).not.toBeEmpty();
  for (const href of await page.locator("#mn-s-sources a").evaluateAll((as) => as.map((a) => a.href))) {
    expect(href).toMatch(/^https:\/\//);
  }
});

test("the footer states the review status recorded in pack.toml", async ({ page }) => {
  const w = new Widget(page);
  await w.journey({ concerns: ["fine_lines"], areas: ["forehead"] });
  const pack = content("pack.toml");
  const version = pack.match(/^version = "(.*)"/m)[1];
  const footer = page.locator(".mn-review");
  await expect(footer).toContainText(version);
  const en = content("locales/en.toml");
  const words = (key) => en.match(new RegExp(`^${key} = "(.*)"$`, "m"))[1].replace("{version}", version);
  if (/^\[review\]/m.test(pack)) {
    await expect(footer).toContainText(words("reviewed").split("{")[0]);
  } else {
    await expect(footer).toHaveText(words("review_pending"));
  }
  await expect(page.locator(".mn-results")).not.toContainText("last reviewed");
});

for (const scheme of ["light", "dark"]) {
  for (const v of visitors) {
    test(`results pass axe with sections closed and open, ${v.name}, ${scheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const w = new Widget(page);
      await w.journey(v);
      const closed = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
      expect(closed.violations.map((x) => `${v.name} closed: ${x.id} ${x.nodes.map((n) => n.target).join(",")}`)).toEqual([]);
      await openAll(page);
      for (const more of await page.locator(".mn-more summary").all()) await more.click();
      const open = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
      expect(open.violations.map((x) => `${v.name} open: ${x.id} ${x.nodes.map((n) => n.target).join(",")}`)).toEqual([]);
    });
  }
}
