//! Kiosk mode: one shared screen in a waiting room, used by one visitor after another. The
//! settings live in the clinic's configuration ([`crate::config::Kiosk`]); this module decides
//! what an idle time means and what a kiosk may keep, so the widget, the tests and the
//! benchmark share one answer.
//!
//! - After `idle_seconds` without a touch or a key, a warning counts down `warning_seconds`
//!   (never fewer than 20, WCAG 2.2.1) with an "I'm still here" button; then everything is
//!   cleared.
//! - A kiosk keeps no answers in any storage, and keeps one browser-history entry.

use crate::config::Kiosk;

/// What a stretch of time without any touch or key means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Idle {
    /// Nothing to do.
    Active,
    /// Show the warning: this many whole seconds are left (from `warning_seconds` down to 1).
    Warning(u32),
    /// Time is up: clear everything.
    Reset,
}

impl Kiosk {
    /// What `idle_ms` milliseconds without a touch or key mean. Outside kiosk mode, always
    /// [`Idle::Active`].
    pub fn idle(&self, idle_ms: u64) -> Idle {
        let warn_at = u64::from(self.idle_seconds) * 1000;
        let reset_at = warn_at + u64::from(self.warning_seconds) * 1000;
        if !self.enabled || idle_ms < warn_at {
            Idle::Active
        } else if idle_ms < reset_at {
            // Rounded up, so the count starts at the full warning time and never shows 0.
            Idle::Warning((reset_at - idle_ms).div_ceil(1000) as u32)
        } else {
            Idle::Reset
        }
    }

    /// Whether answers may be kept in the browser's storage (for a reload in the same tab).
    /// Never in a kiosk: the next visitor uses the same browser.
    pub fn stores_answers(&self) -> bool {
        !self.enabled
    }
}
