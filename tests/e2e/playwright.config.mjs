// End-to-end tests in headless Chromium (Debian's, never a downloaded one) against the release
// build in dist/, served on 127.0.0.1 with the security headers a static host would send.
import { defineConfig } from "@playwright/test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const PORT = 4173;

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.mjs",
  outputDir: `${root}/test-results/e2e`,
  timeout: 60_000,
  workers: 2,
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: { executablePath: "/usr/bin/chromium", args: chromiumArgs },
    screenshot: "only-on-failure",
    // The service worker would answer requests that tests intercept with page.route; only the
    // offline tests turn it on (tests/e2e/offline.spec.mjs).
    serviceWorkers: "block",
  },
  // Three origins: the widget (dist/ with its security headers), a clinic's site (examples/)
  // and another site (tests/e2e/server.mjs).
  webServer: {
    command: "node tests/e2e/server.mjs",
    cwd: root,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "ignore",
  },
});
