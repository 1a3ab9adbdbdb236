// The end-to-end test servers, three origins on 127.0.0.1 (Playwright starts this file):
//   WIDGET (4173): dist/ as a static host would serve it, with the security headers from the
//     _headers file `selfcheck headers` writes (so every test runs under the strict CSP), at
//     the site root, under a sub-path (/clinic/selfcheck/) and under /update/ (where a test
//     switches on a new deployment: GET /__deploy?v=2). clinic.json is the shipped one
//     with the clinic page's origin allowed to embed it (tests swap it with page.route).
//   CLINIC (4174): the example clinic pages in examples/, as a clinic's own site.
//   OTHER (4175): a third site, whose page tries to send the widget forged messages.
// `node tests/e2e/server.mjs` serves them by hand.
import { createServer } from "node:http";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const PORTS = { widget: 4173, clinic: 4174, other: 4175 };
export const ORIGINS = Object.fromEntries(Object.entries(PORTS).map(([k, p]) => [k, `http://127.0.0.1:${p}`]));
export const SUBPATH = "/clinic/selfcheck/";
/** The same build, for the update tests: a new deployment can be switched on under
 * /update/<slot>/ (each test its own slot, so tests running side by side never see each other's
 * deployments): `GET /__deploy?slot=<slot>&v=N`. */
export const UPDATE = "/update/";
const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = join(root, "dist");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
};

/** The shipped clinic.json with the clinic page's origin allowed. */
export function testConfig() {
  const text = readFileSync(join(root, "static/clinic.json"), "utf8").replace(/^\s*\/\/.*$/gm, "");
  const config = JSON.parse(text);
  config.embed.allowed_origins = [ORIGINS.clinic];
  return config;
}

/** The headers `selfcheck headers` writes for that config, read back from its _headers file. */
function headersFor(config) {
  const dir = mkdtempSync(join(tmpdir(), "selfcheck-headers-"));
  writeFileSync(join(dir, "clinic.json"), JSON.stringify(config));
  execFileSync("cargo", ["run", "--quiet", "--locked", "-p", "selfcheck-engine", "--bin", "selfcheck", "--", "headers", join(dir, "clinic.json"), "--out", dir], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  const rules = [];
  for (const line of readFileSync(join(dir, "_headers"), "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    if (!line.startsWith(" ")) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const i = line.indexOf(":");
      rules.at(-1).headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    }
  }
  return rules;
}

function matches(pattern, path) {
  const re = new RegExp("^" + pattern.split("*").map((s) => s.replace(/[.?+^$()[\]{}|\\]/g, "\\$&")).join(".*") + "$");
  return re.test(path);
}

/** Which build each /update/<slot>/ serves: 1 is dist/ as it is; N > 1 is a new deployment
 * of it (another index.html and service worker). `GET /__deploy?slot=S&v=N` switches (the
 * update tests in offline.spec.mjs). */
const deployments = new Map();

/** dist/ as the next deployment would serve it: a marker in the page, another cache name. */
function redeployed(rel, body, deployed) {
  if (rel === "index.html") return Buffer.from(body.toString().replace("<title>", `<meta name="deploy" content="${deployed}"><title>`));
  if (rel === "sw.js") return Buffer.from(body.toString().replace(/"selfcheck-([A-Za-z0-9]+)"/, `"selfcheck-$1d${deployed}"`));
  return body;
}

function fileServer(dir, { headers = [], prefixes = ["/"], files = {} } = {}) {
  const base = resolve(dir);
  return createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path === "/__deploy") {
      const q = new URL(req.url, "http://x").searchParams;
      deployments.set(q.get("slot"), Number(q.get("v")) || 1);
      res.writeHead(200, { "content-type": "text/plain" });
      return res.end(`deployed ${q.get("v")}`);
    }
    let prefix = prefixes.find((p) => path.startsWith(p));
    let deployed = 1;
    if (prefix === UPDATE) {
      const slot = path.slice(UPDATE.length).split("/")[0];
      prefix = `${UPDATE}${slot}/`;
      deployed = deployments.get(slot) ?? 1;
    }
    const out = {};
    for (const rule of headers) if (matches(rule.pattern, path)) for (const [k, v] of rule.headers) out[k.toLowerCase()] = v; // one of each, whatever the case
    try {
      if (!prefix) throw Object.assign(new Error("outside"), { code: "ENOENT" });
      let rel = path.slice(prefix.length) || "index.html";
      if (rel.endsWith("/")) rel += "index.html";
      let body;
      if (files[rel] !== undefined) body = Buffer.from(files[rel]);
      else {
        const file = normalize(join(base, rel));
        if (file !== base && !file.startsWith(base + sep)) throw Object.assign(new Error("outside"), { code: "ENOENT" });
        if (statSync(file).isDirectory()) throw Object.assign(new Error("dir"), { code: "ENOENT" });
        body = readFileSync(file);
      }
      if (deployed > 1) body = redeployed(rel, body, deployed);
      const type = TYPES[extname(rel).toLowerCase()] ?? "application/octet-stream";
      res.writeHead(200, { ...out, "content-type": type, "content-length": body.length, "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (err) {
      res.writeHead(err.code === "ENOENT" || err.code === "ENOTDIR" ? 404 : 500, { ...out, "content-type": "text/plain" });
      res.end("not found");
    }
  });
}

/** The examples as a clinic's site: the widget's address in them points at the test widget. */
function clinicSite() {
  const dir = join(root, "examples");
  return createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    try {
      const file = normalize(join(dir, path === "/" ? "clinic-page.html" : path));
      if (!file.startsWith(dir + sep)) throw new Error("outside");
      let html = readFileSync(file, "utf8").replaceAll("http://127.0.0.1:8080/", `${ORIGINS.widget}/`);
      // ?no-embed: the same page without the snippet (the benchmark's "without" figure).
      if (new URL(req.url, "http://x").searchParams.has("no-embed"))
        html = html.replace(/<div data-selfcheck[\s\S]*?<\/div>/g, "").replace(/<script src="[^"]*embed\.js"[^>]*><\/script>/g, "");
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "text/plain", "cache-control": "no-store" });
      res.end(html);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
}

/** A third site that frames nothing of its own: its page, put in an iframe on the clinic page,
 * tries to drive the widget next to it. */
function otherSite() {
  const page = `<!doctype html><title>Other site</title><script src="/forge.js"></script>`;
  // A page on a site not in embed.allowed_origins that tries to embed the widget.
  const embed = `<!doctype html><title>Not allowed</title><div data-selfcheck id="w"><a href="${ORIGINS.widget}/">Self-check</a></div><script src="${ORIGINS.widget}/embed.js"></script>`;
  const forge = `var w = parent.frames[0];
for (var t of ["restart", "measure"]) w.postMessage({ selfcheck: 1, type: t }, "*");
document.title = "sent";`;
  return createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const js = path === "/forge.js";
    res.writeHead(200, { "content-type": js ? TYPES[".js"] : TYPES[".html"], "cache-control": "no-store" });
    res.end(js ? forge : path === "/embed.html" ? embed : page);
  });
}

/** Starts the three servers (`dir`: the built widget); returns a function that stops them. */
export function start({ dir = dist } = {}) {
  const config = testConfig();
  const headers = headersFor(config);
  const servers = [
    fileServer(dir, { headers, prefixes: [SUBPATH, UPDATE, "/"], files: { "clinic.json": JSON.stringify(config, null, 2) } }).listen(PORTS.widget, "127.0.0.1"),
    clinicSite().listen(PORTS.clinic, "127.0.0.1"),
    otherSite().listen(PORTS.other, "127.0.0.1"),
  ];
  // Node closes an idle kept-alive connection after 5 s; a test's request client that reuses
  // it at that moment gets "socket hang up" (CI saw it on the update tests' /__deploy). Idle
  // connections stay open a minute instead (close() still ends them at once).
  for (const s of servers) s.keepAliveTimeout = 60_000;
  return () => servers.forEach((s) => s.close());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  start();
  console.log(`widget ${ORIGINS.widget}/ (and ${SUBPATH}), clinic pages ${ORIGINS.clinic}/, other site ${ORIGINS.other}/`);
}
