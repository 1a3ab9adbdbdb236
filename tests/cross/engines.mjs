// The two engines besides Chromium, driven over W3C WebDriver with selenium-webdriver:
//   WebKit  - Debian's WebKitWebDriver driving MiniBrowser (WebKitGTK, Safari's engine) on a
//             virtual display (Xvfb): MiniBrowser's own --headless mode hangs.
//   Firefox - geckodriver (crates.io) driving Debian's firefox-esr, headless.
// Each driver is started here on a free 127.0.0.1 port, in its own process group so that
// stopping it also stops the browser. The virtual display is Xvfb itself on a free display
// number it picks (-displayfd), rather than xvfb-run, which races for display numbers and leaves
// its temporary folder behind when stopped by a signal. Output goes to
// test-results/cross/<engine>-driver.log.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { mkdirSync, openSync, closeSync } from "node:fs";
import { Builder } from "selenium-webdriver";

export const RESULTS = new URL("../../test-results/cross/", import.meta.url).pathname;

export const ENGINES = {
  webkit: {
    label: "WebKit",
    // Real Safari always has a language; without LANG, WebKitGTK reports navigator.language "C".
    env: { LANG: "en_US.UTF-8" },
    display: true,
    command: (port) => [process.env.WEBKITWEBDRIVER ?? "WebKitWebDriver", [`--port=${port}`]],
    capabilities: {
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": {
        binary: process.env.MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
        args: ["--automation"],
      },
    },
  },
  firefox: {
    label: "Firefox",
    env: {},
    command: (port) => [process.env.GECKODRIVER ?? "geckodriver", [`--port=${port}`, "--host=127.0.0.1", "--log=warn"]],
    capabilities: {
      browserName: "firefox",
      "moz:firefoxOptions": {
        binary: process.env.FIREFOX ?? "/usr/lib/firefox-esr/firefox-esr",
        args: ["-headless"],
        // Only registries are reachable here: keep Firefox from trying its own services.
        prefs: {
          "app.normandy.enabled": false,
          "messaging-system.rsexperimentloader.enabled": false,
          "services.settings.server": "http://127.0.0.1:9/",
          "network.captive-portal-service.enabled": false,
          "network.connectivity-service.enabled": false,
          "browser.safebrowsing.update.enabled": false,
          "datareporting.policy.dataSubmissionEnabled": false,
          "toolkit.telemetry.enabled": false,
        },
      },
    },
  },
};

export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail).listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Rejects after `ms` with `what` named, so no step of the harness can hang. */
export function bounded(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, fail) => { timer = setTimeout(() => fail(new Error(`${what}: no answer within ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

/** Starts Xvfb on a display number it chooses. Resolves to { display: ":N", stop }. */
async function startDisplay(log) {
  const x = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
    { detached: true, stdio: ["ignore", log, log, "pipe"] });
  const stop = async () => {
    if (x.exitCode !== null || x.signalCode !== null) return;
    const gone = new Promise((r) => x.once("exit", r));
    try { process.kill(-x.pid, "SIGTERM"); } catch { return; }
    await bounded(gone, 5_000, "Xvfb stop").catch(() => { try { process.kill(-x.pid, "SIGKILL"); } catch { /* gone */ } });
  };
  try {
    const number = await bounded(new Promise((ok, fail) => {
      let text = "";
      x.stdio[3].on("data", (chunk) => {
        text += chunk;
        if (text.includes("\n")) ok(text.trim());
      });
      x.once("error", (err) => fail(new Error(`Xvfb could not start: ${err.message}`)));
      x.once("exit", (code) => fail(new Error(`Xvfb exited (${code}) before it was ready`)));
    }), 15_000, "Xvfb start");
    return { display: `:${number}`, pid: x.pid, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * Starts the engine's WebDriver server and one browser session.
 * Resolves to { driver, engine, version, stop }.
 */
export async function launch(id) {
  const engine = ENGINES[id];
  if (!engine) throw new Error(`unknown engine ${id}`);
  mkdirSync(RESULTS, { recursive: true });
  const port = await freePort();
  const [cmd, args] = engine.command(port);
  const log = openSync(`${RESULTS}${id}-driver.log`, "w");
  let screen = null;
  try {
    screen = engine.display ? await startDisplay(log) : null;
  } catch (err) {
    closeSync(log);
    throw err;
  }
  const env = { ...process.env, ...engine.env, ...(screen ? { DISPLAY: screen.display } : {}) };
  const child = spawn(cmd, args, { detached: true, stdio: ["ignore", log, log], env });
  closeSync(log);
  let exited = null;
  child.on("exit", (code, signal) => { exited = `${cmd} exited (${signal ?? code}); see ${RESULTS}${id}-driver.log`; });
  child.on("error", (err) => { exited = `${cmd} could not start: ${err.message}`; });
  const killGroup = (signal) => { try { process.kill(-child.pid, signal); } catch { /* already gone */ } };
  // If this process ends or is interrupted, the browser and the display must not outlive it.
  const onExit = () => {
    killGroup("SIGKILL");
    if (screen) try { process.kill(-screen.pid, "SIGTERM"); } catch { /* already gone */ }
  };
  const onSignal = (signal) => { onExit(); process.exit(signal === "SIGINT" ? 130 : 143); };
  process.once("exit", onExit);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const stopDriver = async () => {
    killGroup("SIGTERM");
    for (let i = 0; i < 50 && exited === null; i++) await sleep(100);
    killGroup("SIGKILL");
    await screen?.stop();
    process.removeListener("exit", onExit);
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  };

  try {
    const server = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (exited) throw new Error(exited);
      try {
        if ((await fetch(`${server}/status`, { signal: AbortSignal.timeout(2_000) })).ok) break;
      } catch { /* not listening yet */ }
      if (Date.now() > deadline) throw new Error(`${cmd} did not listen on ${port} within 30 s`);
      await sleep(100);
    }
    // usingServer: selenium-webdriver talks to the driver started above and never runs its
    // own driver download (Selenium Manager).
    const driver = await bounded(new Builder().usingServer(server).withCapabilities(engine.capabilities).build(),
      60_000, `${engine.label} session`);
    await driver.manage().setTimeouts({ pageLoad: 30_000, script: 15_000, implicit: 0 });
    const version = (await driver.getCapabilities()).get("browserVersion");
    const stop = async () => {
      try {
        await bounded(driver.quit(), 15_000, `${engine.label} quit`);
      } catch { /* the process group is killed below anyway */ }
      await stopDriver();
    };
    return { driver, engine, id, version, stop };
  } catch (err) {
    await stopDriver();
    throw err;
  }
}
