//! Choosing concerns or areas: large, labelled checkboxes; at least one is needed.

use std::collections::BTreeSet;

use selfcheck_engine::schema::LabelText;
use selfcheck_engine::{Action, Id};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::nav::Nav;
use crate::content::DataRef;

/// Which list to choose from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ChooseKind {
    /// Skin concerns.
    Concerns,
    /// Treatment areas.
    Areas,
}

/// Props for [`ChooseScreen`].
#[derive(Properties, PartialEq)]
pub struct ChooseProps {
    /// Concerns or areas.
    pub kind: ChooseKind,
    /// The content.
    pub data: DataRef,
    /// What was chosen before (kept when the visitor comes back).
    pub chosen: BTreeSet<Id>,
    /// Sends the visitor's actions.
    pub ondo: Callback<Action>,
}

/// A list of choices with Back and Next.
#[component]
pub fn ChooseScreen(props: &ChooseProps) -> Html {
    let d = &props.data;
    let chosen = use_state(|| props.chosen.clone());
    let error = use_state(|| false);
    let (prefix, heading, hint) = match props.kind {
        ChooseKind::Concerns => ("concern", "concerns_heading", "concerns_hint"),
        ChooseKind::Areas => ("area", "areas_heading", "areas_hint"),
    };
    let items: Vec<(&Id, &LabelText)> = match props.kind {
        ChooseKind::Concerns => d
            .pack
            .concerns
            .iter()
            .filter(|c| d.offers_concern(&c.id))
            .filter_map(|c| d.locale.concerns.get_key_value(&c.id))
            .collect(),
        ChooseKind::Areas => d
            .pack
            .areas
            .iter()
            .filter(|a| d.offers_area(&a.id))
            .filter_map(|a| d.locale.areas.get_key_value(&a.id))
            .collect(),
    };

    let onsubmit = {
        let chosen = chosen.clone();
        let error = error.clone();
        let ondo = props.ondo.clone();
        let kind = props.kind;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if chosen.is_empty() {
                error.set(true);
                return;
            }
            let set = (*chosen).clone();
            ondo.emit(match kind {
                ChooseKind::Concerns => Action::ChooseConcerns(set),
                ChooseKind::Areas => Action::ChooseAreas(set),
            });
        })
    };
    let onback = props.ondo.reform(|_| Action::Back);
    let error_id = "mn-choose-error";

    html! {
        <form class="mn-screen mn-choose" onsubmit={onsubmit} novalidate=true>
            <fieldset aria-describedby={if *error { "mn-choose-hint mn-choose-error" } else { "mn-choose-hint" }}>
                <legend><h1 tabindex="-1" data-focus="" elementtiming="mn-screen">{ d.ui(heading) }</h1></legend>
                <p class="mn-hint" id="mn-choose-hint">{ d.ui(hint) }</p>
                if *error {
                    <p class="mn-error" id={error_id} role="alert">{ d.ui("choose_at_least_one") }</p>
                }
                <div class="mn-choices">
                    { for items.into_iter().map(|(id, text)| {
                        let input_id = format!("mn-{prefix}-{id}");
                        let desc_id = format!("{input_id}-desc");
                        let onchange = {
                            let chosen = chosen.clone();
                            let error = error.clone();
                            let id = id.clone();
                            Callback::from(move |e: Event| {
                                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                                let mut set = (*chosen).clone();
                                if on { set.insert(id.clone()); } else { set.remove(&id); }
                                if !set.is_empty() { error.set(false); }
                                chosen.set(set);
                            })
                        };
                        html! {
                            <label class="mn-choice" for={input_id.clone()}>
                                <input type="checkbox" id={input_id} name={prefix} value={id.clone()}
                                    checked={chosen.contains(id)} onchange={onchange}
                                    aria-describedby={desc_id.clone()} />
                                <span class="mn-choice-text">
                                    <span class="mn-choice-label">{ text.label.clone() }</span>
                                    <span class="mn-choice-desc" id={desc_id}>{ text.description.clone() }</span>
                                </span>
                            </label>
                        }
                    }) }
                </div>
            </fieldset>
            <Nav back={d.ui("back").to_string()} next={d.ui("next").to_string()} onback={onback} />
        </form>
    }
}
