// The widget's page object over WebDriver (selenium-webdriver), for any engine: the steps a
// visitor takes, in their words. The same ideas as tests/e2e/widget.mjs (Playwright, Chromium).
// Every wait watches the DOM and is bounded; nothing sleeps for a fixed time.
import { By, Key, error as wdError } from "selenium-webdriver";

const WAIT = 10_000;
const APP = ".mn-widget:not([data-static])";

export class Widget {
  /** `url`: the served dist/ root; `driver`: a selenium WebDriver session. */
  constructor(driver, url) {
    this.d = driver;
    this.url = url;
  }

  // --- reading the page (in one script each, so a re-render in between cannot go stale) ---

  /** `data-step` of the running app, or null while only the static welcome is there. */
  step() {
    return this.d.executeScript(`const w = document.querySelector(${JSON.stringify(APP)}); return w ? w.dataset.step : null;`);
  }

  heading() {
    return this.d.executeScript(`const h = document.querySelector("#app h1"); return h ? h.textContent.trim() : null;`);
  }

  questionId() {
    return this.d.executeScript(`const f = document.querySelector("form.mn-question"); return f ? f.dataset.question : null;`);
  }

  /** Property reads of one element: `prop(css, "checked")`, `prop(css, "value")`. */
  prop(css, name) {
    return this.d.executeScript(`const e = document.querySelector(arguments[0]); return e ? e[arguments[1]] : null;`, css, name);
  }

  attr(css, name) {
    return this.d.executeScript(`const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;`, css, name);
  }

  text(css) {
    return this.d.executeScript(`const e = document.querySelector(arguments[0]); return e ? e.textContent.replace(/\\s+/g, " ").trim() : null;`, css);
  }

  /** What has focus: { tag, id, cls, text, type }. */
  focused() {
    return this.d.executeScript(`const e = document.activeElement;
      return e ? { tag: e.tagName, id: e.id, cls: String(e.className), text: e.textContent.trim(), type: e.type ?? null } : null;`);
  }

  /** "mn-tier-good", "mn-tier-provider" or "mn-tier-not-now". */
  tier() {
    return this.attr(".mn-results", "data-tier");
  }

  /** The rule ids of the reasons shown on the results screen. */
  rules() {
    return this.d.executeScript(`return [...new Set([...document.querySelectorAll(".mn-results [data-rule]")].map((e) => e.dataset.rule))];`);
  }

  /**
   * What the page reported as errors since it loaded (tests/cross/server.mjs injects the
   * recorder into index.html). Throws if the recorder is missing, so a clean result can never
   * come from a page the recorder did not see.
   */
  async errors() {
    const r = await this.d.executeScript(`return window.__mnErrors === undefined ? null : { errors: window.__mnErrors, warnings: window.__mnWarnings };`);
    if (r === null) throw new Error("the error recorder is not on this page (was it served by tests/cross/server.mjs?)");
    return r.errors;
  }

  /** Lets the page finish what it scheduled: two frames, each followed by a task (bounded by
   * the session's script timeout). Errors from work a screen defers show up after this. */
  settle() {
    return this.d.executeAsyncScript(`const done = arguments[arguments.length - 1];
      const frameThenTask = (next) => requestAnimationFrame(() => setTimeout(next, 0));
      frameThenTask(() => frameThenTask(() => done(true)));`);
  }

  async warnings() {
    return (await this.d.executeScript(`return window.__mnWarnings ?? [];`));
  }

  // --- waiting ---

  /** Waits until `fn()` is truthy; `what` says what was awaited if it never is. */
  async until(fn, what, timeout = WAIT) {
    let last;
    try {
      return await this.d.wait(async () => (last = await fn()), timeout);
    } catch (err) {
      if (err instanceof wdError.TimeoutError) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)}; step ${JSON.stringify(await this.step().catch(() => "?"))})`);
      throw err;
    }
  }

  untilStep(step) {
    return this.until(async () => (await this.step()) === step, `data-step=${step}`);
  }

  untilStepNot(step) {
    return this.until(async () => { const s = await this.step(); return s !== null && s !== step; }, `data-step other than ${step}`);
  }

  untilHeading(text) {
    return this.until(async () => (await this.heading()) === text, `the heading "${text}"`);
  }

  untilFocusOnHeading() {
    return this.until(async () => (await this.focused())?.tag === "H1", "focus on the new screen's heading");
  }

  // --- acting ---

  /** A WebDriver click on the element (real pointer input), retried if a re-render replaced it. */
  async click(css) {
    await this.until(async () => {
      try {
        await this.d.findElement(By.css(css)).click();
        return true;
      } catch (err) {
        if (err instanceof wdError.StaleElementReferenceError || err instanceof wdError.NoSuchElementError) return false;
        throw err;
      }
    }, `a clickable ${css}`);
  }

  /** Key presses through the W3C Actions API: each argument is a string or a `Key`. */
  async keys(...keys) {
    for (const k of keys) await this.d.actions().sendKeys(k).perform();
  }

  async open() {
    await this.d.get(this.url);
    await this.untilApp();
  }

  /** The app, not the static welcome that index.html paints first. */
  untilApp() {
    return this.until(async () => (await this.step()) !== null, "the app to replace the static welcome", 20_000);
  }

  async reload() {
    await this.d.navigate().refresh();
    await this.untilApp();
  }

  async start() {
    await this.click(".mn-start");
    await this.untilStep("concerns");
  }

  async next() {
    await this.click(".mn-nav button[type=submit]");
  }

  async back() {
    await this.click(".mn-nav button[type=button]");
  }

  async chooseConcerns(ids) {
    for (const id of ids) await this.click(`#mn-concern-${id}`);
    await this.next();
    await this.untilStep("areas");
  }

  async chooseAreas(ids) {
    for (const id of ids) await this.click(`#mn-area-${id}`);
    await this.next();
    await this.untilStepNot("areas");
  }

  /**
   * Types a date into the date input the way a visitor does on a keyboard: the fields in the
   * order the browser shows them (month/day/year here), each ended by "/". WebKit's date field
   * (as in Safari) is a row of separate fields that do not move on by themselves after two
   * digits; "/" moves on in WebKit and Firefox alike. Then checks that the input's value is the
   * date, so a date that did not really go in fails here rather than later.
   */
  async typeDate(iso) {
    const input = "#mn-answer-input";
    // Into the first field, as a tap would, without opening WebKitGTK's calendar pop-up (a
    // driver click does). A date already there is typed over, field by field.
    await this.d.executeScript(`const i = document.querySelector(arguments[0]);
      if (document.activeElement === i) i.blur();
      i.focus();`, input);
    await this.keys(await this.dateKeys(iso));
    const value = await this.until(async () => (await this.prop(input, "value")) || null, `a value in ${input} after typing ${iso}`, 5_000)
      .catch(async () => this.prop(input, "value"));
    if (value !== iso) throw new Error(`typed the date ${iso} into the date input, but its value is ${JSON.stringify(value)}`);
  }

  /** "11/19/2026" for 2026-11-19 in a month-first browser, "19/11/2026" in a day-first one. */
  async dateKeys(iso) {
    const order = await this.d.executeScript(`return new Intl.DateTimeFormat(navigator.language === "C" ? "en-US" : navigator.language,
      { year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(2026, 10, 19)).map((p) => p.type).filter((t) => t !== "literal");`);
    const [year, month, day] = iso.split("-");
    const parts = { year, month, day };
    return order.map((t) => parts[t]).join("/");
  }

  /** Answers the question on screen: "yes", "no", "unsure", a number or "YYYY-MM-DD". */
  async answer(value) {
    const before = await this.step();
    if (value === "yes" || value === "no") {
      await this.click(`#mn-answer-${value}`);
    } else if (value === "unsure") {
      const radio = await this.d.findElements(By.css("#mn-answer-not_sure"));
      await this.click(radio.length ? "#mn-answer-not_sure" : "#mn-answer-unsure");
    } else if (/^\d{4}-\d{2}-\d{2}$/.test(String(value))) {
      await this.typeDate(value);
    } else {
      const input = await this.d.findElement(By.css("#mn-answer-input"));
      await input.clear();
      await input.sendKeys(String(value));
    }
    await this.next();
    await this.untilStepNot(before);
  }

  /** Answers every question until the results: `answers[id]`, else 35 for age, else "no". */
  async answerAll(answers = {}) {
    const asked = [];
    for (let i = 0; i < 60; i++) {
      const id = await this.questionId();
      if (!id) break;
      asked.push(id);
      await this.answer(answers[id] ?? (id === "age" ? 35 : "no"));
    }
    await this.untilResults();
    return asked;
  }

  async journey({ concerns, areas, answers = {} }) {
    await this.open();
    await this.start();
    await this.chooseConcerns(concerns);
    await this.chooseAreas(areas);
    return this.answerAll(answers);
  }

  untilResults() {
    return this.until(async () => (await this.step()) === "results" && (await this.tier()), "the results with a tier");
  }
}

export { Key };
