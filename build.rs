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
    write(
        "pack.bin",
        postcard::to_allocvec(&content.pack).expect("pack serialises"),
    );
    let mut index = String::new();
    for (code, locale) in &content.locales {
        write(
            &format!("locale-{code}.bin"),
            postcard::to_allocvec(locale).expect("locale serialises"),
        );
        index.push_str(&format!(
            "(\"{code}\", include_bytes!(concat!(env!(\"OUT_DIR\"), \"/locale-{code}.bin\"))),\n"
        ));
    }
    write("locales.rs", format!("&[\n{index}]").into_bytes());
}
