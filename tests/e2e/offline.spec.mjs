// Offline: after one visit, the whole journey works with the network off; the precache list
// comes from the build.
import { test, expect } from "@playwright/test";
import { readFileSync, readdirSync } from "node:fs";
import { Widget } from "./widget.mjs";

test.use({ serviceWorkers: "allow" });

test("after one visit, a whole journey works with the network off", async ({ page, context }) => {
  const w = new Widget(page);
  await w.open();
  // The service worker has taken charge of the page and cached the build.
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.ready;
    return reg.active?.state === "activated" && !!navigator.serviceWorker.controller;
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator(".mn-widget:not([data-static])")).toBeVisible();
  await w.start();
  await w.chooseConcerns(["fine_lines"]);
  await w.chooseAreas(["forehead"]);
  await w.answerAll({});
  await w.openSection("plan");
  expect(await w.tier()).toBe("mn-tier-good");
  // Another language, never fetched before, is there too.
  await page.locator("#mn-language").selectOption("es");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await context.setOffline(false);
});

test("the precache list names every file of the build, from its hashed names", async () => {
  const dist = new URL("../../dist/", import.meta.url);
  const sw = readFileSync(new URL("sw.js", dist), "utf8");
  // The build minifies sw.js: match the two settings however they are spaced.
  const list = JSON.parse(sw.match(/FILES\s*=\s*(\[[^\]]*\])/)[1]);
  const wasm = readdirSync(dist).find((f) => f.endsWith(".wasm"));
  for (const f of [wasm, "index.html", "clinic.json", "boot.js", "lang.js", "locales/en.bin", "locales/es.bin", "locales/ar.bin", "manifest.webmanifest"])
    expect(list).toContain(`./${f}`);
  expect(list).not.toContain("./_headers");
  expect(sw).toMatch(/CACHE\s*=\s*"selfcheck-[A-Za-z0-9]{16}"/);
});
