//! The progress bar: steps done out of steps in all, where "all" counts only the questions
//! shown for the answers so far.

use yew::prelude::*;

/// Props for [`ProgressBar`].
#[derive(Properties, PartialEq)]
pub struct ProgressBarProps {
    /// Steps done.
    pub done: u32,
    /// Steps in all.
    pub total: u32,
    /// The words, such as "Step 3 of 14".
    pub label: String,
}

/// A labelled progress bar.
#[component]
pub fn ProgressBar(props: &ProgressBarProps) -> Html {
    let total = props.total.max(1);
    html! {
        <div class="mn-progress">
            <span class="mn-progress-label" id="mn-progress-label">{ props.label.clone() }</span>
            <progress max={total.to_string()} value={props.done.min(total).to_string()}
                aria-labelledby="mn-progress-label" />
        </div>
    }
}
