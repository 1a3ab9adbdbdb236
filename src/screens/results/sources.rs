//! Every source behind the reasons and the plan, by its real title and publisher.

use yew::prelude::*;

use super::PartProps;

/// The full list of sources, with links where a source has one.
#[component]
pub fn Sources(props: &PartProps) -> Html {
    let d = &props.data;
    // Several facts can come from one article: list each title and publisher once.
    let mut seen: Vec<(&str, &str)> = Vec::new();
    let items = props
        .report
        .sources
        .iter()
        .filter_map(|id| d.pack.sources.iter().find(|s| &s.id == id))
        .filter(|s| {
            let key = (s.title.as_str(), s.publisher.as_str());
            let new = !seen.contains(&key);
            seen.push(key);
            new
        })
        .map(|s| {
            // A kiosk has no links out of the widget.
            let title = match s.url.as_ref().filter(|_| !d.clinic.kiosk.enabled) {
                Some(url) => html! {
                    <a href={url.clone()} target="_blank" rel="noopener noreferrer">
                        { s.title.clone() }
                        <span class="mn-visually-hidden">{ " " }{ d.ui("opens_in_new_tab") }</span>
                    </a>
                },
                None => html! { { s.title.clone() } },
            };
            html! { <li id={format!("src-{}", s.id)}>{ title }{ ". " }<span class="mn-publisher">{ s.publisher.clone() }</span></li> }
        });
    html! { <ul class="mn-list">{ for items }</ul> }
}
