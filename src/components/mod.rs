//! Pieces the screens share.

pub mod nav;
pub mod progress;
pub mod section;
pub mod settings;
