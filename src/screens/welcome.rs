//! Welcome: what the check is and is not, how long it takes, and where the answers stay. In a
//! kiosk, the screen that invites the next visitor.

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
    // A kiosk's welcome invites whoever walks up next, and says the screen is shared.
    let kiosk = d.clinic.kiosk.enabled;
    let (heading, intro, privacy) = if kiosk {
        ("kiosk_heading", "kiosk_intro", "kiosk_privacy")
    } else {
        ("welcome_heading", "welcome_intro", "welcome_privacy")
    };
    html! {
        <section class={classes!("mn-screen", "mn-welcome", kiosk.then_some("mn-attract"))}>
            <h1 tabindex="-1" data-focus="" elementtiming="mn-screen">{ d.ui(heading) }</h1>
            <p class="mn-lead">{ d.ui(intro) }</p>
            <ul class="mn-facts">
                <li>{ d.ui("welcome_time") }</li>
                <li>{ d.ui(privacy) }</li>
                <li>{ d.ui("welcome_not_diagnosis") }</li>
            </ul>
            <button type="button" class="mn-button mn-button-primary mn-start" onclick={onstart}>{ d.ui("start") }</button>
        </section>
    }
}
