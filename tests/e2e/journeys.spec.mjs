// Whole visitor journeys through the real UI, from the engine's persona set: each checks the
// tier, the key reasons and the plan on the results screen.
import { test, expect } from "@playwright/test";
import { Widget } from "./widget.mjs";
import { readFileSync } from "node:fs";
import { addDays, addMonths, isoDaysAgo, isoMonthsAgo } from "./dates.mjs";

/** The last day an aftercare step applies, read from content/plan.toml. */
function untilDay(id) {
  const plan = readFileSync(new URL("../../content/plan.toml", import.meta.url), "utf8");
  const block = plan.split("[[aftercare]]").find((b) => b.includes(`id = "${id}"`));
  return Number(block.match(/^until_day = (\d+)/m)[1]);
}

const stopped = isoMonthsAgo(4);
const peel = isoDaysAgo(6);
const dermaplaning = isoDaysAgo(5);

const journeys = [
  {
    name: "healthy adult with fine lines can book",
    concerns: ["fine_lines"], areas: ["forehead"], answers: {},
    tier: "mn-tier-good", rules: [], plan: { sessions: "3 to 6 sessions", spacing: "4 to 6 weeks apart", downtime: "1 to 3 days" },
    book: "Book a consultation and show them this page",
  },
  {
    name: "pregnant visitor with acne scars is not suitable now",
    concerns: ["acne_scars"], areas: ["cheeks"], answers: { pregnant_nursing: "yes" },
    tier: "mn-tier-not-now", rules: ["pregnant_nursing"], plan: { sessions: "3 to 6 sessions", spacing: "4 to 5 weeks apart" },
    text: ["When you are not pregnant, not trying to get pregnant and not breastfeeding."],
  },
  {
    name: "a 16-year-old is not suitable now",
    concerns: ["acne_scars"], areas: ["cheeks"], answers: { age: 16 },
    tier: "mn-tier-not-now", rules: ["under_min_age"],
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
    text: ["Never stop a medicine on your own."], next: "doctor",
  },
  {
    name: "active cold sore on the lips",
    concerns: ["fine_lines"], areas: ["lips_mouth"], answers: { cold_sore_now: "yes", cold_sores: "yes" },
    tier: "mn-tier-not-now", rules: ["cold_sore_now", "cold_sores", "area_lips"],
    text: ["Once the cold sore has fully healed."],
  },
  {
    // The clinical review's example: the infection question asks about the treated area, so the
    // truthful answer for a sore on the lip is No; the cold sore is still caught.
    name: "cold sore on the lip while wanting the neck treated is not suitable now",
    concerns: ["fine_lines"], areas: ["neck"], answers: { active_infection: "no", cold_sore_now: "yes" },
    tier: "mn-tier-not-now", rules: ["cold_sore_now"], asked: ["cold_sore_now", "cold_sores"],
  },
  {
    name: "active acne on the arms is not suitable now",
    concerns: ["other_scars"], areas: ["arms"], answers: { active_acne: "yes" },
    tier: "mn-tier-not-now", rules: ["active_acne"], asked: ["active_acne"],
  },
  {
    name: "radiotherapy to the chest years ago: see a provider or doctor first",
    concerns: ["texture"], areas: ["chest"], answers: { radiotherapy_area: "yes" },
    tier: "mn-tier-provider", rules: ["radiotherapy_area"], next: "doctor", text: ["Ask your cancer team or doctor before you book"],
  },
  {
    name: "dermaplaning 5 days ago: eligible 14 days after it",
    concerns: ["texture"], areas: ["cheeks"], answers: { recent_treatment: "yes", treatment_date: dermaplaning },
    tier: "mn-tier-not-now", rules: ["recent_treatment", "treatment_tell"], eligible: addDays(dermaplaning, 14),
  },
  {
    name: "a mole taken out of the cheek recently: see a provider or doctor first",
    concerns: ["fine_lines"], areas: ["cheeks"], answers: { recent_surgery: "yes" },
    tier: "mn-tier-provider", rules: ["recent_surgery"], next: "doctor",
  },
  {
    name: "sun spots on the hands: can book, and a provider checks what the spots are",
    concerns: ["sun_spots"], areas: ["hands"], answers: {},
    tier: "mn-tier-good", rules: ["concern_pigment", "area_off_label"], book: "Book a consultation and show them this page",
    text: ["Ask the provider to look at your spots before any treatment."],
  },
  {
    name: "occasional ibuprofen counts as a blood thinner: ask the prescriber or the provider",
    concerns: ["fine_lines"], areas: ["forehead"], answers: { blood_thinners: "yes" },
    tier: "mn-tier-provider", rules: ["blood_thinners"], next: "doctor",
    text: ["never stop it on your own", "If you bought it yourself, like ibuprofen", "whether to pause it"],
  },
  {
    name: "rosacea routes to a provider with no session plan",
    concerns: ["redness_rosacea"], areas: ["cheeks"], answers: {},
    tier: "mn-tier-provider", rules: ["concern_rosacea"], next: "book",
    text: ["A provider needs to see your skin before they can plan sessions for this."],
  },
  {
    name: "stretch marks on the thighs: body areas need 4 to 6 sessions",
    concerns: ["stretch_marks"], areas: ["thighs_hips"], answers: {},
    tier: "mn-tier-good", rules: ["area_off_label"], plan: { body: "4 to 6 sessions in total", downtime: "3 to 7 days" },
  },
  {
    name: "a chemical peel 6 days ago: eligible 14 days after it",
    concerns: ["texture"], areas: ["cheeks"], answers: { recent_treatment: "yes", treatment_date: peel },
    tier: "mn-tier-not-now", rules: ["recent_treatment", "treatment_tell"], eligible: addDays(peel, 14),
  },
  {
    name: "not sure about pregnancy is read as a possible yes",
    concerns: ["texture"], areas: ["cheeks"], answers: { pregnant_nursing: "unsure" },
    tier: "mn-tier-not-now", rules: ["pregnant_nursing"],
    text: ["Not sure: we took the safe side", "so we cannot say it is safe right now"],
  },
  {
    name: "Botox three months ago: the provider decides the wait",
    concerns: ["fine_lines"], areas: ["frown_lines"], answers: { recent_injections: "yes", injections_date: isoMonthsAgo(3) },
    tier: "mn-tier-provider", rules: ["injections_review"], next: "book",
  },
];

for (const j of journeys) {
  test(j.name, async ({ page }) => {
    const w = new Widget(page);
    const asked = await w.journey(j);
    for (const id of j.asked ?? []) expect(asked).toContain(id);
    expect(await w.tier()).toBe(j.tier);
    const rules = await w.flagRules();
    for (const r of j.rules) expect(rules).toContain(r);
    if (j.rules.length === 0) expect(rules).toEqual([]);
    // The next step: booking only when nothing needs a doctor first; never for not now.
    const next = j.next ?? { "mn-tier-good": "book", "mn-tier-not-now": "ask" }[j.tier];
    expect(next, "every see-a-provider journey says which next step it expects").toBeTruthy();
    expect(await w.nextStep()).toBe(next);
    // Everything else is on demand: open what this journey checks.
    for (const id of ["plan", "prep", "red_flags", "sources"]) await w.openSection(id);
    for (const [key, words] of Object.entries(j.plan ?? {})) {
      await expect(page.locator(`[data-plan=${key}]`)).toContainText(words);
    }
    for (const t of j.text ?? []) await expect(page.locator(".mn-results")).toContainText(t);
    if (j.eligible) {
      await expect(page.locator(".mn-eligible-all")).toHaveAttribute("data-eligible", j.eligible);
    }
    const book = page.locator(".mn-book");
    if (j.book) await expect(book).toContainText(j.book);
    if (next !== "book") await expect(book).toHaveCount(0);
    else await expect(book).toHaveAttribute("href", /^https:\/\//);
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
  // "Change an answer" opens the list of answers and takes focus there.
  await page.getByRole("button", { name: "Change an answer" }).click();
  await expect(page.locator("#mn-h-answers button")).toBeFocused();
  await expect(page.locator("#mn-h-answers button")).toHaveAttribute("aria-expanded", "true");
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
  await w.openSection("plan");
  const first = addDays(isoDaysAgo(0), 30);
  await page.locator("#mn-first-session").fill(first);
  await page.locator("#mn-first-session").blur();
  const items = page.locator(".mn-timeline li");
  await expect(items.first()).toBeVisible();
  await expect(page.locator(".mn-timeline")).toContainText("Session 1");
  await expect(page.locator(".mn-timeline")).toContainText("Session 6");
  // The end of an aftercare step reads as an end, on the day after its last day.
  const makeup = page.locator(".mn-timeline li", { hasText: "You can wear makeup again." });
  await expect(makeup).toHaveCount(1);
  const expected = await page.evaluate(
    (iso) => new Date(`${iso}T12:00:00`).toLocaleDateString("en", { dateStyle: "long" }),
    addDays(first, untilDay("after_no_makeup") + 1),
  );
  await expect(makeup).toContainText(expected);
  await expect(page.locator(".mn-timeline")).not.toContainText("No makeup.");
});

test("under the minimum age the check ends after the age question", async ({ page }) => {
  const w = new Widget(page);
  await w.open();
  await w.start();
  await w.chooseConcerns(["acne_scars"]);
  await w.chooseAreas(["cheeks"]);
  expect(await w.questionId()).toBe("age");
  await w.answer(16);
  await w.resultsComplete();
  expect(await w.tier()).toBe("mn-tier-not-now");
  expect(await w.flagRules()).toEqual(["under_min_age"]);
  await expect(page.locator(".mn-ended-early")).toContainText("We stopped after your age");
  // Only what was asked is listed: concerns, areas and age.
  await w.openSection("answers");
  await expect(page.locator(".mn-answers .mn-answer-row")).toHaveCount(3);
  await expect(page.locator(".mn-results")).not.toContainText("not sure");
  await expect(page.locator(".mn-book")).toHaveCount(0);
  // Changing the age to an adult one carries on with the questions not yet asked.
  await page.getByRole("button", { name: /Change\s*: How old are you/ }).click();
  await w.answer(30);
  expect(await w.questionId()).toBe("changing_mole");
});

test("date questions ask for the latest day it could have been", async ({ page }) => {
  const w = new Widget(page);
  await w.open();
  await w.start();
  await w.chooseConcerns(["texture"]);
  await w.chooseAreas(["cheeks"]);
  for (let i = 0; i < 60 && (await w.questionId()) !== "treatment_date"; i++) {
    const id = await w.questionId();
    await w.answer(id === "age" ? 40 : id === "recent_treatment" ? "yes" : "no");
  }
  expect(await w.questionId()).toBe("treatment_date");
  await expect(page.locator("#mn-q-hint")).toContainText("choose the latest day it could have been");
  // A day in the future is refused with the window named, and nothing moves on.
  await page.locator("#mn-answer-input").fill(addDays(isoDaysAgo(0), 1));
  await w.next();
  await expect(page.locator(".mn-error")).toContainText("to today");
  expect(await w.questionId()).toBe("treatment_date");
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

// The engine counts whole days; the browser gives today and writes dates at noon. At the
// world's two farthest time zones a chosen day stays that day in the dated plan.
for (const timezoneId of ["Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
  test.describe(timezoneId, () => {
    test.use({ timezoneId });
    test(`dates do not shift a day in ${timezoneId}`, async ({ page }) => {
      const w = new Widget(page);
      await w.journey({ concerns: ["acne_scars"], areas: ["cheeks"] });
      await w.openSection("plan");
      const today = await page.evaluate(() => {
        const d = new Date();
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
      });
      const first = addDays(today, 30);
      await page.locator("#mn-first-session").fill(first);
      await page.locator("#mn-first-session").blur();
      const written = (iso) => page.evaluate((d) => new Date(`${d}T12:00:00`).toLocaleDateString("en", { dateStyle: "long" }), iso);
      await expect(page.locator(".mn-timeline li", { hasText: "Session 1" })).toContainText(await written(first));
      const makeup = page.locator(".mn-timeline li", { hasText: "You can wear makeup again." });
      await expect(makeup).toContainText(await written(addDays(first, untilDay("after_no_makeup") + 1)));
    });
  });
}
