// Privacy, proven over whole journeys in every mode (plain, embedded on a clinic's page, kiosk,
// offline): the widget asks nothing of any origin but its own, sets no cookies, and keeps the
// answers only in the tab's session storage (in kiosk mode nowhere); no other storage holds
// anything but the build's own files.
import { test, expect } from "@playwright/test";
import { Widget } from "./widget.mjs";
import { ORIGINS, testConfig } from "./server.mjs";

const JOURNEY = { concerns: ["acne_scars"], areas: ["cheeks"], answers: { age: 47, keloid: "yes" } };

/** Everything the browser keeps for an origin, read in a frame of that origin. */
function kept(frame) {
  return frame.evaluate(async () => ({
    cookies: document.cookie,
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    databases: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
    caches: await Promise.all(
      (await caches.keys()).map(async (name) => ({ name, urls: (await (await caches.open(name)).keys()).map((r) => r.url) })),
    ),
  }));
}

function expectNothingKept(k, { session }) {
  expect(k.cookies).toBe("");
  expect(k.local).toEqual([]);
  expect(k.databases).toEqual([]);
  if (session) for (const key of k.session) expect(key).toMatch(/^mn-selfcheck\.(responses|step)/);
  else expect(k.session).toEqual([]);
  // The offline copy holds the build's own files, never an answer.
  for (const c of k.caches) {
    expect(c.name).toMatch(/^selfcheck-/);
    for (const url of c.urls) expect(url.startsWith(`${ORIGINS.widget}/`) && !url.includes("47")).toBe(true);
  }
}

async function journey(w) {
  await w.start();
  await w.chooseConcerns(JOURNEY.concerns);
  await w.chooseAreas(JOURNEY.areas);
  await w.answerAll(JOURNEY.answers);
  await w.openSection("plan");
}

for (const mode of ["plain", "kiosk"]) {
  test(`${mode}: a whole journey asks only the widget's own site, sets no cookie, keeps answers ${mode === "kiosk" ? "nowhere" : "only in the tab"}`, async ({ page, context }) => {
    const requests = [];
    context.on("request", (r) => requests.push(r.url()));
    if (mode === "kiosk") {
      const config = testConfig();
      config.kiosk = { enabled: true, idle_seconds: 90, warning_seconds: 30 };
      await page.route("**/clinic.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(config) }));
    }
    const w = new Widget(page);
    await w.open("/");
    await journey(w);
    expect(requests.filter((u) => !u.startsWith(`${ORIGINS.widget}/`))).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    expectNothingKept(await kept(page), { session: mode === "plain" });
    expect(w.errors).toEqual([]);
  });
}

test("embedded: the widget asks only its own site; the clinic's page holds nothing of the visitor", async ({ page, context }) => {
  const requests = [];
  context.on("request", (r) => requests.push({ url: r.url(), frame: r.frame().url() }));
  await page.goto(`${ORIGINS.clinic}/clinic-page.html`);
  const iframe = page.locator("iframe.selfcheck-frame").first();
  const handle = await iframe.elementHandle();
  let frame = await handle.contentFrame();
  await expect.poll(async () => (frame = await handle.contentFrame()) && frame.url()).toContain(ORIGINS.widget);
  await expect(frame.locator(".mn-widget:not([data-static])")).toBeVisible();
  const w = new Widget({ locator: (...a) => frame.locator(...a), getByRole: (...a) => frame.getByRole(...a), on: () => {} });
  await journey(w);
  // The widget's frame asks only the widget's site; the page as a whole asks only the clinic's
  // site and the widget's.
  const fromWidget = requests.filter((r) => r.frame.startsWith(ORIGINS.widget));
  expect(fromWidget.length).toBeGreaterThan(3);
  expect(fromWidget.filter((r) => !r.url.startsWith(`${ORIGINS.widget}/`))).toEqual([]);
  expect(requests.filter((r) => !r.url.startsWith(`${ORIGINS.widget}/`) && !r.url.startsWith(`${ORIGINS.clinic}/`))).toEqual([]);
  expect(await context.cookies()).toEqual([]);
  expectNothingKept(await kept(frame), { session: true });
  // The clinic's own origin keeps nothing at all.
  const host = await kept(page.mainFrame());
  expect(host).toEqual({ cookies: "", local: [], session: [], databases: [], caches: [] });
});

test.describe("offline", () => {
  test.use({ serviceWorkers: "allow" });

  test("offline: a whole journey with the network off keeps answers only in the tab; the offline copy holds only the build", async ({ page, context }) => {
    const requests = [];
    context.on("request", (r) => requests.push(r.url()));
    const w = new Widget(page);
    await w.open("/");
    await w.offlineReady();
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator(".mn-widget:not([data-static])")).toBeVisible();
    await journey(w);
    expect(requests.filter((u) => !u.startsWith(`${ORIGINS.widget}/`))).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    const k = await kept(page);
    expect(k.caches.length).toBe(1);
    expectNothingKept(k, { session: true });
    await context.setOffline(false);
  });
});
