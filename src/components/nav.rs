//! Back and Next buttons at the foot of a screen.

use yew::prelude::*;

/// Props for [`Nav`].
#[derive(Properties, PartialEq)]
pub struct NavProps {
    /// Text of the Back button.
    pub back: AttrValue,
    /// Text of the Next (submit) button.
    pub next: AttrValue,
    /// Called when Back is pressed.
    pub onback: Callback<()>,
}

/// A Back button and a submit button; the form around it handles Next.
#[component]
pub fn Nav(props: &NavProps) -> Html {
    let onback = props.onback.reform(|_: MouseEvent| ());
    html! {
        <div class="mn-nav">
            <button type="button" class="mn-button mn-button-secondary" onclick={onback}>{ props.back.clone() }</button>
            <button type="submit" class="mn-button mn-button-primary">{ props.next.clone() }</button>
        </div>
    }
}
