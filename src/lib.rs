//! huiwu (会务): the bureau's weekly director's office meeting, run from a terminal.
//!
//! Arrows point one way: `ui` and `app` use `domain` and `store`; `store` uses `domain`;
//! `domain` uses nothing of ours and does no IO.
pub mod app;
pub mod cli;
pub mod clock;
pub mod config;
pub mod demo;

pub mod domain;
pub mod emergency;
pub mod export;
pub mod i18n;
pub mod passphrase;
pub mod store;
pub mod textfile;
pub mod theme;
pub mod ui;
