//! Where a command's output goes. Everything is rendered into memory first and written in one
//! piece, so a failing run never leaves half a report behind.

use std::io::{IsTerminal, Write};

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("cannot write output: {0}")]
    Write(#[from] std::io::Error),
}

/// Standard output, with the colour decision made once: colour only on a terminal and only when
/// `NO_COLOR` is unset or empty (<https://no-color.org>).
#[derive(Debug, Clone, Copy)]
pub struct Destination {
    pub color: bool,
}

impl Destination {
    pub fn stdout() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Destination {
            color: !no_color && std::io::stdout().is_terminal(),
        }
    }

    /// Writes a fully rendered output.
    pub fn write_all(&self, rendered: &[u8]) -> Result<(), OutputError> {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(rendered)?;
        stdout.flush()?;
        Ok(())
    }
}

/// Whether standard error is a terminal (progress bars and notes for people go there).
pub fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}
