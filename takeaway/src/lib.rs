//! Take-aways the widget (src/) asks for through boot.js only when a visitor wants one: the
//! hand-over's QR code, drawn as one SVG path, and the dated plan as a calendar file.

use qrcodegen::{QrCode, QrCodeEcc};
use selfcheck_engine::ics::{self, Entry};
use selfcheck_engine::Date;
use wasm_bindgen::prelude::*;

/// The calendar file (RFC 5545, all-day entries) for the plan's `lines`: one entry per line,
/// `YYYY-MM-DD<tab>title`, each with `note` as its description. `made_on` is today; `seed`
/// makes the entries' ids stable for this plan. Lines that do not read are left out; empty when
/// there is nothing to date the file by.
#[wasm_bindgen]
pub fn calendar(lines: &str, made_on: &str, name: &str, note: &str, seed: &str) -> String {
    let entries: Vec<Entry> = lines
        .lines()
        .filter_map(|line| {
            let (day, title) = line.split_once('\t')?;
            let day = Date::parse(day).ok()?;
            Some(Entry {
                first: day,
                last: day,
                summary: title.to_string(),
                description: note.to_string(),
            })
        })
        .collect();
    match Date::parse(made_on)
        .ok()
        .or_else(|| entries.first().map(|e| e.first))
    {
        Some(made_on) => ics::calendar(&entries, made_on, name, seed),
        None => String::new(),
    }
}

/// Draws the QR code for `text` into the element `selector` names, as an SVG: a light square
/// with a 4-module quiet zone round the code, whatever the theme. If it cannot be made, the
/// element's parent (the figure) gets `data-failed`, which shows its message instead.
#[wasm_bindgen]
pub fn show_qr(text: &str, selector: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(Some(host)) = doc.query_selector(selector) else {
        return;
    };
    let drawn = qr_path(text);
    let svg = drawn
        .split_once(' ')
        .and_then(|(size, path)| svg(&doc, size.parse::<u32>().ok()? + 8, path).ok());
    host.set_inner_html("");
    let ok = svg.is_some_and(|svg| host.append_child(&svg).is_ok());
    if let Some(figure) = host.parent_element() {
        let _ = if ok {
            figure.remove_attribute("data-failed")
        } else {
            figure.set_attribute("data-failed", "")
        };
    }
}

fn svg(doc: &web_sys::Document, side: u32, path: &str) -> Result<web_sys::Element, JsValue> {
    const NS: Option<&str> = Some("http://www.w3.org/2000/svg");
    let side = side.to_string();
    let svg = doc.create_element_ns(NS, "svg")?;
    svg.set_attribute("viewBox", &["-4 -4 ", &side, " ", &side].concat())?;
    svg.set_attribute("aria-hidden", "true")?;
    let light = doc.create_element_ns(NS, "rect")?;
    for (name, value) in [
        ("x", "-4"),
        ("y", "-4"),
        ("width", &side),
        ("height", &side),
        ("fill", "#fff"),
    ] {
        light.set_attribute(name, value)?;
    }
    let dark = doc.create_element_ns(NS, "path")?;
    dark.set_attribute("d", path)?;
    dark.set_attribute("fill", "#000")?;
    svg.append_child(&light)?;
    svg.append_child(&dark)?;
    Ok(svg)
}

/// The QR code for `text` as `"<size> <path>"`: `size` modules a side (without the quiet
/// zone), and an SVG path drawing every dark module as a unit square (runs of dark modules in
/// a row merged). Medium error correction (15 %): a phone reads it off a screen with glare.
/// Empty when the text does not fit a QR code at all.
#[wasm_bindgen]
pub fn qr_path(text: &str) -> String {
    match QrCode::encode_text(text, QrCodeEcc::Medium) {
        Ok(qr) => path(&qr),
        Err(_) => String::new(),
    }
}

fn path(qr: &QrCode) -> String {
    let size = qr.size();
    let mut out = size.to_string();
    out.push(' ');
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !qr.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && qr.get_module(x, y) {
                x += 1;
            }
            let run = (x - start).to_string();
            out.push('M');
            out.push_str(&start.to_string());
            out.push(' ');
            out.push_str(&y.to_string());
            out.push('h');
            out.push_str(&run);
            out.push_str("v1h-");
            out.push_str(&run);
            out.push('z');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dark_module_is_drawn_and_no_light_one() {
        let text =
            "https://example.org/#handover=h2~2026.11.3~2026-11-24~g~1.3.035,1n,2n,3n~0a1b2c3d";
        let qr = QrCode::encode_text(text, QrCodeEcc::Medium).unwrap();
        let out = qr_path(text);
        let (size, d) = out.split_once(' ').unwrap();
        assert_eq!(size.parse::<i32>().unwrap(), qr.size());
        // Paint the path's runs back onto a grid and compare with the code's modules.
        let n = qr.size() as usize;
        let mut grid = vec![false; n * n];
        for run in d.split('M').filter(|s| !s.is_empty()) {
            let (xy, rest) = run.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let len: usize = rest.split_once('v').unwrap().0.parse().unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            for i in x..x + len {
                assert!(!grid[y * n + i], "a module drawn twice");
                grid[y * n + i] = true;
            }
        }
        for y in 0..n {
            for x in 0..n {
                assert_eq!(
                    grid[y * n + x],
                    qr.get_module(x as i32, y as i32),
                    "module {x},{y}"
                );
            }
        }
    }

    #[test]
    fn the_calendar_has_one_entry_per_line_and_skips_broken_ones() {
        let text = calendar(
            "2027-01-05\tSession 1\nnot a line\n2027-02-30\tno such day\n2027-02-02\tSession 2\n",
            "2026-12-01",
            "Plan",
            "A note",
            "s",
        );
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 2);
        assert!(text.contains("DTSTART;VALUE=DATE:20270105\r\n"));
        assert!(text.contains("DTEND;VALUE=DATE:20270203\r\n"));
        assert!(text.contains("DTSTAMP:20261201T000000Z\r\n"));
        assert!(text.contains("DESCRIPTION:A note\r\n"));
    }

    #[test]
    fn text_too_long_for_any_qr_code_gives_nothing() {
        assert_eq!(qr_path(&"x".repeat(5000)), "");
    }
}
