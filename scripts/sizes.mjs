// Sizes of the release build in dist/: raw, gzip -9 and brotli q11 for every file, and totals
// for the first paint (what the static welcome needs: the page, its styles and the loader), the
// first screen interactive (plus the app's glue and wasm) and the whole app (a whole journey in
// one language, embedded on a clinic's page: everything a visitor's browser downloads, the embed
// loader and clinic.json included). The take-aways module (dist/takeaway/: the QR code and the
// calendar file) is downloaded only by a visitor who asks for one, so it is counted on its own,
// with a journey that uses it. With --check, exits 1 when a budget is broken (sizes are
// deterministic, so this is safe to enforce in tests). Budgets: first paint 15 KB, whole app
// 160 KB, take-aways module 28 KB, embed loader (embed.js) 3 KB, all brotli.
//
//   node scripts/sizes.mjs [--check] [--json]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

export const BUDGET = { firstPaint: 15 * 1024, wholeApp: 160 * 1024, takeaway: 28 * 1024, embed: 3 * 1024 };

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

export function measure(dist = "dist") {
  let rows = files(dist)
    .filter((f) => /\.(html|css|js|wasm|json|webmanifest|svg|bin)$/.test(f))
    .map((f) => {
      const data = readFileSync(f);
      return {
        file: relative(dist, f),
        raw: data.length,
        gzip: gzipSync(data, { level: 9 }).length,
        brotli: brotliCompressSync(data, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
        }).length,
      };
    })
    .sort((a, b) => b.brotli - a.brotli);
  // The clinic set-up page (dist/setup/) is for staff: no visitor downloads it, so it is counted
  // on its own, outside every visitor total.
  const setup = rows.filter((r) => r.file.startsWith("setup/"));
  rows = rows.filter((r) => !r.file.startsWith("setup/"));
  // The take-aways module: on demand only (a QR code or a calendar file asked for).
  const takeaway = rows.filter((r) => r.file.startsWith("takeaway/"));
  rows = rows.filter((r) => !r.file.startsWith("takeaway/"));
  // The first paint: the page, its styles and the loader (the static welcome shows from these).
  const firstPaint = rows.filter((r) => /^(index\.html|.*\.css|boot\.js|lang\.js)$/.test(r.file));
  // One language's texts (locales/<code>.bin): a visitor downloads only theirs, so the totals
  // count the largest.
  const locales = rows.filter((r) => r.file.startsWith("locales/"));
  const language = locales.length ? [locales.reduce((a, b) => (b.brotli > a.brotli ? b : a))] : [];
  // The first screen interactive: the same plus the clinic's settings, the app's glue and wasm,
  // and one language.
  const firstScreen = rows.filter((r) => r.file !== "embed.js" && /^(index\.html|.*\.css|.*\.js|.*\.wasm|clinic\.json)$/.test(r.file)).concat(language);
  const journey = rows.filter((r) => !r.file.startsWith("locales/")).concat(language);
  const embed = rows.filter((r) => r.file === "embed.js");
  const sum = (list, k) => list.reduce((n, r) => n + r[k], 0);
  const total = (list) => ({ raw: sum(list, "raw"), gzip: sum(list, "gzip"), brotli: sum(list, "brotli") });
  return {
    rows: rows.concat(takeaway, setup), setupPage: total(setup), firstPaint: total(firstPaint), firstScreen: total(firstScreen),
    wholeApp: total(journey), takeaway: total(takeaway), withTakeaway: total(journey.concat(takeaway)), embed: total(embed), language: language[0]?.file ?? null,
  };
}

function table(m) {
  const pad = (s, n) => String(s).padStart(n);
  const lines = [`${"file".padEnd(44)} ${pad("raw B", 9)} ${pad("gzip B", 9)} ${pad("brotli B", 9)}`];
  for (const r of m.rows) lines.push(`${r.file.padEnd(44)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)}`);
  for (const [name, t, budget] of [
    ["first paint", m.firstPaint, BUDGET.firstPaint],
    ["first screen interactive", m.firstScreen, null],
    ["whole app", m.wholeApp, BUDGET.wholeApp],
    ["take-aways module (on demand, takeaway/)", m.takeaway, BUDGET.takeaway],
    ["whole app + take-aways", m.withTakeaway, null],
    ["embed loader", m.embed, BUDGET.embed],
    ["set-up page (staff only, dist/setup/)", m.setupPage, null],
  ]) {
    const label = budget ? `TOTAL ${name} (budget ${budget} B brotli)` : `TOTAL ${name}`;
    lines.push(`${label.padEnd(44)} ${pad(t.raw, 9)} ${pad(t.gzip, 9)} ${pad(t.brotli, 9)}`);
  }
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const m = measure();
  if (process.argv.includes("--json")) console.log(JSON.stringify(m, null, 2));
  else console.log(table(m));
  if (process.argv.includes("--check")) {
    const broken = [];
    if (m.firstPaint.brotli > BUDGET.firstPaint) broken.push(`first paint ${m.firstPaint.brotli} B > ${BUDGET.firstPaint} B`);
    if (m.wholeApp.brotli > BUDGET.wholeApp) broken.push(`whole app ${m.wholeApp.brotli} B > ${BUDGET.wholeApp} B`);
    if (m.takeaway.brotli === 0) broken.push("the take-aways module (takeaway/) is missing");
    if (m.takeaway.brotli > BUDGET.takeaway) broken.push(`take-aways module ${m.takeaway.brotli} B > ${BUDGET.takeaway} B`);
    if (m.embed.brotli === 0) broken.push("embed.js is missing");
    if (m.embed.brotli > BUDGET.embed) broken.push(`embed loader ${m.embed.brotli} B > ${BUDGET.embed} B`);
    if (broken.length) {
      console.error(`size budget broken (brotli): ${broken.join("; ")}`);
      process.exit(1);
    }
    console.log("size budget: ok");
  }
}
