//! Short names for the app's imports from its JavaScript glue. wasm-bindgen names each import
//! after the function and a 16-digit hash (`__wbg_addEventListener_f2d27251d333a631`), and
//! each name is written twice, in the wasm's import section and in the glue: some 150 names,
//! nearly 4 KB brotli that nothing reads. The build gives each a short name in both files
//! (`_a`, `_b`, …) before their integrity hashes are taken. An import whose name the glue does
//! not hold exactly once keeps it, so the two files can never disagree.

/// The wasm with its wasm-bindgen imports renamed, the glue with the same names, and how many
/// were renamed; `None` when the wasm cannot be read (then both stay as they are).
pub fn shorten(wasm: &[u8], glue: &str) -> Option<(Vec<u8>, String, usize)> {
    if wasm.get(..8)? != b"\0asm\x01\0\0\0" {
        return None;
    }
    let mut out = wasm[..8].to_vec();
    let mut glue = glue.to_string();
    let mut renamed = 0;
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        let (size, start) = leb(wasm, at + 1)?;
        let end = start.checked_add(usize::try_from(size).ok()?)?;
        let body = wasm.get(start..end)?;
        if id == 2 {
            let section = imports(body, &mut glue, &mut renamed)?;
            out.push(2);
            write_leb(&mut out, section.len() as u64);
            out.extend_from_slice(&section);
        } else {
            out.extend_from_slice(&wasm[at..end]);
        }
        at = end;
    }
    Some((out, glue, renamed))
}

/// The import section with short names, renaming the glue's keys to match.
fn imports(body: &[u8], glue: &mut String, renamed: &mut usize) -> Option<Vec<u8>> {
    let (count, mut at) = leb(body, 0)?;
    let mut out = Vec::with_capacity(body.len());
    write_leb(&mut out, count);
    for _ in 0..count {
        let (module, after_module) = name(body, at)?;
        let (field, after_field) = name(body, after_module)?;
        let end = description_end(body, after_field)?;
        write_name(&mut out, module);
        if field.starts_with("__wb") && glue.matches(field).count() == 1 {
            let short = short_name(*renamed);
            *glue = glue.replacen(field, &short, 1);
            write_name(&mut out, &short);
            *renamed += 1;
        } else {
            write_name(&mut out, field);
        }
        out.extend_from_slice(&body[after_field..end]);
        at = end;
    }
    (at == body.len()).then_some(out)
}

/// `_a` … `_Z`, `_ba` …: a name no wasm-bindgen import has (theirs start with `__wb`).
fn short_name(mut n: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut tail = Vec::new();
    loop {
        tail.push(LETTERS[n % 52]);
        n /= 52;
        if n == 0 {
            break;
        }
    }
    tail.push(b'_');
    tail.reverse();
    String::from_utf8(tail).unwrap_or_default()
}

/// Where an import's description (after its two names) ends.
fn description_end(body: &[u8], at: usize) -> Option<usize> {
    let limits = |at: usize| -> Option<usize> {
        let flags = *body.get(at)?;
        let (_, after_min) = leb(body, at + 1)?;
        if flags & 1 == 1 {
            Some(leb(body, after_min)?.1)
        } else {
            Some(after_min)
        }
    };
    match *body.get(at)? {
        0 => Some(leb(body, at + 1)?.1),       // function: type index
        1 => limits(at + 2),                   // table: element type, limits
        2 => limits(at + 1),                   // memory: limits
        3 => body.get(at + 2).map(|_| at + 3), // global: value type, mutability
        4 => Some(leb(body, at + 2)?.1),       // tag: attribute, type index
        _ => None,
    }
}

fn name(bytes: &[u8], at: usize) -> Option<(&str, usize)> {
    let (len, start) = leb(bytes, at)?;
    let end = start.checked_add(usize::try_from(len).ok()?)?;
    Some((std::str::from_utf8(bytes.get(start..end)?).ok()?, end))
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_leb(out, name.len() as u64);
    out.extend_from_slice(name.as_bytes());
}

/// An unsigned LEB128 number at `at`, and where the bytes after it start.
fn leb(bytes: &[u8], mut at: usize) -> Option<(u64, usize)> {
    let mut value = 0u64;
    let mut shift = 0;
    loop {
        let b = *bytes.get(at)?;
        at += 1;
        value |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some((value, at));
        }
        shift += 7;
        if shift > 63 {
            return None;
        }
    }
}

fn write_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let b = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two functions from the glue and a memory, with one custom section.
    fn module(first: &str, second: &str) -> Vec<u8> {
        let mut imports = Vec::new();
        write_leb(&mut imports, 3);
        for (field, kind) in [
            (first, &[0u8, 0][..]),
            ("env_memory", &[2, 0, 1]),
            (second, &[0, 0]),
        ] {
            write_name(&mut imports, "./app_bg.js");
            write_name(&mut imports, field);
            imports.extend_from_slice(kind);
        }
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        // A type section: one function type () -> ().
        wasm.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        wasm.push(2);
        write_leb(&mut wasm, imports.len() as u64);
        wasm.extend_from_slice(&imports);
        wasm.extend_from_slice(&[0, 4, 1, b'x', 9, 9]);
        wasm
    }

    #[test]
    fn imports_and_glue_get_the_same_short_names_and_nothing_else_changes() {
        let long_a = "__wbg_addEventListener_f2d27251d333a631";
        let long_b = "__wbg_focus_0123456789abcdef";
        let glue = format!("{{{long_a}:function(){{}},{long_b}:function(){{}},env_memory:1}}");
        let (wasm, glue, n) = shorten(&module(long_a, long_b), &glue).unwrap();
        assert_eq!(n, 2);
        assert_eq!(wasm, module("_a", "_b"));
        assert_eq!(glue, "{_a:function(){},_b:function(){},env_memory:1}");
    }

    #[test]
    fn a_name_the_glue_holds_twice_or_not_at_all_is_kept() {
        let twice = "__wbg_twice_0000000000000000";
        let glue = format!("{{{twice}:function(){{}}}}; // {twice}");
        let (wasm, out, n) =
            shorten(&module(twice, "__wbg_absent_1111111111111111"), &glue).unwrap();
        assert_eq!(n, 0);
        assert_eq!(wasm, module(twice, "__wbg_absent_1111111111111111"));
        assert_eq!(out, glue);
    }

    #[test]
    fn a_broken_module_is_left_alone() {
        let wasm = module("__wbg_a_0000000000000000", "__wbg_b_1111111111111111");
        for cut in [0, 7, 12, wasm.len() - 1] {
            assert!(shorten(&wasm[..cut], "").is_none(), "cut at {cut}");
        }
        assert!(shorten(b"not wasm", "").is_none());
    }

    #[test]
    fn short_names_are_distinct() {
        let names: std::collections::BTreeSet<String> = (0..3000).map(short_name).collect();
        assert_eq!(names.len(), 3000);
        assert_eq!(short_name(0), "_a");
        assert_eq!(short_name(52), "_ba");
    }
}
