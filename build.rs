//! Compiles `content/` into the compact binary the widget embeds. (The clinic's own settings
//! are not compiled in: the widget reads `clinic.json` when the page loads.)
//!
//! The TOML is read and validated natively here, so a content mistake stops the build with a
//! message that names the file, the id and the field, and the browser never parses TOML.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=content");
    let content = match selfcheck_engine::load::load_dir(Path::new("content")) {
        Ok(c) => c,
        Err(errors) => {
            for e in &errors {
                println!("cargo:warning={e}");
            }
            panic!(
                "content/ has {} problem(s); run `cargo run -p selfcheck-engine --bin selfcheck -- validate` to list them",
                errors.len()
            );
        }
    };
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let write = |name: &str, bytes: Vec<u8>| {
        std::fs::write(Path::new(&out).join(name), bytes).expect("OUT_DIR is writable");
    };
    // Rules' notes are for staff and reviewers, never shown to visitors: not shipped.
    let mut pack = content.pack;
    for rule in &mut pack.rules {
        rule.note = None;
    }
    write(
        "pack.bin",
        postcard::to_allocvec(&pack).expect("pack serialises"),
    );
    // The texts are not compiled in: the `selfcheck locales` hook writes one file per language
    // into dist/locales/, and the widget fetches only the visitor's. Compiled in: which
    // languages there are, their names (for the language menu) and direction.
    let mut list = String::new();
    for (code, locale) in &content.locales {
        let rtl = locale.dir == selfcheck_engine::schema::Direction::Rtl;
        list.push_str(&format!("({code:?}, {:?}, {rtl}),\n", locale.name));
    }
    write("languages.rs", format!("&[\n{list}]").into_bytes());
    // For the component tests only (tests/components.rs includes them; the widget does not).
    for (code, locale) in &content.locales {
        write(
            &format!("locale-{code}.bin"),
            postcard::to_allocvec(locale).expect("locale serialises"),
        );
    }
}
