//! Keep the terminal's output newline translation on while in raw mode.
//!
//! Raw mode turns off `OPOST`, so after a `kill -9` (when nothing can restore the
//! terminal) whatever the shell prints next lands mid-line. ratatui moves the cursor
//! explicitly and never relies on a bare newline, so leaving `OPOST|ONLCR` on costs the
//! drawing nothing and keeps a crashed terminal readable.
#[cfg(unix)]
pub fn keep_newline_translation() {
    // SAFETY: tcgetattr/tcsetattr on stdout with a zeroed, then filled, termios struct;
    // failure (not a tty) leaves everything as it was.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(libc::STDOUT_FILENO, &mut t) == 0 {
            t.c_oflag |= libc::OPOST | libc::ONLCR;
            libc::tcsetattr(libc::STDOUT_FILENO, libc::TCSANOW, &t);
        }
    }
}

#[cfg(not(unix))]
pub fn keep_newline_translation() {}
