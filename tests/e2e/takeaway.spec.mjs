// Take-aways: what a visitor carries from the check to the consultation, with no server. A
// printed copy (rendered to PDF), a calendar file (read by Python's icalendar, an independent
// parser), a QR hand-over (the picture decoded and opened as clinic staff would), and save and
// resume (through a reload and a real browser restart).
import { test, expect, chromium } from "@playwright/test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { Widget } from "./widget.mjs";
import { chromiumArgs } from "./playwright.config.mjs";
import { ORIGINS } from "./server.mjs";
import { addDays, addMonths, isoDaysAgo } from "./dates.mjs";
import { read, root, ui } from "./content.mjs";

/** A concern's course, read from content/concerns.toml. */
function course(id) {
  const block = read("content/concerns.toml").split("[[concern]]").find((b) => b.includes(`id = "${id}"`));
  const range = (name) => block.match(new RegExp(`${name} = \\{ min = (\\d+), max = (\\d+) \\}`)).slice(1).map(Number);
  return { sessions: range("sessions"), spacing: range("spacing_weeks"), maintenance: range("maintenance_months") };
}
function untilDay(id) {
  const block = read("content/plan.toml").split("[[aftercare]]").find((b) => b.includes(`id = "${id}"`));
  return Number(block.match(/^until_day = (\d+)/m)[1]);
}
const packVersion = () => read("content/pack.toml").match(/^version = "(.+)"$/m)[1];

const GOOD = { concerns: ["fine_lines"], areas: ["forehead"], answers: {} };
const DOCTOR = { concerns: ["fine_lines"], areas: ["cheeks"], answers: { diabetes: "yes", blood_thinners: "yes" } };
const NOT_NOW = { concerns: ["acne_scars"], areas: ["cheeks"], answers: { pregnant_nursing: "yes", keloid: "yes" } };

async function pickFirstSession(page, iso) {
  const w = new Widget(page);
  await w.openSection("plan");
  await page.locator("#mn-first-session").fill(iso);
  await page.locator("#mn-first-session").blur();
  await expect(page.locator(".mn-timeline li").first()).toBeVisible();
}

/** The PDF's pages and text, read with pdf.js. */
async function readPdf(bytes) {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => it.str).join(" ").replace(/\s+/g, " "));
  }
  return { count: doc.numPages, text: pages.join(" ") };
}

for (const visitor of [{ name: "good to book", ...GOOD, first: true }, { name: "not now", ...NOT_NOW, first: false }]) {
  test(`the printed results of a ${visitor.name} visitor fit one or two pages, A4 and Letter, with or without the answers`, async ({ page }) => {
    const w = new Widget(page);
    await w.journey(visitor);
    if (visitor.first) await pickFirstSession(page, addDays(isoDaysAgo(0), 30));
    // Whatever the visitor left open or closed.
    await w.openSection("sources");
    await page.emulateMedia({ media: "print" });
    for (const format of ["A4", "Letter"]) {
      const { count, text } = await readPdf(await page.pdf({ format }));
      expect(count, `${format} pages`).toBeGreaterThanOrEqual(1);
      expect(count, `${format} pages`).toBeLessThanOrEqual(2);
      // The outcome and its reasons, the next step, the plan, care, warning signs, questions,
      // the clinic and the content's version and review status.
      const headline = await page.locator(".mn-tier-title").innerText();
      expect(text).toContain(headline);
      for (const rule of await w.flagRules()) {
        const title = read(`content/locales/en.toml`).split(`[flags.${rule}]`)[1].match(/^title = "(.*)"$/m)[1];
        expect(text).toContain(title);
      }
      for (const key of ["plan_heading", "prep_heading", "aftercare_heading", "red_flags_heading", "ask_heading"]) expect(text).toContain(ui(key));
      expect(text).toContain(await page.locator(".mn-review").innerText());
      expect(text).toContain(await page.locator(".mn-clinic-details").innerText());
      if (visitor.first) expect(text).toContain(ui("timeline_maintenance"));
      // Not the answers, unless asked for; never the take-aways' buttons.
      expect(text).not.toContain(ui("your_answers"));
      expect(text).not.toContain(ui("take_away_heading"));
    }
    await page.emulateMedia({ media: "screen" });
    await w.openSection("take_away");
    await page.locator("#mn-print-answers").check();
    await page.emulateMedia({ media: "print" });
    for (const format of ["A4", "Letter"]) {
      const { count, text } = await readPdf(await page.pdf({ format }));
      expect(count, `${format} pages with the answers`).toBeLessThanOrEqual(2);
      expect(text).toContain(ui("your_answers"));
      expect(text).toContain(ui("concerns_heading"));
    }
    // Changed back, and when the visitor leaves the results and comes back: no answers.
    const printed = async () => {
      await page.emulateMedia({ media: "print" });
      const { text } = await readPdf(await page.pdf({ format: "A4" }));
      await page.emulateMedia({ media: "screen" });
      return text;
    };
    await page.emulateMedia({ media: "screen" });
    await page.locator("#mn-print-answers").uncheck();
    expect(await printed()).not.toContain(ui("your_answers"));
    await page.locator("#mn-print-answers").check();
    await page.locator(".mn-change-answers").click();
    // The first question's "Change" (after the concerns' and the areas'), then back.
    await page.locator("#mn-s-answers .mn-link").nth(2).click();
    await w.next();
    await w.resultsComplete();
    await expect(page.locator("#mn-print-answers")).not.toBeChecked();
    expect(await printed()).not.toContain(ui("your_answers"));
  });
}

test("the calendar file has every step of the plan on the right days, read by an independent parser", async ({ page }, info) => {
  const w = new Widget(page);
  await w.journey(GOOD);
  const first = addDays(isoDaysAgo(0), 30);
  await pickFirstSession(page, first);
  await w.openSection("take_away");
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".mn-ics").click()]);
  expect(download.suggestedFilename()).toBe(`microneedling-plan-${first}.ics`);
  const file = info.outputPath("plan.ics");
  await download.saveAs(file);
  const parsed = JSON.parse(execFileSync("python3", [new URL("scripts/ics_check.py", root).pathname, file], { encoding: "utf8" }));
  const events = parsed.events;
  // One entry per line of the dated plan on the screen, every one a whole day.
  expect(events.length).toBe(await page.locator(".mn-timeline li").count());
  for (const e of events) {
    expect(e.all_day).toBe(true);
    expect(e.end).toBe(addDays(e.start, 1));
  }
  // Every entry reads as its line of the timeline on the screen.
  const entry = (what) => ui("calendar_event").replace("{what}", what);
  expect(events.map((e) => e.summary)).toEqual(
    (await page.locator(".mn-timeline li").allInnerTexts()).map((t) => entry(t.slice(t.indexOf(": ") + 2))),
  );
  // Every session at the planned spacing, from the content's own figures; those past the
  // lowest count "if needed".
  const c = course("fine_lines");
  for (let n = 1; n <= c.sessions[1]; n++) {
    const what = ui(n > c.sessions[0] ? "timeline_session_if_needed" : "timeline_session").replace("{n}", n);
    expect(events.find((e) => e.summary === entry(what))?.start, `session ${n}`).toBe(addDays(first, (n - 1) * 7 * c.spacing[0]));
  }
  // Preparation before the first session (what to stop and when), the day makeup is fine again,
  // and the first top-up.
  const items = read("content/locales/en.toml").split("[items]")[1].split("\n[")[0];
  const prep = events.filter((e) => e.start < first);
  expect(prep.length).toBeGreaterThan(0);
  for (const e of prep) expect(items).toContain(e.summary.slice(entry("").length));
  const makeupText = read("content/locales/en.toml").split("[ends]")[1].match(/^after_no_makeup = "(.*)"$/m)[1];
  expect(events.find((e) => e.summary === entry(makeupText)).start).toBe(addDays(first, untilDay("after_no_makeup") + 1));
  expect(events.find((e) => e.summary === entry(ui("timeline_maintenance"))).start).toBe(
    addMonths(addDays(first, (c.sessions[0] - 1) * 7 * c.spacing[0]), c.maintenance[0]),
  );
  for (const e of events) expect(e.description).toContain(ui("calendar_note").split("{clinic}")[1]);
  expect(parsed.name).toBe(ui("calendar_name"));

  // The hand-over code carries the picked date, and a code on show follows a new one.
  await page.locator(".mn-handover-show").click();
  expect(await scanQr(page)).toContain(`.${first}~`);
  const later = addDays(first, 7);
  await page.locator("#mn-first-session").fill(later);
  await page.locator("#mn-first-session").blur();
  await expect.poll(() => scanQr(page)).toContain(`.${later}~`);
});

test("without a first-session date there is no calendar file, only how to get one", async ({ page }) => {
  const w = new Widget(page);
  await w.journey(GOOD);
  await w.openSection("take_away");
  await expect(page.locator(".mn-ics")).toHaveCount(0);
  await expect(page.locator("[data-take=calendar]")).toHaveText(ui("calendar_pick_date"));
});

/** The QR code on the screen, decoded from a screenshot of it. */
/** The QR code on show, read from a screenshot: its text and its version (size). */
async function readQr(page) {
  const png = PNG.sync.read(await page.locator(".mn-qr svg").screenshot());
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(found, "a readable QR code").not.toBeNull();
  return found;
}
const scanQr = async (page) => (await readQr(page)).data;

test("the QR hand-over: the visitor sees what it holds, staff scan it and get a read-only summary", async ({ page, browser }) => {
  const w = new Widget(page);
  await w.journey(DOCTOR);
  const tier = await w.tier();
  const rules = await w.flagRules();
  await w.openSection("take_away");
  // What the code holds, before it is shown.
  const holds = page.locator(".mn-handover-holds");
  await expect(holds).toContainText(read("content/locales/en.toml").split("[concerns.fine_lines]")[1].match(/^label = "(.*)"$/m)[1]);
  await expect(holds).toContainText(await page.locator(".mn-tier-title").innerText());
  await expect(page.locator(".mn-qr svg")).toHaveCount(0);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.locator(".mn-handover-show").click();
  const qr = await readQr(page);
  const link = qr.data;
  // A small code, which any phone camera reads from another phone's screen: version 12 (65 by
  // 65 modules) at most, for a visitor who answered a dozen more questions than most.
  expect(qr.version).toBeLessThanOrEqual(12);
  expect((await new AxeBuilder({ page }).include("#app").analyze()).violations).toEqual([]);
  // The answers are in the fragment, which a browser never sends; the page asked its own site
  // for the QR module only.
  expect(link).toMatch(new RegExp(`^${ORIGINS.widget}/#handover=h2~`));
  expect(requests.every((u) => u.startsWith(`${ORIGINS.widget}/takeaway/`))).toBe(true);

  // Clinic staff, on their own device (which keeps answers of its own: left alone).
  const staff = await (await browser.newContext()).newPage();
  await staff.goto("/");
  // (Planted once the app has started: an app starting after it would read it as a corrupt
  // kept copy and rightly drop it.)
  await expect(staff.locator(".mn-widget:not([data-static])")).toHaveAttribute("data-step", "welcome");
  await staff.evaluate(() => localStorage.setItem("mn-selfcheck.kept", "their own"));
  await staff.goto(link);
  await expect(staff.locator(".mn-staff")).toBeVisible();
  await expect(staff.locator(".mn-results")).toHaveAttribute("data-tier", tier);
  for (const rule of rules) await expect(staff.locator(`[data-rule=${rule}]`)).toHaveCount(1);
  await expect(staff.locator("#mn-s-answers")).toBeVisible();
  await expect(staff.locator("#mn-s-answers")).toContainText(read("content/locales/en.toml").split("[questions.diabetes]")[1].match(/^title = "(.*)"$/m)[1]);
  // Read only, and nothing of it kept: no way to change answers or book, no stored copy, and
  // the address no longer holds the code.
  await expect(staff.locator("#mn-s-answers button")).toHaveCount(0);
  expect((await new AxeBuilder({ page: staff }).include("#app").analyze()).violations).toEqual([]);
  await expect(staff.locator(".mn-next, .mn-change-answers, [data-section=take_away], .mn-keep")).toHaveCount(0);
  expect(new URL(staff.url()).hash).toBe("");
  expect(await staff.evaluate(() => [sessionStorage.length, localStorage.getItem("mn-selfcheck.kept")])).toEqual([0, "their own"]);
  await staff.locator(".mn-restart").click();
  await expect(staff.locator(".mn-widget")).toHaveAttribute("data-step", "welcome");
  await staff.context().close();

  // Hidden again in one tap.
  await page.locator(".mn-handover-hide").click();
  await expect(page.locator(".mn-qr-figure")).toBeHidden();
});

/** CRC-32 (IEEE), to re-seal a code that was edited on purpose. */
function crc32(text) {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text)) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, "0");
}
function seal(parts) {
  const body = parts.join("~");
  return `${body}~${crc32(body)}`;
}
/** Where an id stands in its content file: a code names concerns, areas and questions by their
 * place (base 36, one digit while every list has at most 36 entries). */
function place(file, id) {
  const ids = [...read(`content/${file}.toml`).matchAll(/^id = "(.+)"$/gm)].map((m) => m[1]);
  expect(ids.length).toBeLessThanOrEqual(36);
  return ids.indexOf(id).toString(36);
}

test("a damaged, cut, edited or other-version code gets a clear message, and the widget still works", async ({ page }) => {
  const today = isoDaysAgo(0);
  // Chosen, nothing answered: every unanswered question counts as "not sure", so not now.
  const answers = `${place("concerns", "fine_lines")}.${place("areas", "forehead")}.`;
  const body = ["h2", packVersion(), today, "n", answers];
  const good = seal(body);
  const questions = read("content/questions.toml").match(/^id = /gm).length;
  const cases = [
    ["cut short", good.slice(0, good.length - 12), "handover_damaged"],
    ["a character changed", good.replace("~n~", "~p~"), "handover_damaged"],
    ["not a code", "hello", "handover_damaged"],
    ["another content version", seal(["h2", "1999.1.1", ...body.slice(2)]), "handover_other_version"],
    ["an answer to a question the content does not have", seal([...body.slice(0, 4), `${answers}${questions.toString(36)}y`]), "handover_refused"],
    // Someone re-sealed it to say "good to book": caught, never shown.
    ["the outcome edited", seal([...body.slice(0, 3), "g", body[4]]), "handover_changed"],
  ];
  for (const [name, code, key] of cases) {
    await page.goto("about:blank");
    await page.goto(`/#handover=${code}`);
    await expect(page.locator(".mn-notice"), name).toHaveText(ui(key));
    await expect(page.locator(".mn-widget:not([data-static])")).toHaveAttribute("data-step", "welcome");
    await expect(page.locator(".mn-staff")).toHaveCount(0);
  }
  // The sound one opens the summary, even scanned into a tab that already shows the widget.
  await page.evaluate((code) => (location.hash = `handover=${code}`), good);
  await expect(page.locator(".mn-staff")).toBeVisible();
});

test("save and resume: kept only when asked, through a reload and a browser restart, and forgotten in one tap", async ({}, info) => {
  const dir = mkdtempSync(join(tmpdir(), "mn-profile-"));
  const launch = () => chromium.launchPersistentContext(dir, { executablePath: "/usr/bin/chromium", args: chromiumArgs, baseURL: ORIGINS.widget, serviceWorkers: "block" });
  try {
    let context = await launch();
    let page = context.pages()[0] ?? (await context.newPage());
    let w = new Widget(page);
    await w.open("/");
    await w.start();
    await w.chooseConcerns(["acne_scars"]);
    await w.chooseAreas(["cheeks"]);
    const step = await w.step();
    // Not kept until the visitor asks.
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.locator("#mn-keep").check();
    await expect(page.locator("#mn-keep-hint")).toHaveText(ui("keep_on_hint"));
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(["mn-selfcheck.kept"]);
    await context.close();

    // The browser is closed and opened again: the answers and the place are back.
    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    w = new Widget(page);
    await w.open("/");
    await expect(page.locator(".mn-notice")).toHaveText(ui("kept_restored"));
    expect(await w.step()).toBe(step);
    await expect(page.locator("#mn-keep")).toBeChecked();
    await w.answerAll({});
    expect(await w.tier()).toBe("mn-tier-good");
    await page.reload();
    await expect(page.locator(".mn-widget:not([data-static])")).toHaveAttribute("data-step", "results");

    // Start again empties the kept copy (the choice stays ticked for the new answers).
    await page.locator(".mn-restart").click();
    await expect(page.locator(".mn-widget")).toHaveAttribute("data-step", "welcome");
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await expect(page.locator("#mn-keep")).toBeChecked();
    await w.start();
    await w.chooseConcerns(["fine_lines"]);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(["mn-selfcheck.kept"]);

    // Forget: nothing left on the device, focus back on the choice, and a new visit starts fresh.
    await page.locator(".mn-forget").click();
    await expect(page.locator("#mn-keep")).toBeFocused();
    await expect(page.locator(".mn-notice")).toHaveText(ui("kept_forgotten"));
    await expect(page.locator("#mn-keep")).not.toBeChecked();
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await context.close();
    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    await new Widget(page).open("/");
    await expect(page.locator(".mn-widget:not([data-static])")).toHaveAttribute("data-step", "welcome");
    await expect(page.locator(".mn-notice")).toHaveCount(0);
    await context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const [name, stored] of [
  ["corrupt", () => "~~%%not answers"],
  ["from an older content version", () => "1999.1.1~results~mn1;c=fine_lines;a=forehead;q="],
  ["with answers this version refuses", (v) => `${v}~results~mn1;c=nosuch;a=;q=`],
]) {
  test(`kept answers that are ${name} are dropped with a short notice, never a crash`, async ({ page }) => {
    const w = new Widget(page);
    await page.addInitScript(([value]) => {
      if (!sessionStorage.getItem("planted")) {
        sessionStorage.setItem("planted", "1");
        localStorage.setItem("mn-selfcheck.kept", value);
      }
    }, [stored(packVersion())]);
    await w.open("/");
    await expect(page.locator(".mn-notice")).toHaveText(ui("kept_dropped"));
    await expect(page.locator(".mn-widget:not([data-static])")).toHaveAttribute("data-step", "welcome");
    expect(await page.evaluate(() => localStorage.getItem("mn-selfcheck.kept"))).toBeNull();
    await w.start();
    expect(w.errors).toEqual([]);
  });
}

test("a kiosk offers the QR hand-over only: no keeping, no print, no file, and a kept copy is wiped", async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem("mn-selfcheck.kept", "x~welcome~mn1;c=;a=;q="));
  const w = new Widget(page);
  await w.open("/?kiosk=1");
  await expect(page.locator("#mn-keep")).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  await w.start();
  await w.chooseConcerns(GOOD.concerns);
  await w.chooseAreas(GOOD.areas);
  await w.answerAll({});
  await w.openSection("take_away");
  await expect(page.locator(".mn-print, #mn-print-answers, .mn-ics")).toHaveCount(0);
  await page.locator(".mn-handover-show").click();
  expect(await scanQr(page)).toContain("#handover=h2~");
});
