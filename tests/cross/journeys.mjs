// The journeys every engine must pass (issue 16): personas for every tier, a date question
// typed as a visitor types it, the widget's Back and the browser's Back and Forward, a reload in
// the middle, a whole journey by keyboard alone, and no errors on the page in any of them.
// webkit.test.mjs and firefox.test.mjs run this suite in their engine; Chromium runs the same
// journeys (and more) in tests/e2e/ with Playwright.
//
// Later issues add their key journeys here: embed auto-height, the language switch with right to
// left, the QR hand-over to the staff summary, answers kept on the device, and a kiosk's Back
// and reset (offline, print and the calendar download are still Chromium only).
import { describe, it, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { launch, RESULTS } from "./engines.mjs";
import { serve } from "./server.mjs";
import { start as startSites, ORIGINS } from "../e2e/server.mjs";
import { By } from "selenium-webdriver";
import { Widget, Key } from "./widget.mjs";
import { addDays, isoDaysAgo } from "../e2e/dates.mjs";
import { ui } from "../e2e/content.mjs";

// The built widget to test: dist/ by default (the test command builds it just before).
const DIST = process.env.CROSS_DIST ?? "dist";
const TEST_TIMEOUT = 120_000;

const personas = [
  {
    name: "healthy adult with fine lines on the forehead can book",
    concerns: ["fine_lines"], areas: ["forehead"], answers: {},
    tier: "mn-tier-good",
  },
  {
    name: "on blood thinners, around the eyes: see a provider first",
    concerns: ["fine_lines"], areas: ["around_eyes"], answers: { blood_thinners: "yes" },
    tier: "mn-tier-provider", rules: ["blood_thinners", "area_eyes"],
  },
  {
    name: "pregnant visitor with acne scars is not suitable now",
    concerns: ["acne_scars"], areas: ["cheeks"], answers: { pregnant_nursing: "yes" },
    tier: "mn-tier-not-now", rules: ["pregnant_nursing"],
  },
  {
    name: "not sure about pregnancy is read as a possible yes",
    concerns: ["texture"], areas: ["cheeks"], answers: { pregnant_nursing: "unsure" },
    tier: "mn-tier-not-now", rules: ["pregnant_nursing"],
  },
  {
    name: "a 16-year-old: the check ends after the age question",
    concerns: ["acne_scars"], areas: ["cheeks"], answers: { age: 16 },
    tier: "mn-tier-not-now", rules: ["under_min_age"], asked: ["age"],
  },
];

export function suite(engineId) {
  let browser, server, w;

  describe(`${engineId} (WebDriver)`, { timeout: 30 * 60_000 }, () => {
    before(async () => {
      server = await serve(DIST);
      browser = await launch(engineId);
      w = new Widget(browser.driver, server.url);
      console.log(`# ${browser.engine.label} ${browser.version} against ${DIST}/ at ${server.url}`);
    });

    after(async () => {
      await browser?.stop();
      await server?.close();
    });

    /** A new tab, with every other one closed: its own session storage and history, and the
     * only tab (WebKit's MiniBrowser never finishes loading a page in a tab behind another). */
    const freshTab = async () => {
      const d = browser.driver;
      const old = await d.getAllWindowHandles();
      await d.switchTo().newWindow("tab");
      const fresh = await d.getWindowHandle();
      for (const h of old) {
        await d.switchTo().window(h);
        await d.close();
      }
      await d.switchTo().window(fresh);
    };

    // Each test in a new tab.
    beforeEach(freshTab);

    /** A test that saves a screenshot, the page and its errors when it fails, and that always
     * ends by checking the page reported no errors. */
    const test = (name, body) => it(name, { timeout: TEST_TIMEOUT }, async () => {
      try {
        await body();
        await w.settle();
        assert.deepEqual(await w.errors(), [], "errors reported by the page");
        const warnings = await w.warnings();
        if (warnings.length) console.log(`# ${engineId}: warnings on the page in "${name}": ${JSON.stringify(warnings)}`);
      } catch (err) {
        await evidence(engineId, name, w, err);
        throw err;
      }
    });

    for (const p of personas) {
      test(`${p.name} (${p.tier})`, async () => {
        const asked = await w.journey(p);
        assert.equal(await w.tier(), p.tier);
        const rules = await w.rules();
        for (const r of p.rules ?? []) assert.ok(rules.includes(r), `reason ${r} among ${JSON.stringify(rules)}`);
        if (p.asked) assert.deepEqual(asked, p.asked);
      });
    }

    // On a clinic's page (examples/clinic-page.html on another origin, served with the widget's
    // security headers by tests/e2e/server.mjs): the snippet's frame grows to fit each step with
    // no inner scrollbar, and the page hears each new screen.
    it("embedded on a clinic's page, the frame fits every step and the page hears each step", { timeout: TEST_TIMEOUT }, async () => {
      const d = browser.driver;
      const stop = startSites({ dir: DIST });
      try {
        await d.get(`${ORIGINS.clinic}/clinic-page.html`);
        await w.until(async () => (await d.findElements(By.css("iframe.selfcheck-frame"))).length === 1, "the widget's frame");
        await d.executeScript(`window.__steps = [];
          document.addEventListener("selfcheck:step", (e) => window.__steps.push(e.detail.step));`);
        const frame = await d.findElement(By.css("iframe.selfcheck-frame"));
        await d.executeScript("arguments[0].scrollIntoView()", frame);
        const fits = async (what) => {
          await d.switchTo().defaultContent();
          await w.until(async () => {
            const outer = (await frame.getRect()).height;
            await d.switchTo().frame(frame);
            const inner = await d.executeScript(`return { body: Math.ceil(document.body.getBoundingClientRect().height),
              scroll: document.scrollingElement.scrollHeight, view: document.scrollingElement.clientHeight };`);
            await d.switchTo().defaultContent();
            return Math.abs(outer - inner.body) <= 1 && inner.scroll <= inner.view;
          }, `the frame to fit ${what}`);
        };
        // WebDriver does not scroll the clinic's page to an element inside the frame (the frame
        // has no scrolling of its own), so each click first scrolls the page, as a visitor would.
        const click = w.click.bind(w);
        w.click = async (css) => {
          const y = await d.executeScript(`const e = document.querySelector(arguments[0]);
            return e ? e.getBoundingClientRect().top : null;`, css);
          if (y !== null) {
            await d.switchTo().defaultContent();
            await d.executeScript(`const f = arguments[0].getBoundingClientRect();
              scrollTo(0, scrollY + f.top + arguments[1] - innerHeight / 2);`, frame, y);
            await d.switchTo().frame(frame);
          }
          return click(css);
        };
        await d.switchTo().frame(frame);
        await w.untilApp();
        await fits("the welcome");
        await d.switchTo().frame(frame);
        await w.start();
        await fits("the concerns");
        await d.switchTo().frame(frame);
        await w.chooseConcerns(["fine_lines"]);
        await w.chooseAreas(["forehead"]);
        await w.answerAll({});
        await fits("the results");
        await d.switchTo().defaultContent();
        // (The welcome's own step event may come before or after the listener went on.)
        const steps = (await d.executeScript("return window.__steps")).filter((s) => s !== "welcome");
        assert.deepEqual(steps.slice(0, 3), ["concerns", "areas", "question"]);
        assert.equal(steps.at(-1), "results");
      } catch (err) {
        await d.switchTo().defaultContent().catch(() => {});
        await evidence(engineId, "embedded", w, err);
        throw err;
      } finally {
        w.click = Widget.prototype.click;
        stop();
      }
    });

    test("in Arabic the page runs right to left, and switching to Spanish mid-journey keeps the answers and the place", async () => {
      const d = browser.driver;
      await d.get(`${server.url}?lang=ar`);
      await w.untilApp();
      assert.equal(await d.executeScript("return document.documentElement.dir"), "rtl");
      assert.equal(await w.attr(".mn-widget", "lang"), "ar");
      await w.start();
      await w.chooseConcerns(["texture"]);
      await w.chooseAreas(["cheeks"]);
      await w.answer(35);
      await w.answer("no");
      const step = await w.step();
      // Back sits to the right of Next.
      const back = await d.findElement(By.css(".mn-nav button[type=button]")).getRect();
      const next = await d.findElement(By.css(".mn-nav button[type=submit]")).getRect();
      assert.ok(back.x > next.x, `Back (${back.x}) right of Next (${next.x})`);
      await w.click("#mn-language option[value=es]");
      await w.until(async () => (await d.executeScript("return document.documentElement.lang")) === "es", "the page in Spanish");
      assert.equal(await d.executeScript("return document.documentElement.dir"), "ltr");
      assert.equal(await w.step(), step);
      await w.back();
      await w.until(async () => d.executeScript("return document.querySelector('#mn-answer-no')?.checked === true"), "the earlier answer still chosen");
    });

    test("a date typed into the date input counts 14 days from that day (not now, with the day it ends)", async () => {
      await w.open();
      await w.start();
      await w.chooseConcerns(["texture"]);
      await w.chooseAreas(["cheeks"]);
      for (let i = 0; i < 60 && (await w.questionId()) !== "treatment_date"; i++) {
        const id = await w.questionId();
        assert.ok(id, "a question before treatment_date");
        await w.answer(id === "age" ? 40 : id === "recent_treatment" ? "yes" : "no");
      }
      assert.equal(await w.questionId(), "treatment_date");
      assert.equal(await w.attr("#mn-answer-input", "type"), "date");
      assert.equal(await w.prop("#mn-answer-input", "type"), "date", "the engine has a real date input");
      assert.match(await w.text("#mn-q-hint"), /choose the latest day it could have been/);
      // Tomorrow goes in as typed, and the widget refuses it with the window named.
      await w.typeDate(addDays(isoDaysAgo(0), 1));
      await w.next();
      await w.until(async () => /to today/.test((await w.text(".mn-error")) ?? ""), "the out-of-range message");
      assert.equal(await w.questionId(), "treatment_date");
      // Type 5 days ago over it: it goes in, and the results count from it.
      const day = isoDaysAgo(5);
      await w.answer(day);
      await w.answerAll({});
      assert.equal(await w.tier(), "mn-tier-not-now");
      assert.ok((await w.rules()).includes("recent_treatment"));
      const eligible = await w.until(() => w.attr(".mn-eligible-all", "data-eligible"), "data-eligible on .mn-eligible-all");
      assert.equal(eligible, addDays(day, 14));
    });

    test("the widget's Back button steps back without losing answers", async () => {
      await w.open();
      await w.start();
      await w.chooseConcerns(["acne_scars"]);
      await w.chooseAreas(["cheeks"]);
      await w.answer(29);
      await w.answer("unsure");
      await w.back();
      await w.until(() => w.prop("#mn-answer-not_sure", "checked"), "Not sure still chosen");
      await w.back();
      await w.untilStep("q:age");
      assert.equal(await w.prop("#mn-answer-input", "value"), "29");
      await w.back();
      await w.untilStep("areas");
      assert.equal(await w.prop("#mn-area-cheeks", "checked"), true);
      await w.back();
      await w.untilStep("concerns");
      assert.equal(await w.prop("#mn-concern-acne_scars", "checked"), true);
    });

    test("the browser's Back and Forward move between screens, and the address never changes", async () => {
      const d = browser.driver;
      await w.open();
      const url = await d.getCurrentUrl();
      await w.start();
      await w.chooseConcerns(["fine_lines"]);
      await w.chooseAreas(["forehead"]);
      await w.answer(50);
      await w.untilStep("q:changing_mole");
      await d.navigate().back();
      await w.untilStep("q:age");
      await w.untilHeading("How old are you?");
      assert.equal(await w.prop("#mn-answer-input", "value"), "50");
      await d.navigate().back();
      await w.untilStep("areas");
      assert.equal(await w.prop("#mn-area-forehead", "checked"), true);
      await d.navigate().forward();
      await w.untilStep("q:age");
      await d.navigate().forward();
      await w.untilStep("q:changing_mole");
      assert.equal(await d.getCurrentUrl(), url);
    });

    test("a reload in the middle lands on the same question with the answers kept", async () => {
      await w.open();
      await w.start();
      await w.chooseConcerns(["sun_spots"]);
      await w.chooseAreas(["cheeks"]);
      await w.answer(33);
      await w.answer("no");
      await w.answer("yes"); // active_infection: not now, unless changed
      const where = await w.step();
      assert.equal(where, "q:cold_sore_now");
      assert.deepEqual(await w.errors(), [], "errors before the reload");
      await w.reload();
      await w.untilStep(where);
      // The answers are there: step back through them.
      await w.back();
      await w.untilStep("q:active_infection");
      assert.equal(await w.prop("#mn-answer-yes", "checked"), true);
      await w.back();
      await w.untilStep("q:changing_mole");
      assert.equal(await w.prop("#mn-answer-no", "checked"), true);
      await w.back();
      await w.untilStep("q:age");
      assert.equal(await w.prop("#mn-answer-input", "value"), "33");
      // And on to the end from there, the kept "yes" still counting.
      await w.answer(33);
      await w.answerAll({ active_infection: "yes" });
      assert.equal(await w.tier(), "mn-tier-not-now");
      assert.ok((await w.rules()).includes("active_infection"));
    });

    test("a whole journey by keyboard alone (Tab, Space, arrows, typing, Enter), focus on each new heading", async () => {
      await w.open();
      await w.untilHeading("Is microneedling right for you?");
      // Welcome: Tab to Start, Enter.
      await w.keys(Key.TAB);
      assert.equal((await w.focused()).text, "Start");
      await w.keys(Key.ENTER);
      await w.untilStep("concerns");
      await w.untilFocusOnHeading();
      // Concerns: Tab to the first box, Space ticks it, Enter submits.
      await w.keys(Key.TAB, Key.SPACE);
      await w.until(() => w.prop("#mn-concern-fine_lines", "checked"), "fine_lines ticked by Space");
      await w.keys(Key.ENTER);
      await w.untilStep("areas");
      await w.untilFocusOnHeading();
      await w.keys(Key.TAB, Key.SPACE);
      await w.until(() => w.prop("#mn-area-forehead", "checked"), "forehead ticked by Space");
      await w.keys(Key.ENTER);
      await w.untilStep("q:age");
      await w.untilFocusOnHeading();
      await w.keys(Key.TAB, "41", Key.ENTER);
      const day = isoDaysAgo(3);
      for (let i = 0; i < 60; i++) {
        const step = await w.step();
        if (step === "results") break;
        const id = await w.questionId();
        assert.ok(id, `a question or the results, not ${step}`);
        await w.untilFocusOnHeading();
        await w.keys(Key.TAB);
        if (id === "treatment_date") {
          assert.equal((await w.focused()).id, "mn-answer-input", "Tab reaches the date input");
          await w.keys(await w.dateKeys(day));
          await w.until(async () => (await w.prop("#mn-answer-input", "value")) === day, `the typed date ${day} in the input`);
        } else if (id === "recent_treatment") {
          await w.keys(Key.SPACE); // the first option: Yes
          await w.until(() => w.prop("#mn-answer-yes", "checked"), "Yes chosen by Space");
        } else {
          await w.keys(Key.ARROW_DOWN); // from Yes to No: an arrow moves and selects
          await w.until(() => w.prop("#mn-answer-no", "checked"), `No chosen by an arrow on ${id}`);
        }
        await w.keys(Key.ENTER);
        await w.untilStepNot(step);
      }
      await w.untilResults();
      await w.untilFocusOnHeading();
      assert.equal(await w.tier(), "mn-tier-not-now");
      assert.ok((await w.rules()).includes("recent_treatment"));
      assert.equal(await w.attr(".mn-eligible-all", "data-eligible"), addDays(day, 14));
    });

    test("the QR hand-over: the code on the results reads back and opens the read-only staff summary", async () => {
      const d = browser.driver;
      await w.journey(personas[1]);
      const tier = await w.tier();
      const rules = (await w.rules()).sort();
      await w.click("[data-section=take_away] .mn-disclosure");
      await w.click(".mn-handover-show");
      // Drawn by the take-aways module (loaded on demand), then read from a screenshot of it,
      // as a phone's camera would.
      await w.until(async () => (await d.findElements(By.css("#mn-qr svg"))).length === 1, "the QR code drawn");
      // (Of the whole window, until a frame painted after the scroll reads: WebKit's screenshot
      // of the element alone comes out part black.)
      await d.executeScript("document.querySelector('#mn-qr').scrollIntoView({ block: 'center' })");
      const found = await w.until(async () => {
        const png = PNG.sync.read(Buffer.from(await d.takeScreenshot(), "base64"));
        return jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      }, "a readable QR code in a screenshot");
      assert.ok(found.data.startsWith(`${new URL(server.url).origin}/`), found.data);
      assert.match(found.data, /#handover=h2~/);

      // Clinic staff open the scanned address.
      await freshTab();
      await d.get(found.data);
      await w.until(async () => (await d.findElements(By.css(".mn-staff"))).length === 1, "the staff summary");
      assert.equal(await w.tier(), tier);
      assert.deepEqual((await w.rules()).sort(), rules);
      // Read only and kept nowhere: no booking, no changing answers, the code out of the address.
      assert.equal((await d.findElements(By.css(".mn-next, .mn-change-answers, #mn-s-answers button, .mn-keep"))).length, 0);
      assert.equal(new URL(await d.getCurrentUrl()).hash, "");
      assert.equal(await d.executeScript("return sessionStorage.length + localStorage.length"), 0);
    });

    test("answers kept on this device come back in a new tab, and Forget removes them", async () => {
      const d = browser.driver;
      try {
        await w.open();
        await w.start();
        assert.equal(await d.executeScript("return localStorage.length"), 0, "nothing kept until asked");
        await w.click("#mn-keep");
        await w.until(() => w.prop("#mn-keep", "checked"), "the choice ticked");
        await w.chooseConcerns(["fine_lines"]);
        await w.chooseAreas(["forehead"]);
        const step = await w.step();
        assert.deepEqual(await d.executeScript("return Object.keys(localStorage)"), ["mn-selfcheck.kept"]);
        // A new tab has no session of its own: what it shows comes from the device's copy.
        await freshTab();
        await w.open();
        await w.until(async () => (await w.text(".mn-notice")) === ui("kept_restored"), "the welcome-back notice");
        assert.equal(await w.step(), step);
        await w.back();
        await w.untilStep("areas");
        assert.equal(await w.prop("#mn-area-forehead", "checked"), true);
        await w.click(".mn-forget");
        await w.until(async () => (await d.executeScript("return localStorage.length")) === 0, "the kept copy gone");
        assert.equal(await w.prop("#mn-keep", "checked"), false);
      } finally {
        // Never leave a kept copy for the next test.
        await d.executeScript("localStorage.clear()").catch(() => {});
      }
    });

    test("a kiosk: Start again leaves nothing in storage, history or the page (and in Firefox, Back stays inside)", async () => {
      const d = browser.driver;
      // What the next visitor could find: storage, history, address and the widget's markup.
      const traces = () => d.executeScript(`return { session: sessionStorage.length, local: localStorage.length,
        history: history.length, url: location.href, html: document.querySelector("#app").innerHTML };`);
      await d.get(`${server.url}?kiosk=1`);
      await w.untilApp();
      assert.equal(await d.executeScript("return document.documentElement.hasAttribute('data-kiosk')"), true);
      const before = await traces();
      assert.equal((await d.findElements(By.css("#mn-keep"))).length, 0, "no keeping in a kiosk");
      await w.start();
      await w.chooseConcerns(["acne_scars"]);
      await w.chooseAreas(["cheeks"]);
      await w.answer(47);
      assert.match(await w.step(), /^q:/);
      if (engineId !== "webkit") {
        // Back is the widget's Back: the question before, never the page before.
        await d.navigate().back();
        await w.untilStep("q:age");
        assert.equal(await w.prop("#mn-answer-input", "value"), "47");
        await d.navigate().back();
        await w.untilStep("areas");
        assert.equal(await d.getCurrentUrl(), before.url);
      }
      // (WebKit's Back skips history entries a page adds without a tap, so from a tab that
      // showed another page first, it leaves the widget. A kiosk opens the widget as its first
      // page, where there is nothing to go back to; WebDriver cannot open a tab that way.)
      await w.click(".mn-start-over button");
      await w.untilStep("welcome");
      assert.deepEqual(await traces(), before);
    });

    test("the page's error recorder catches errors (so a clean page means clean)", async () => {
      await w.open();
      // From a script of the page's own (scripts run by WebDriver live in a sandbox in Firefox).
      await browser.driver.executeScript(`const s = document.createElement("script");
        s.textContent = 'console.error("probe"); setTimeout(() => { throw new Error("thrown probe"); }, 0); Promise.reject(new Error("rejected probe"));';
        document.head.append(s);`);
      await w.until(async () => (await w.errors()).length >= 3, "all three probes recorded");
      const errs = await w.errors();
      for (const probe of ["console.error probe", "thrown probe", "rejected probe"]) {
        assert.ok(errs.some((e) => e.includes(probe)), `${probe} in ${JSON.stringify(errs)}`);
      }
      // A fresh page for the closing check, which must see none of the probes.
      await w.reload();
    });
  });
}

async function evidence(engineId, name, w, err) {
  if (!w) return;
  try {
    mkdirSync(RESULTS, { recursive: true });
    const base = `${RESULTS}${engineId}-${name.replace(/[^a-z0-9]+/gi, "-").slice(0, 80)}`;
    writeFileSync(`${base}.png`, await w.d.takeScreenshot(), "base64");
    const page = await w.d.executeScript(`return { step: document.querySelector(".mn-widget")?.dataset.step, errors: window.__mnErrors, warnings: window.__mnWarnings, html: document.documentElement.outerHTML };`);
    writeFileSync(`${base}.json`, JSON.stringify({ error: String(err?.stack ?? err), ...page }, null, 2));
    console.log(`# evidence: ${base}.png, ${base}.json`);
  } catch { /* the browser may be gone */ }
}
