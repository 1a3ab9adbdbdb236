//! Questions to ask, choosing a provider, about microneedling, and where experts disagree: the
//! plan's notes for one topic.

use selfcheck_engine::schema::NoteTopic;
use yew::prelude::*;

use crate::content::DataRef;

/// Props for [`Notes`].
#[derive(Properties, PartialEq)]
pub struct NotesProps {
    /// The content.
    pub data: DataRef,
    /// The report.
    pub report: super::ReportRef,
    /// Which notes.
    pub topic: NoteTopic,
}

/// The notes that apply, for one topic.
#[component]
pub fn Notes(props: &NotesProps) -> Html {
    let d = &props.data;
    let items = props
        .report
        .plan
        .notes
        .iter()
        .filter(|(_, t)| *t == props.topic)
        .map(|(id, _)| html! { <li data-item={id.clone()}>{ d.item(id) }</li> });
    html! { <ul class="mn-list">{ for items }</ul> }
}
