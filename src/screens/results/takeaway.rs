//! "Take it with you": print the results (with or without the answers), put the dated plan in
//! a calendar (an `.ics` file), and show the answers to the clinic as a QR code. The calendar
//! file and the QR code are made by a small module loaded only when asked for (`takeaway/`,
//! through `static/boot.js`).
//! Nothing leaves the device: the file is saved by the browser, and the code is only in the
//! picture on the screen. In a kiosk only the QR code is offered (no print dialog, no files).

use selfcheck_engine::handover;
use yew::prelude::*;

use crate::browser::format_date;
use crate::content::DataRef;

/// Props for [`TakeAway`].
#[derive(Properties, PartialEq)]
pub struct TakeAwayProps {
    /// The content.
    pub data: DataRef,
    /// The report being shown.
    pub report: super::ReportRef,
    /// What the visitor chose and answered.
    pub responses: selfcheck_engine::Responses,
}

/// The take-aways, under the results.
#[component]
pub fn TakeAway(props: &TakeAwayProps) -> Html {
    let d = &props.data;
    let r = &props.report;
    let kiosk = d.clinic.kiosk.enabled;
    let lang = d.locale.code.as_str();
    // Whether the visitor has seen what the code holds and asked to show it.
    let showing = use_state(|| false);

    // Whether the printout holds the answers: the box itself, which the print stylesheet reads
    // (`:has`), so the choice is gone with the results and never outlives them.
    let print = (!kiosk).then(|| {
        html! {
            <div class="mn-take" data-take="print">
                <p>
                    <input type="checkbox" id="mn-print-answers" class="mn-check" />
                    <label for="mn-print-answers">{ d.ui("print_with_answers") }</label>
                </p>
                <button type="button" class="mn-button mn-button-secondary mn-print"
                    onclick={Callback::from(|_: MouseEvent| crate::browser::print())}>{ d.ui("print_results") }</button>
            </div>
        }
    });

    let calendar = (!kiosk).then(|| match (&r.timeline, super::plan::first_session(r)) {
        (Some(events), Some(first)) => {
            // The calendar file is made by the take-aways module from the plan's lines, so its
            // entries read as the timeline on the screen does.
            let mut lines = String::new();
            for (date, what) in super::plan::timeline_lines(d, events) {
                lines.push_str(&date.iso());
                lines.push('\t');
                lines.push_str(&d.ui_fill("calendar_event", &[("what", &what)]));
                lines.push('\n');
            }
            let mut seed = first.iso();
            seed.push('-');
            seed.push_str(&d.pack.meta.version);
            let args: Vec<wasm_bindgen::JsValue> = [
                d.ui_fill("calendar_file", &[("date", &first.iso())]),
                lines,
                r.today.iso(),
                d.ui("calendar_name").to_string(),
                d.ui_fill("calendar_note", &[("clinic", d.clinic_name())]),
                seed,
            ]
            .into_iter()
            .map(Into::into)
            .collect();
            let onclick = Callback::from(move |_: MouseEvent| {
                crate::boot::call("calendar", &args);
            });
            html! {
                <div class="mn-take" data-take="calendar">
                    <button type="button" class="mn-button mn-button-secondary mn-ics" {onclick}>{ d.ui("calendar_download") }</button>
                    <p class="mn-hint">{ d.ui_fill("calendar_hint", &[("date", &format_date(first, lang))]) }</p>
                </div>
            }
        }
        // A dated plan fits, but no first session is picked yet.
        _ if r.first_session_from.is_some() => html! {
            <p class="mn-take mn-hint" data-take="calendar">{ d.ui("calendar_pick_date") }</p>
        },
        _ => Html::default(),
    });

    // The hand-over: what the code holds first, then the code on request.
    let responses = &props.responses;
    let code = handover::encode(&d.pack, responses, d.min_age(), r.today);
    let mut link = crate::browser::page_address();
    link.push('#');
    link.push_str(handover::FRAGMENT_KEY);
    link.push('=');
    link.push_str(&code);
    let labels =
        |ids: &std::collections::BTreeSet<String>,
         texts: &std::collections::BTreeMap<String, selfcheck_engine::schema::LabelText>| {
            ids.iter()
                .filter_map(|id| texts.get(id))
                .map(|t| t.label.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
    let answered = r
        .asked
        .iter()
        .filter(|id| responses.answers.contains_key(*id))
        .count()
        .to_string();
    // The picture is drawn by the take-aways module into the figure (boot.js), after each
    // render while shown: a code that changes (a new first-session date) is redrawn at once.
    if *showing {
        crate::boot::call("qr", &[link.as_str().into(), "#mn-qr".into()]);
    }
    let onshow = {
        let showing = showing.clone();
        Callback::from(move |_: MouseEvent| showing.set(true))
    };
    let onhide = {
        let showing = showing.clone();
        Callback::from(move |_: MouseEvent| showing.set(false))
    };
    let handover = html! {
        <div class="mn-take mn-handover" data-take="handover">
            <p>{ d.ui("handover_intro") }</p>
            <ul class="mn-handover-holds">
                <li>{ d.ui_fill("handover_holds_choices", &[
                    ("concerns", &labels(&responses.concerns, &d.locale.concerns)),
                    ("areas", &labels(&responses.areas, &d.locale.areas)),
                ]) }</li>
                <li>{ d.ui_fill("handover_holds_answers", &[("n", &answered)]) }</li>
                <li>{ d.ui_fill("handover_holds_result", &[("result", d.ui(super::outcome::tier_key(r.tier))), ("date", &format_date(r.today, lang))]) }</li>
            </ul>
            <figure class="mn-qr-figure" hidden={!*showing}>
                <div id="mn-qr" class="mn-qr" role="img" aria-label={d.ui("handover_qr_label").to_string()}></div>
                <figcaption class="mn-qr-caption">{ d.ui("handover_show_staff") }</figcaption>
                <p class="mn-error mn-qr-failed" role="status">{ d.ui("handover_failed") }</p>
            </figure>
            if *showing {
                <button type="button" class="mn-button mn-button-secondary mn-handover-hide" onclick={onhide}>{ d.ui("handover_hide") }</button>
            } else {
                <button type="button" class="mn-button mn-button-secondary mn-handover-show" onclick={onshow}>{ d.ui("handover_show") }</button>
            }
        </div>
    };

    html! {
        <>
            { for print }
            { for calendar }
            { handover }
        </>
    }
}
