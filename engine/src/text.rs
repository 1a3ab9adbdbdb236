//! Filling `{name}` placeholders in visitor-facing text, without the formatting machinery.

/// Replaces each `{key}` in `template` with its value; unknown placeholders stay as written.
/// (Written with `split_once`, which cannot panic: indexing a string could, and its panic
/// message alone would add a kilobyte of formatting code to the widget.)
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        match after.split_once('}') {
            Some((key, tail)) => {
                match values.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = tail;
            }
            None => {
                out.push('{');
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders a template uses.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some((_, after)) = rest.split_once('{') {
        match after.split_once('}') {
            Some((key, tail)) => {
                out.push(key);
                rest = tail;
            }
            None => break,
        }
    }
    out
}

/// Fills the static page shell (`index.html`) from the content: `{{ui.KEY}}` with the
/// interface text of one language, `{{lang}}` and `{{dir}}`. Text
/// is HTML-escaped. An unknown placeholder is an error naming it, so a typo never reaches a
/// visitor.
pub fn fill_shell(template: &str, locale: &crate::schema::Locale) -> Result<String, String> {
    let mut out = String::with_capacity(template.len() + 1024);
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after
            .find("}}")
            .ok_or_else(|| "a {{ placeholder is never closed".to_string())?;
        let key = after[..close].trim();
        let value: &str = match key {
            "lang" => &locale.code,
            "dir" => match locale.dir {
                crate::schema::Direction::Ltr => "ltr",
                crate::schema::Direction::Rtl => "rtl",
            },
            _ => key
                .strip_prefix("ui.")
                .and_then(|k| locale.ui.get(k))
                .ok_or_else(|| format!("unknown placeholder {{{{{key}}}}}"))?,
        };
        // A minifier drops the quotes around `attr="{{…}}"`; put them back, or text with
        // spaces would end the attribute early.
        if out.ends_with('=') {
            out.push('"');
            escape_html(value, &mut out);
            out.push('"');
        } else {
            escape_html(value, &mut out);
        }
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

fn escape_html(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_placeholders_are_filled_and_escaped() {
        use crate::schema::{Direction, Locale};
        let mut ui = std::collections::BTreeMap::new();
        ui.insert("start".to_string(), "Start <now> & \"go\"".to_string());
        let locale = Locale {
            code: "ar".into(),
            name: "x".into(),
            dir: Direction::Rtl,
            translation: crate::schema::Translation {
                status: crate::schema::TranslationStatus::Draft,
                by: None,
                on: None,
            },
            ui,
            concerns: Default::default(),
            areas: Default::default(),
            questions: Default::default(),
            flags: Default::default(),
            items: Default::default(),
            ends: Default::default(),
        };
        let out = fill_shell(
            "<html lang=\"{{lang}}\" dir=\"{{ dir }}\"><b>{{ui.start}}</b>",
            &locale,
        );
        assert_eq!(
            out.unwrap(),
            "<html lang=\"ar\" dir=\"rtl\"><b>Start &lt;now&gt; &amp; &quot;go&quot;</b>"
        );
        assert_eq!(
            fill_shell("{{ui.nope}}", &locale),
            Err("unknown placeholder {{ui.nope}}".into())
        );
        assert!(fill_shell("{{ui.start", &locale).is_err());
        assert_eq!(
            fill_shell("<meta content={{ui.start}} name=x>", &locale).unwrap(),
            "<meta content=\"Start &lt;now&gt; &amp; &quot;go&quot;\" name=x>"
        );
    }

    #[test]
    fn fills_known_and_keeps_unknown() {
        assert_eq!(
            fill("Question {n} of {total}", &[("n", "3"), ("total", "12")]),
            "Question 3 of 12"
        );
        assert_eq!(fill("{a} and {b}", &[("a", "x")]), "x and {b}");
        assert_eq!(fill("no braces", &[]), "no braces");
        assert_eq!(fill("open { only", &[]), "open { only");
        assert_eq!(placeholders("{min} to {max} days"), vec!["min", "max"]);
    }
}
