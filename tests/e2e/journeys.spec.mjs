// Whole visitor journeys through the real UI, from the engine's persona set: each checks the
// tier, the key reasons and the plan on the results screen.
import { test, expect } from "@playwright/test";
import { Widget } from "./widget.mjs";
import { addDays, addMonths, isoDaysAgo, isoMonthsAgo } from "./dates.mjs";

const stopped = isoMonthsAgo(4);
const peel = isoDaysAgo(6);

const journeys = [
  {
    name: "healthy adult with fine lines can book",
    concerns: ["fine_lines"], areas: ["forehead"], answers: {},
    tier: "mn-tier-good", rules: [], plan: { sessions: "3 to 6 sessions", spacing: "4 to 6 weeks apart", downtime: "1 to 3 days" },
    book: "Book a consultation with",
  },
  {
    name: "pregnant visitor with acne scars is not suitable now",
    concerns: ["acne_scars"], areas: ["cheeks"], answers: { pregnant_nursing: "yes" },
    tier: "mn-tier-not-now", rules: ["pregnant_nursing"], plan: { sessions: "3 to 6 sessions", spacing: "4 to 5 weeks apart" },
    text: ["After pregnancy, once you have stopped breastfeeding."],
  },
  {
    name: "a 16-year-old is not suitable now",
    concerns: ["acne_scars"], areas: ["cheeks"], answers: { age: 16 },
    tier: "mn-tier-not-now", rules: ["under_min_age", "under_22"],
  },
  {
    name: "stopped isotretinoin four months ago: eligible 12 months after the last dose",
    concerns: ["acne_scars"], areas: ["cheeks"], answers: { isotretinoin_past: "yes", isotretinoin_stopped: stopped },
    tier: "mn-tier-not-now", rules: ["isotretinoin_recent"], eligible: addMonths(stopped, 12),
  },
  {
    name: "keloid history with darker skin",
    concerns: ["acne_scars"], areas: ["cheeks"], answers: { keloid: "yes", dark_marks: "yes" },
    tier: "mn-tier-not-now", rules: ["keloid", "dark_marks"],
  },
  {
    name: "on warfarin: see a provider first, never told to stop",
    concerns: ["fine_lines"], areas: ["around_eyes"], answers: { blood_thinners: "yes" },
    tier: "mn-tier-provider", rules: ["blood_thinners", "area_eyes"],
    text: ["Do not stop or change any medicine on your own."],
    book: "once a doctor says it is OK",
  },
  {
    name: "active cold sore on the lips",
    concerns: ["fine_lines"], areas: ["lips_mouth"], answers: { active_infection: "yes", cold_sores: "yes" },
    tier: "mn-tier-not-now", rules: ["active_infection", "cold_sores", "area_lips"],
  },
  {
    name: "rosacea routes to a provider with no session plan",
    concerns: ["redness_rosacea"], areas: ["cheeks"], answers: {},
    tier: "mn-tier-provider", rules: ["concern_rosacea"],
    text: ["A provider needs to see your skin before they can plan sessions for this."],
  },
  {
    name: "stretch marks on the thighs: body areas need 4 to 6 sessions",
    concerns: ["stretch_marks"], areas: ["thighs_hips"], answers: {},
    tier: "mn-tier-good", rules: ["area_off_label"], plan: { body: "4 to 6 sessions in total", downtime: "3 to 7 days" },
  },
  {
    name: "a chemical peel 6 days ago: eligible 14 days after it",
    concerns: ["texture"], areas: ["cheeks"], answers: { recent_resurfacing: "yes", resurfacing_date: peel },
    tier: "mn-tier-not-now", rules: ["recent_resurfacing", "resurfacing_tell"], eligible: addDays(peel, 14),
  },
  {
    name: "not sure about pregnancy is read as a possible yes",
    concerns: ["texture"], areas: ["cheeks"], answers: { pregnant_nursing: "unsure" },
    tier: "mn-tier-not-now", rules: ["pregnant_nursing"], text: ["You said you were not sure, so we took the safe side."],
  },
  {
    name: "Botox three months ago: the provider decides the wait",
    concerns: ["fine_lines"], areas: ["frown_lines"], answers: { recent_injections: "yes", injections_date: isoMonthsAgo(3) },
    tier: "mn-tier-provider", rules: ["injections_review"],
  },
];

for (const j of journeys) {
  test(j.name, async ({ page }) => {
    const w = new Widget(page);
    await w.journey(j);
    expect(await w.tier()).toBe(j.tier);
    const rules = await w.flagRules();
    for (const r of j.rules) expect(rules).toContain(r);
    if (j.rules.length === 0) expect(rules).toEqual([]);
    for (const [key, words] of Object.entries(j.plan ?? {})) {
      await expect(page.locator(`[data-plan=${key}]`)).toContainText(words);
    }
    for (const t of j.text ?? []) await expect(page.locator(".mn-results")).toContainText(t);
    if (j.eligible) {
      await expect(page.locator(".mn-eligible-all")).toHaveAttribute("data-eligible", j.eligible);
    }
    const book = page.locator(".mn-book");
    if (j.book) await expect(book).toContainText(j.book);
    else if (j.tier === "mn-tier-not-now") await expect(book).toHaveCount(0);
    // Every results screen carries the warning signs and the sources.
    await expect(page.locator(".mn-red-flags li")).toHaveCount(8);
    await expect(page.locator(".mn-sources li").first()).toBeVisible();
    expect(w.errors).toEqual([]);
  });
}

test("changing an answer from the results updates the outcome", async ({ page }) => {
  const w = new Widget(page);
  await w.journey({ concerns: ["fine_lines"], areas: ["forehead"] });
  expect(await w.tier()).toBe("mn-tier-good");
  // "Change an answer" takes focus to the list of answers.
  await page.getByRole("button", { name: "Change an answer" }).click();
  await expect(page.locator("#mn-h-answers")).toBeFocused();
  await page.getByRole("button", { name: /Change\s*: Do you have diabetes/ }).click();
  await expect(w.heading()).toHaveText("Do you have diabetes?");
  await expect(page.locator("#mn-answer-no")).toBeChecked();
  await w.answer("yes");
  await w.resultsComplete();
  expect(await w.tier()).toBe("mn-tier-provider");
  expect(await w.flagRules()).toContain("diabetes");
});

test("a first-session date gives a dated plan", async ({ page }) => {
  const w = new Widget(page);
  await w.journey({ concerns: ["acne_scars"], areas: ["cheeks"] });
  const first = addDays(isoDaysAgo(0), 30);
  await page.locator("#mn-first-session").fill(first);
  await page.locator("#mn-first-session").blur();
  const items = page.locator(".mn-timeline li");
  await expect(items.first()).toBeVisible();
  await expect(page.locator(".mn-timeline")).toContainText("Session 1");
  await expect(page.locator(".mn-timeline")).toContainText("Session 6");
});

test("start again clears the answers and the stored session", async ({ page }) => {
  const w = new Widget(page);
  await w.journey({ concerns: ["fine_lines"], areas: ["forehead"] });
  await page.getByRole("button", { name: "Start again" }).click();
  await expect(w.heading()).toHaveText("Is microneedling right for you?");
  const stored = await page.evaluate(() => Object.keys(sessionStorage));
  expect(stored).toEqual([]);
  await w.start();
  await expect(page.locator("input[type=checkbox]:checked")).toHaveCount(0);
});
