// The clinic set-up page: a form for clinic.json, checked as the staff type by the engine's
// own checks (the same as `selfcheck validate-config`, compiled to WebAssembly in setup/src),
// a live preview of the real widget with these settings, and the files to download: the
// settings, the snippet for the clinic's pages and the security headers. Everything stays in
// this browser: the preview reads the draft from this tab's session storage.
import init, { check, suggest } from "./selfcheck_setup.js";

const $ = (s, root = document) => root.querySelector(s);
const $$ = (s, root = document) => [...root.querySelectorAll(s)];
// Where the widget reads a draft from, in preview (static/boot.js, same site and tab only).
const DRAFT = "mn-selfcheck.setup-draft";
const SLOT = "preview";
// Sample visitors for the preview's results: their answers (every other question "no", age 35).
const SAMPLES = { good: {}, provider: { diabetes: "yes" }, "not-now": { pregnant_nursing: "yes" } };
// The screens before the results, in order: the preview stops at the chosen one.
const STEPS = ["welcome", "concerns", "areas", "question"];

let known = { concerns: [], areas: [], languages: [], source: "en" };
let state = { problems: [], text: "", headers: [] };

function checks(box, items) {
  box.replaceChildren(
    ...items.map(({ id, name }) => {
      const label = document.createElement("label");
      const input = document.createElement("input");
      input.type = "checkbox";
      input.value = id;
      input.checked = true;
      label.append(input, " ", name);
      return label;
    }),
  );
}

function options(select, items) {
  select.replaceChildren(
    ...items.map(({ id, name }) => {
      const o = document.createElement("option");
      o.value = id;
      o.textContent = name;
      o.lang = id;
      return o;
    }),
  );
}

/** Removes `//` note lines (the shipped clinic.json explains itself with them). */
const stripNotes = (text) => text.replace(/^\s*\/\/.*$/gm, "");

/** The form, filled from a settings object (missing settings get the widget's defaults). */
function fill(c) {
  // A hand-edited file may hold anything: only text and numbers go into fields.
  const text = (v) => (typeof v === "string" || typeof v === "number" ? String(v) : "");
  const set = (sel, v) => ($(sel).value = text(v));
  set("#f-name", c.name);
  set("#f-booking", c.booking_url);
  set("#f-phone", c.phone);
  set("#f-email", c.email);
  set("#f-logo", c.logo);
  $("#f-theme").value = ["clear", "warm", "contrast"].includes(c.theme) ? c.theme : "clear";
  set("#f-accent", text(c.colours?.accent));
  $("#f-on-accent").value = text(c.colours?.on_accent).toLowerCase() === "#000000" ? "#000000" : "#ffffff";
  set("#f-font", c.font);
  $("#f-language").value = known.languages.some((l) => l.id === c.language) ? c.language : known.source;
  // Offered: all when the list is missing or names nothing the widget has (as the widget reads it).
  for (const key of ["concerns", "areas"]) {
    const list = Array.isArray(c[key]) ? c[key].filter((id) => known[key].some((k) => k.id === id)) : [];
    for (const input of $$("input", $(`#f-${key}`))) input.checked = list.length === 0 || list.includes(input.value);
  }
  set("#f-min-age", c.min_age ?? 18);
  const origins = c.embed?.allowed_origins;
  $("#f-origins").value = Array.isArray(origins) ? origins.filter((o) => typeof o === "string").join("\n") : text(origins);
  $("#f-share").checked = c.embed?.share_health_details === true;
  $("#f-kiosk").checked = c.kiosk?.enabled === true;
  set("#f-idle", c.kiosk?.idle_seconds ?? 90);
  set("#f-warning", c.kiosk?.warning_seconds ?? 30);
  syncPicker();
}

/** What in an opened file the form cannot hold as written (and so changes or leaves out). */
function notKept(c) {
  const out = [];
  const keys = ["name", "logo", "booking_url", "phone", "email", "language", "theme", "colours", "font", "min_age", "concerns", "areas", "embed", "kiosk"];
  for (const k of Object.keys(c)) if (!keys.includes(k)) out.push(`the setting "${k}" (the widget does not know it)`);
  if (c.theme !== undefined && !["clear", "warm", "contrast"].includes(c.theme)) out.push(`the style ${JSON.stringify(c.theme)} (now Clear)`);
  if (c.language !== undefined && !known.languages.some((l) => l.id === c.language)) out.push(`the language ${JSON.stringify(c.language)} (now ${known.source})`);
  const on = c.colours?.on_accent;
  if (on !== undefined && !["#ffffff", "#000000"].includes(String(on).toLowerCase())) out.push(`the text colour ${JSON.stringify(on)} (now white or black)`);
  for (const key of ["concerns", "areas"])
    for (const id of Array.isArray(c[key]) ? c[key] : []) if (!known[key].some((k) => k.id === id)) out.push(`${JSON.stringify(id)} in ${key} (the widget has no such one)`);
  return out;
}

/** A number if the field holds one, else what was typed (so the check names it). */
const number = (s) => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : s);

/** The settings object the form describes, in clinic.json's shape. */
function settings() {
  const v = (sel) => $(sel).value.trim();
  const c = {};
  for (const [key, sel] of [["name", "#f-name"], ["logo", "#f-logo"], ["booking_url", "#f-booking"], ["phone", "#f-phone"], ["email", "#f-email"]])
    if (v(sel)) c[key] = v(sel);
  c.language = $("#f-language").value;
  c.theme = $("#f-theme").value;
  if (v("#f-accent")) c.colours = { accent: v("#f-accent"), on_accent: $("#f-on-accent").value };
  if (v("#f-font")) c.font = v("#f-font");
  c.min_age = number(v("#f-min-age"));
  // Everything ticked is written as [] ("all"), so concerns added to the widget later are offered too.
  for (const [key, box] of [["concerns", "#f-concerns"], ["areas", "#f-areas"]]) {
    const inputs = $$("input", $(box));
    const on = inputs.filter((i) => i.checked).map((i) => i.value);
    c[key] = on.length === inputs.length ? [] : on;
  }
  c.embed = {
    allowed_origins: $("#f-origins").value.split(/\s+/).filter(Boolean),
    share_health_details: $("#f-share").checked,
  };
  c.kiosk = { enabled: $("#f-kiosk").checked, idle_seconds: number(v("#f-idle")), warning_seconds: number(v("#f-warning")) };
  return c;
}

/** Checks the page itself makes (everything about clinic.json is the engine's). */
function pageProblems(c) {
  const problems = [];
  for (const key of ["concerns", "areas"])
    if (Array.isArray(c[key]) && c[key].length === 0 && !$$("input", $(`#f-${key}`)).some((i) => i.checked))
      problems.push({ field: key, value: "none ticked", problem: `tick at least one: with none ticked, visitors could choose nothing` });
  const address = $("#f-address").value.trim();
  let url = null;
  try {
    url = new URL(address);
  } catch {}
  const local = url && /^(localhost|127\.0\.0\.1)$/.test(url.hostname);
  if (!url || !(url.protocol === "https:" || (url.protocol === "http:" && local)))
    problems.push({ field: "widget_address", value: address, problem: "must be a full https:// address, such as https://selfcheck.your-clinic.com/", only: "snippet" });
  return problems;
}

/** A problem that must be fixed before the files it concerns can be downloaded. */
const blocking = (p) => p.value !== "" && p.value !== undefined;

function snippet(address) {
  let url = address;
  try {
    url = new URL(address).href;
  } catch {}
  if (!url.endsWith("/")) url += "/";
  return `<div data-selfcheck>\n  <a href="${url}">Take our microneedling self-check</a>\n</div>\n<script src="${url}embed.js" async></script>`;
}

/** Shows each problem beside its field; returns the ones no field took. The messages are left
 * as they are when nothing changed (a field's change event on leaving it must not replace a
 * button the staff are clicking). */
let shown = { key: null, unplaced: [] };
function showProblems(problems) {
  const key = JSON.stringify([problems, $("#f-accent").value, $("#f-theme").value]);
  if (key === shown.key) return shown.unplaced;
  for (const el of $$(".su-error")) el.remove();
  for (const el of $$("[aria-invalid]")) {
    el.removeAttribute("aria-invalid");
    el.removeAttribute("aria-describedby");
  }
  const fields = $$(".su-field[data-field]");
  const unplaced = [];
  problems.forEach((p, i) => {
    // The setting's own field, or the group it belongs to (colours.accent -> colours).
    // "phone/email" (neither given) goes beside the phone.
    const name = p.field.split("/")[0];
    const field = fields
      .filter((f) => name === f.dataset.field || name.startsWith(`${f.dataset.field}.`) || name.startsWith(`${f.dataset.field}[`))
      .sort((a, b) => b.dataset.field.length - a.dataset.field.length)[0];
    if (!field) return unplaced.push(p);
    const msg = document.createElement("p");
    msg.className = "su-error";
    msg.id = `su-error-${i}`;
    const wrote = p.value ? ` (you wrote ${p.value})` : "";
    // A setting left out is a note (the widget has a safe way without it); a wrong value is a
    // problem to fix.
    msg.textContent = `${blocking(p) ? "Problem" : "Note"}: ${p.problem}${wrote}.${p.instead ? ` ${blocking(p) ? "Until it is fixed" : "Without it"}: ${p.instead}.` : ""}`;
    if (!blocking(p)) msg.classList.add("su-note");
    if (field.dataset.field === "colours") {
      const fix = suggest($("#f-accent").value.trim(), $("#f-theme").value);
      if (fix && (fix[0] !== $("#f-accent").value.trim().toLowerCase() || fix[1] !== $("#f-on-accent").value)) {
        const b = document.createElement("button");
        b.type = "button";
        b.className = "su-button su-secondary su-fix";
        b.textContent = `Use ${fix[0]} with ${fix[1] === "#ffffff" ? "white" : "black"} text instead (readable)`;
        b.addEventListener("click", () => {
          $("#f-accent").value = fix[0];
          $("#f-on-accent").value = fix[1];
          syncPicker();
          update();
          $("#f-accent").focus();
        });
        msg.append(" ", b);
      }
    }
    field.append(msg);
    for (const input of $$("input, select, textarea", field)) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", msg.id);
    }
  });
  shown = { key, unplaced };
  return unplaced;
}

function update() {
  const c = settings();
  const text = `${JSON.stringify(c, null, 2)}\n`;
  const result = check(text, { concerns: known.concerns.map((x) => x.id), areas: known.areas.map((x) => x.id), languages: known.languages.map((x) => x.id) });
  const problems = [...result.notices, ...pageProblems(c)];
  const unplaced = showProblems(problems);
  // What blocks the settings and header files, and what blocks the snippet.
  const blockers = problems.filter((p) => blocking(p) && p.only !== "snippet");
  const snippetBlockers = problems.filter((p) => blocking(p) && p.only === "snippet");
  state = { problems: blockers, text, headers: result.headers };
  const summary = $("#su-summary");
  summary.replaceChildren();
  const all = [...blockers, ...snippetBlockers];
  if (all.length) {
    summary.append(`${all.length} ${all.length === 1 ? "problem" : "problems"} to fix before you can download your files (each is shown beside its field).`);
    for (const p of unplaced) {
      const line = document.createElement("span");
      line.className = "su-error-line";
      line.textContent = ` ${p.field || "The file"}: ${p.problem}.`;
      summary.append(line);
    }
  } else summary.append("No problems: your files are ready.");
  summary.dataset.ok = String(!all.length);
  for (const b of $$("#su-download-config, [data-header]")) b.disabled = blockers.length > 0;
  $("#su-copy-snippet").disabled = snippetBlockers.length > 0;
  $("#su-snippet").textContent = snippet($("#f-address").value.trim());
  $("#su-frame-ancestors").textContent = `frame-ancestors ${result.frameAncestors}`;
  schedulePreview(text);
}

function download(name, text, type = "text/plain") {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// The preview: the real widget in a frame, reading this draft. It reloads a moment after the
// last change, then goes to the chosen screen as a sample visitor would.
let timer = 0;
// What had focus before the preview reloaded: the widget moves focus to each screen's heading,
// which must not take it from the field the staff are typing in.
let focusBefore = null;
// While the preview walks to its screen, focus that moves into it goes straight back.
let driving = false;
function schedulePreview(text) {
  clearTimeout(timer);
  timer = setTimeout(() => showPreview(text), 300);
}

// Each reload of the preview is a new generation: a walk through an older one stops at once.
let generation = 0;

function showPreview(text = state.text) {
  clearTimeout(timer);
  generation += 1;
  sessionStorage.setItem(DRAFT, text);
  // A fresh visitor each time: forget the preview's own answers.
  for (const k of Object.keys(sessionStorage)) if (k.endsWith(`.${SLOT}`)) sessionStorage.removeItem(k);
  const frame = $("#su-frame");
  frame.style.inlineSize = `${$("#p-width").value}px`;
  const lang = encodeURIComponent($("#p-lang").value);
  // As an embedded widget (embed=1): it rewrites one history entry instead of adding one per
  // screen; and the frame is replaced, not navigated, so the staff's Back stays theirs.
  const url = `../index.html?setup-preview&embed=1&slot=${SLOT}&lang=${lang}&v=${Date.now()}`;
  delete frame.dataset.ready;
  // (Never the preview itself: focus is given back to the form.)
  if (document.activeElement !== frame) focusBefore = document.activeElement;
  if (frame.contentWindow && frame.src) frame.contentWindow.location.replace(url);
  else frame.src = url;
}

class Superseded extends Error {}

async function until(f, mine, ms = 10000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (mine !== generation) throw new Superseded();
    const v = f();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("the preview did not get there");
}

/** Walks the preview to the chosen screen, as a sample visitor. */
async function drive() {
  driving = true;
  try {
    await walk();
  } finally {
    driving = false;
  }
}

async function walk() {
  const screen = $("#p-screen").value;
  const mine = generation;
  const frame = $("#su-frame");
  const doc = () => frame.contentDocument;
  const widget = () => doc()?.querySelector(".mn-widget:not([data-static])");
  const step = () => widget()?.dataset.step;
  const press = async (button) => {
    const before = step();
    button.click();
    await until(() => step() !== before, mine);
  };
  const next = () => press(doc().querySelector(".mn-nav button[type=submit]"));
  const done = (name) => {
    if (mine !== generation) throw new Superseded();
    frame.dataset.ready = name;
    if (focusBefore && focusBefore !== document.body && document.activeElement !== focusBefore) focusBefore.focus();
    return screen === name;
  };
  await until(() => widget()?.querySelector(".mn-start"), mine);
  if (done("welcome")) return;
  await press(doc().querySelector(".mn-start"));
  if (done("concerns")) return;
  doc().querySelector(".mn-choose input[type=checkbox]").click();
  await next();
  if (done("areas")) return;
  doc().querySelector(".mn-choose input[type=checkbox]").click();
  await next();
  if (done("question")) return;
  const answers = SAMPLES[screen] ?? {};
  // Old enough for the clinic, whatever its minimum age.
  const age = String(Math.max(35, Number($("#f-min-age").value) || 18));
  for (let i = 0; i < 60; i++) {
    const form = doc().querySelector("form.mn-question");
    if (!form) break;
    const input = doc().querySelector("#mn-answer-input");
    if (input) {
      const setter = Object.getOwnPropertyDescriptor(frame.contentWindow.HTMLInputElement.prototype, "value").set;
      setter.call(input, input.type === "date" ? "2026-01-01" : age);
      input.dispatchEvent(new frame.contentWindow.Event("input", { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    } else {
      doc().querySelector(`#mn-answer-${answers[form.dataset.question] ?? "no"}`)?.click();
    }
    await next();
  }
  done(screen);
}

async function start() {
  await init();
  known = await (await fetch("known.json")).json();
  checks($("#f-concerns"), known.concerns);
  checks($("#f-areas"), known.areas);
  options($("#f-language"), known.languages);
  options($("#p-lang"), known.languages);
  $("#f-address").value = new URL("../", location.href).href;
  // Start from the settings this copy of the widget uses now, if it has any.
  let current = {};
  try {
    const r = await fetch("../clinic.json", { cache: "no-cache" });
    if (r.ok) current = JSON.parse(stripNotes(await r.text()));
  } catch {}
  fill(current);
  $("#p-lang").value = $("#f-language").value;

  const form = $("#su-form");
  form.addEventListener("input", (e) => {
    if (e.target.id === "f-accent-pick") $("#f-accent").value = e.target.value;
    if (e.target.id === "f-accent") syncPicker();
    if (e.target.id === "f-language") $("#p-lang").value = e.target.value;
    if (e.target.type !== "file") update();
  });
  form.addEventListener("change", (e) => e.target.type !== "file" && update());
  form.addEventListener("submit", (e) => e.preventDefault());
  $("#su-load").addEventListener("change", load);
  $("#su-download-config").addEventListener("click", () => !state.problems.length && download("clinic.json", state.text, "application/json"));
  for (const b of $$("[data-header]"))
    b.addEventListener("click", () => {
      const file = state.headers.find((h) => h.name === b.dataset.header);
      // Not text/plain: browsers would add .txt to a name with no extension (_headers).
      if (file && !state.problems.length) download(file.name, file.text, "application/octet-stream");
    });
  $("#su-copy-snippet").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText($("#su-snippet").textContent);
      $("#su-summary").textContent = "Snippet copied.";
    } catch {
      getSelection().selectAllChildren($("#su-snippet"));
      $("#su-summary").textContent = "Press Ctrl+C (or Cmd+C) to copy the selected snippet.";
    }
  });
  for (const sel of ["#p-screen", "#p-lang", "#p-width"]) $(sel).addEventListener("change", () => showPreview());
  addEventListener("blur", () => {
    if (driving && focusBefore && focusBefore !== document.body) setTimeout(() => focusBefore.focus());
  });
  $("#su-frame").addEventListener("load", () =>
    drive().catch((e) => {
      if (!(e instanceof Superseded)) $("#su-frame").dataset.ready = `failed: ${e.message}`;
    }),
  );
  update();
}

/** Keeps the colour picker on the typed colour when it is one. */
function syncPicker() {
  const v = $("#f-accent").value.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(v)) $("#f-accent-pick").value = v.toLowerCase();
}

/** Opens a clinic.json the staff chose, to change it. */
async function load(e) {
  const file = e.target.files[0];
  const status = $("#su-load-result");
  if (!file) return;
  try {
    const c = JSON.parse(stripNotes(await file.text()));
    if (!c || typeof c !== "object" || Array.isArray(c)) throw new Error("it holds no settings group { }");
    const changed = notKept(c);
    fill(c);
    $("#p-lang").value = $("#f-language").value;
    status.textContent = `Opened ${file.name}. Any problem in it is shown beside its field.` +
      (changed.length ? ` Not kept as written: ${changed.join("; ")}.` : "");
  } catch (err) {
    status.textContent = `${file.name} could not be opened: ${err.message}. Nothing was changed.`;
  }
  update();
}

/** Works offline after one visit: the widget's service worker (sw.js) keeps the set-up page's
 * files once they are fetched through it, so they are fetched once more after it takes charge. */
async function keepOffline() {
  if (!("serviceWorker" in navigator)) return;
  await navigator.serviceWorker.register("../sw.js");
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller)
    await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
  const files = ["./", "index.html", "setup.js", "setup.css", "tokens.css", "known.json", "selfcheck_setup.js", "selfcheck_setup_bg.wasm", "../icon.svg"];
  await Promise.all(files.map((f) => fetch(f, { cache: "no-cache" })));
  document.documentElement.dataset.offline = "ready";
}

start()
  .then(() => keepOffline().catch(() => {}))
  .catch((e) => {
    $("#su-summary").textContent = `The set-up page could not start: ${e.message}. Reload the page to try again.`;
  });
