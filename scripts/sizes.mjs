// Sizes of the release build in dist/: raw, gzip -9 and brotli q11 for every file, the total
// for the first screen and for the whole app. With --check, exits 1 when a budget is broken
// (sizes are deterministic, so this is safe to enforce in tests).
//
//   node scripts/sizes.mjs [--check] [--json]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

export const BUDGET = { firstScreen: 120 * 1024, wholeApp: 160 * 1024 };

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

export function measure(dist = "dist") {
  const rows = files(dist)
    .filter((f) => /\.(html|css|js|wasm|json|webmanifest|svg)$/.test(f))
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
  // Everything the first screen needs: the page, its styles, the loader, the glue and the wasm.
  // Files only later screens load (none yet) would be left out here.
  const firstScreen = rows.filter((r) => /^(index\.html|.*\.css|.*\.js|.*\.wasm)$/.test(r.file));
  const sum = (list, k) => list.reduce((n, r) => n + r[k], 0);
  return {
    rows,
    firstScreen: { raw: sum(firstScreen, "raw"), gzip: sum(firstScreen, "gzip"), brotli: sum(firstScreen, "brotli") },
    wholeApp: { raw: sum(rows, "raw"), gzip: sum(rows, "gzip"), brotli: sum(rows, "brotli") },
  };
}

function table(m) {
  const pad = (s, n) => String(s).padStart(n);
  const lines = [`${"file".padEnd(44)} ${pad("raw B", 9)} ${pad("gzip B", 9)} ${pad("brotli B", 9)}`];
  for (const r of m.rows) lines.push(`${r.file.padEnd(44)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)}`);
  for (const [name, t, budget] of [
    ["first screen", m.firstScreen, BUDGET.firstScreen],
    ["whole app", m.wholeApp, BUDGET.wholeApp],
  ]) {
    lines.push(`${`TOTAL ${name} (budget ${budget} B brotli)`.padEnd(44)} ${pad(t.raw, 9)} ${pad(t.gzip, 9)} ${pad(t.brotli, 9)}`);
  }
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const m = measure();
  if (process.argv.includes("--json")) console.log(JSON.stringify(m, null, 2));
  else console.log(table(m));
  if (process.argv.includes("--check")) {
    const broken = [];
    if (m.firstScreen.brotli > BUDGET.firstScreen) broken.push(`first screen ${m.firstScreen.brotli} B > ${BUDGET.firstScreen} B`);
    if (m.wholeApp.brotli > BUDGET.wholeApp) broken.push(`whole app ${m.wholeApp.brotli} B > ${BUDGET.wholeApp} B`);
    if (broken.length) {
      console.error(`size budget broken (brotli): ${broken.join("; ")}`);
      process.exit(1);
    }
    console.log("size budget: ok");
  }
}
