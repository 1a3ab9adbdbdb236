// A page object for the widget: the steps a visitor takes, in their words.
import { expect } from "@playwright/test";

export class Widget {
  constructor(page) {
    this.page = page;
    this.errors = [];
    page.on("console", (m) => {
      if (m.type() === "error") this.errors.push(`${m.text()} ${m.location().url}`);
    });
    page.on("pageerror", (e) => this.errors.push(String(e)));
  }

  heading() {
    return this.page.locator("#app h1");
  }

  async open(path = "/") {
    await this.page.goto(path);
    // The app, not the static welcome that index.html paints first.
    await expect(this.page.locator(".mn-widget:not([data-static])")).toBeVisible();
  }

  /** Waits until the service worker has taken charge of the page (and cached the build).
   * Polled with evaluate, which awaits the check: waitForFunction would take the promise an
   * async check returns as a truthy answer and not wait at all. */
  async offlineReady() {
    await expect
      .poll(() => this.page.evaluate(async () => !!navigator.serviceWorker.controller && (await navigator.serviceWorker.ready).active?.state === "activated"), { timeout: 20_000 })
      .toBe(true);
  }

  async step() {
    return this.page.locator(".mn-widget").getAttribute("data-step");
  }

  // Start and Next by their place, not their words, so the same steps work in every language.
  async start() {
    await this.page.locator(".mn-widget:not([data-static]) .mn-start").click();
    await expect(this.page.locator(".mn-widget")).toHaveAttribute("data-step", "concerns");
  }

  async next() {
    await this.page.locator(".mn-nav button[type=submit]").click();
  }

  async chooseConcerns(ids) {
    for (const id of ids) await this.page.locator(`#mn-concern-${id}`).check();
    await this.next();
    await expect(this.page.locator(".mn-widget")).toHaveAttribute("data-step", "areas");
  }

  async chooseAreas(ids) {
    for (const id of ids) await this.page.locator(`#mn-area-${id}`).check();
    await this.next();
    await expect(this.page.locator(".mn-widget")).not.toHaveAttribute("data-step", "areas");
  }

  /** The id of the question on screen, or null. */
  async questionId() {
    const form = this.page.locator("form.mn-question");
    if ((await form.count()) === 0) return null;
    return form.getAttribute("data-question");
  }

  /** Answers the question on screen: "yes", "no", "unsure", a number or "YYYY-MM-DD". */
  async answer(value) {
    const before = await this.step();
    if (value === "yes" || value === "no") {
      await this.page.locator(`#mn-answer-${value}`).check();
    } else if (value === "unsure") {
      const radio = this.page.locator("#mn-answer-not_sure");
      if (await radio.count()) await radio.check();
      else await this.page.locator("#mn-answer-unsure").check();
    } else {
      await this.page.locator("#mn-answer-input").fill(String(value));
    }
    await this.next();
    await expect(this.page.locator(".mn-widget")).not.toHaveAttribute("data-step", before);
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
    await this.resultsComplete();
    return asked;
  }

  async journey({ concerns, areas, answers = {} }) {
    await this.open();
    await this.start();
    await this.chooseConcerns(concerns);
    await this.chooseAreas(areas);
    return this.answerAll(answers);
  }

  /** Waits for the results screen, down to its last section. */
  async resultsComplete() {
    await expect(this.page.locator(".mn-results [data-section=sources]")).toBeVisible();
  }

  /** Opens a results section ("plan", "red_flags", "sources", ...) if it is closed. */
  async openSection(id) {
    const button = this.page.locator(`[data-section=${id}] .mn-disclosure`);
    if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true");
  }

  /** "book", "doctor" or "ask": the one next step the results offer. */
  async nextStep() {
    return this.page.locator(".mn-results").getAttribute("data-next");
  }

  /** "mn-tier-good", "mn-tier-provider" or "mn-tier-not-now". */
  async tier() {
    return this.page.locator(".mn-results").getAttribute("data-tier");
  }

  async flagRules() {
    return this.page.locator(".mn-flags [data-rule]").evaluateAll((els) => els.map((e) => e.dataset.rule));
  }
}

/** Holds the app's wasm back until the returned function is called. */
export async function holdWasm(page) {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
