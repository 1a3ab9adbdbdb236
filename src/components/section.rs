//! A results section that opens and closes: a heading whose button shows or hides the body
//! (the WAI-ARIA disclosure pattern), so screen-reader users can still move by headings.

use yew::prelude::*;

/// Props for [`Section`].
#[derive(Properties, PartialEq)]
pub struct SectionProps {
    /// Stable id (`plan`, `sources`, ...): element ids and the open state are keyed by it.
    pub id: &'static str,
    /// The heading text.
    pub title: AttrValue,
    /// Whether the body is shown.
    pub open: bool,
    /// Called with the id and the new state when the visitor opens or closes it.
    pub ontoggle: Callback<(&'static str, bool)>,
    /// Extra classes on the section.
    #[prop_or_default]
    pub class: Classes,
    /// The body: hidden while closed (still in the page, so a printed copy can show it).
    #[prop_or_default]
    pub children: Html,
}

/// A section with a heading button that shows or hides the body.
#[component]
pub fn Section(props: &SectionProps) -> Html {
    let id = props.id;
    let open = props.open;
    let onclick = props.ontoggle.reform(move |_: MouseEvent| (id, !open));
    let body_id = format!("mn-s-{id}");
    html! {
        <section class={classes!("mn-section", props.class.clone())} data-section={id}>
            <h2 id={format!("mn-h-{id}")}>
                <button type="button" class="mn-disclosure" aria-expanded={open.to_string()}
                    aria-controls={body_id.clone()} onclick={onclick}>
                    { props.title.clone() }
                </button>
            </h2>
            <div id={body_id} class="mn-section-body" hidden={!open}>
                { props.children.clone() }
            </div>
        </section>
    }
}
