//! The `?preview` panel for clinic staff: every problem found in `clinic.json` and the page
//! address, and the `frame-ancestors` line the security headers need for the allowed sites.
//! Staff-facing and in English, like `selfcheck validate-config`; visitors never see it.

use yew::prelude::*;

use crate::content::Data;

/// The preview panel (a plain function: it never changes while the page is open).
pub fn settings_notices(d: &Data) -> Html {
    let notices = &d.notices;
    html! {
        <aside class="mn-settings" aria-labelledby="mn-settings-h" lang="en" dir="ltr">
            <h2 id="mn-settings-h">{ "Preview for clinic staff: settings check" }</h2>
            if notices.is_empty() {
                <p class="mn-settings-ok">{ "clinic.json: every setting is valid." }</p>
            } else {
                <p>{ format!("{} problem(s). The widget uses a safe default for each:", notices.len()) }</p>
                <ul class="mn-settings-list">
                    { for notices.iter().map(|n| html! {
                        <li data-field={n.field.clone()}>{ n.to_string() }</li>
                    }) }
                </ul>
            }
            <p>{ "Security header for the sites allowed to embed the widget:" }</p>
            <code class="mn-settings-code">{ format!("frame-ancestors {}", d.clinic.frame_ancestors()) }</code>
        </aside>
    }
}
