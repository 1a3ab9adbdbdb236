//! Welcome: what the check is and is not, how long it takes, and where the answers stay.

use selfcheck_engine::Action;
use yew::prelude::*;

use crate::content::DataRef;

/// Props for [`WelcomeScreen`].
#[derive(Properties, PartialEq)]
pub struct WelcomeProps {
    /// The content.
    pub data: DataRef,
    /// Sends the visitor's actions.
    pub ondo: Callback<Action>,
}

/// The first screen.
#[component]
pub fn WelcomeScreen(props: &WelcomeProps) -> Html {
    let d = &props.data;
    let onstart = props.ondo.reform(|_: MouseEvent| Action::Start);
    html! {
        <section class="mn-screen mn-welcome">
            <h1 tabindex="-1" data-focus="" elementtiming="mn-screen">{ d.ui("welcome_heading") }</h1>
            <p class="mn-lead">{ d.ui("welcome_intro") }</p>
            <ul class="mn-facts">
                <li>{ d.ui("welcome_time") }</li>
                <li>{ d.ui("welcome_privacy") }</li>
                <li>{ d.ui("welcome_not_diagnosis") }</li>
            </ul>
            <button type="button" class="mn-button mn-button-primary mn-start" onclick={onstart}>{ d.ui("start") }</button>
        </section>
    }
}
