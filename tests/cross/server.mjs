// A tiny static server for the cross-engine tests: serves a built dist/ folder on 127.0.0.1 with
// the right types, and injects one script at the top of every HTML page that records what the
// page reports as errors (uncaught errors, failed promises, failed script or style loads, content
// security policy violations, console.error; console.warn separately),
// because WebDriver gives no console log for WebKit or Firefox. The test reads the record with
// `window.__mnErrors` (widget.mjs).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

// Runs before any other script on the page. Kept small and free of anything the page could
// notice, apart from the one global it adds.
export const RECORDER = `<script>(function(){var e=window.__mnErrors=[],w=window.__mnWarnings=[];
function m(x){try{return x instanceof Error?x.name+": "+x.message+(x.stack?" | "+x.stack.split("\\n")[0]:""):typeof x==="object"?JSON.stringify(x):String(x)}catch(_){return String(x)}}
function s(a){return Array.prototype.map.call(a,m).join(" ")}
addEventListener("error",function(v){var t=v.target;e.push(t&&t!==window&&t.tagName?"failed to load "+t.tagName.toLowerCase()+" "+(t.src||t.href):"uncaught "+(v.error?m(v.error):v.message)+" at "+v.filename+":"+v.lineno)},true);
addEventListener("securitypolicyviolation",function(v){e.push("blocked by the content security policy: "+v.blockedURI+" ("+v.violatedDirective+")")});
addEventListener("unhandledrejection",function(v){e.push("unhandled rejection "+m(v.reason))});
var ce=console.error,cw=console.warn;console.error=function(){e.push("console.error "+s(arguments));return ce.apply(console,arguments)};
console.warn=function(){w.push("console.warn "+s(arguments));return cw.apply(console,arguments)};})();</script>`;

function inject(html, extra) {
  const add = RECORDER + extra;
  const charset = html.match(/<meta charset=[^>]*>/i);
  if (charset) return html.replace(charset[0], () => charset[0] + add);
  const open = html.match(/<html[^>]*>/i);
  if (open) return html.replace(open[0], () => open[0] + add);
  return add + html;
}

/**
 * Serves `dir` on 127.0.0.1 at a free port. Resolves to { url, close }. `head`: more HTML to
 * put right after the recorder (the benchmark adds its instrument script there).
 */
export async function serve(dir, { head = "" } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) throw Object.assign(new Error("outside"), { code: "ENOENT" });
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      let body = await readFile(file);
      const type = TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
      if (type.startsWith("text/html")) body = Buffer.from(inject(body.toString("utf8"), head));
      res.writeHead(200, { "content-type": type, "content-length": body.length, "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (err) {
      const code = err.code === "ENOENT" || err.code === "ENOTDIR" ? 404 : 500;
      res.writeHead(code, { "content-type": "text/plain" });
      res.end(String(code));
    }
  });
  await new Promise((ok, fail) => server.once("error", fail).listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

// `node tests/cross/server.mjs [dir]` serves by hand, for looking at the page in a browser.
if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await serve(process.argv[2] ?? "dist");
  console.log(`serving at ${s.url}`);
}
