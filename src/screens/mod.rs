//! One file per screen of the walk-through.

pub mod choose;
pub mod question;
pub mod results;
pub mod welcome;
