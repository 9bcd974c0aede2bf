//! The command line's subcommands beyond the console: papers and the year's archive.
pub mod archive;
pub mod export;
pub mod history;
