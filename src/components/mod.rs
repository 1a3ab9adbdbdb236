//! Pieces the screens share.

pub mod footer;
pub mod idle;
pub mod nav;
pub mod progress;
pub mod section;
pub mod settings;
