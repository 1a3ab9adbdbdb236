// The project's own files as tests read them: content figures and texts come from here, so a
// test never copies a text or a number from the content.
import { readFileSync } from "node:fs";

/** The project's root folder. */
export const root = new URL("../../", import.meta.url);

/** A file of the project, by its path from the root (`content/pack.toml`). */
export const read = (file) => readFileSync(new URL(file, root), "utf8");

/** One English UI text, read from the content. */
export function ui(key) {
  return read("content/locales/en.toml").match(new RegExp(`^${key} = "(.*)"$`, "m"))[1];
}
