//! The HTTP security headers the widget is served with, and the ready-made files that set them
//! on common static hosts. One list, [`list`], feeds every file.
//!
//! The Content-Security-Policy is strict: nothing inline, no `eval`; `'wasm-unsafe-eval'` is
//! the one exception, which a browser needs to compile WebAssembly. `frame-ancestors` lists the
//! widget's own site and the clinic's allowed origins, so only those pages can embed it.

use crate::config::Clinic;

/// The Content-Security-Policy for this clinic.
pub fn csp(clinic: &Clinic) -> String {
    [
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        // The clinic set-up page (setup/) previews the widget in a frame of this same site.
        "frame-src 'self'",
        "base-uri 'self'",
        "form-action 'none'",
        "object-src 'none'",
        &format!("frame-ancestors {}", clinic.frame_ancestors()),
    ]
    .join("; ")
}

/// Features the widget never uses, turned off for it and anything it could load.
pub const PERMISSIONS: &str = "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

/// Every header, name and value.
pub fn list(clinic: &Clinic) -> Vec<(&'static str, String)> {
    vec![
        ("Content-Security-Policy", csp(clinic)),
        ("Referrer-Policy", "no-referrer".into()),
        ("Permissions-Policy", PERMISSIONS.into()),
        ("X-Content-Type-Options", "nosniff".into()),
        ("Cross-Origin-Opener-Policy", "same-origin".into()),
    ]
}

/// The files for static hosts: `_headers` (Netlify, Cloudflare Pages and others), `.htaccess`
/// (Apache) and `nginx-headers.conf` (to include in an nginx `server` or `location` block).
pub fn files(clinic: &Clinic) -> Vec<(&'static str, String)> {
    let list = list(clinic);
    let origins = if clinic.allowed_origins.is_empty() {
        "none: only the widget's own site may show it".to_string()
    } else {
        clinic.allowed_origins.join(" ")
    };
    let note = format!(
        "Security headers for the microneedling self-check, written by `selfcheck headers` from clinic.json.\n\
         Sites allowed to embed it (embed.allowed_origins): {origins}.\n\
         If you change embed.allowed_origins, change frame-ancestors below to match\n\
         (the widget's ?preview page shows the exact line)."
    );
    let comment =
        |prefix: &str| -> String { note.lines().map(|l| format!("{prefix}{l}\n")).collect() };

    let mut netlify = comment("# ");
    netlify.push_str("/*\n");
    for (name, value) in &list {
        netlify.push_str(&format!("  {name}: {value}\n"));
    }
    netlify.push_str("/*.wasm\n  Content-Type: application/wasm\n");

    let mut apache = comment("# ");
    apache.push_str("AddType application/wasm .wasm\n<IfModule mod_headers.c>\n");
    for (name, value) in &list {
        apache.push_str(&format!("  Header always set {name} \"{value}\"\n"));
    }
    apache.push_str("</IfModule>\n");

    let mut nginx = comment("# ");
    nginx.push_str(
        "# Include inside the server or location block that serves the widget's folder.\n",
    );
    nginx.push_str(
        "# .wasm must go out as application/wasm: nginx's own mime.types has it since 1.21.\n",
    );
    nginx.push_str("# (A types { } block here would replace every other type: do not add one.)\n");
    for (name, value) in &list {
        nginx.push_str(&format!("add_header {name} \"{value}\" always;\n"));
    }

    vec![
        ("_headers", netlify),
        (".htaccess", apache),
        ("nginx-headers.conf", nginx),
    ]
}

/// A subresource-integrity value (`sha384-…`) for a file's bytes.
#[cfg(feature = "authoring")]
pub fn sri(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha384};
    format!("sha384-{}", base64(&Sha384::digest(bytes)))
}

#[cfg(feature = "authoring")]
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(all(test, feature = "authoring"))]
mod tests {
    use super::*;

    #[test]
    fn sri_matches_known_values() {
        // `printf abc | openssl dgst -sha384 -binary | base64`
        assert_eq!(
            sri(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"a"), "YQ==");
    }

    #[test]
    fn frame_ancestors_follow_the_allowed_origins() {
        let mut c = Clinic::default();
        assert!(csp(&c).ends_with("frame-ancestors 'self'"));
        c.allowed_origins = vec!["https://a.example".into(), "https://b.example".into()];
        assert!(csp(&c).ends_with("frame-ancestors 'self' https://a.example https://b.example"));
        let csp = csp(&c);
        assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"));
        for (_, text) in files(&c) {
            assert!(text.contains(&csp), "{text}");
        }
    }
}
