//! Kiosk mode: when the idle warning shows, how it counts down, when everything is cleared,
//! and that a kiosk keeps no answers.

use proptest::prelude::*;
use selfcheck_engine::config::{Kiosk, IDLE_SECONDS, WARNING_SECONDS};
use selfcheck_engine::kiosk::Idle;

fn kiosk(idle_seconds: u32, warning_seconds: u32) -> Kiosk {
    Kiosk {
        enabled: true,
        idle_seconds,
        warning_seconds,
    }
}

#[test]
fn idle_time_table() {
    let k = kiosk(90, 30);
    for (ms, want) in [
        (0, Idle::Active),
        (89_999, Idle::Active),
        (90_000, Idle::Warning(30)),
        (90_001, Idle::Warning(30)),
        (90_999, Idle::Warning(30)),
        (91_000, Idle::Warning(29)),
        (119_000, Idle::Warning(1)),
        (119_999, Idle::Warning(1)),
        (120_000, Idle::Reset),
        (u64::MAX, Idle::Reset),
    ] {
        assert_eq!(k.idle(ms), want, "after {ms} ms");
    }
}

#[test]
fn outside_kiosk_mode_nothing_times_out_and_answers_may_be_kept() {
    let k = Kiosk::default();
    assert!(!k.enabled);
    assert_eq!(k.idle(u64::MAX), Idle::Active);
    assert!(k.stores_answers());
    assert!(!kiosk(90, 30).stores_answers());
}

proptest! {
    /// For every allowed setting, the warning shows for the whole warning time (at least the
    /// 20 s WCAG 2.2.1 asks for) before a reset, counts down one second at a time from the full
    /// time to 1, and nothing resets before the idle time and the warning have both passed.
    #[test]
    fn a_reset_always_follows_a_full_warning(
        idle in IDLE_SECONDS.0..=IDLE_SECONDS.1,
        warning in WARNING_SECONDS.0..=WARNING_SECONDS.1,
        ms in 0u64..1_000_000,
    ) {
        prop_assert!(WARNING_SECONDS.0 >= 20);
        let k = kiosk(idle, warning);
        let (idle_ms, warn_ms) = (u64::from(idle) * 1000, u64::from(warning) * 1000);
        match k.idle(ms) {
            Idle::Active => prop_assert!(ms < idle_ms),
            Idle::Warning(left) => {
                prop_assert!(ms >= idle_ms && ms < idle_ms + warn_ms);
                prop_assert!((1..=warning).contains(&left));
                // The seconds shown cover the time really left.
                let left_ms = idle_ms + warn_ms - ms;
                prop_assert!(u64::from(left) * 1000 >= left_ms && u64::from(left - 1) * 1000 < left_ms);
            }
            Idle::Reset => prop_assert!(ms >= idle_ms + warn_ms),
        }
    }
}
