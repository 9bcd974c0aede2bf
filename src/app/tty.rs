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

/// Wake crossterm's reader for input that is already waiting in the terminal.
///
/// crossterm 0.29 (`event/source/unix/mio.rs`) waits for the terminal with mio, which is
/// edge-triggered, and on each wake-up reads up to 1 KiB and returns as soon as it has
/// parsed an event, without reading on until the terminal is empty. Input beyond that
/// first KiB — 2,000 characters an input method or a fast typist sent while a frame was
/// drawn — then stays in the terminal, unseen, until another key arrives and makes a new
/// edge: the screen stops mid-burst and the rest of the text waits (and is lost if the
/// console ends before another key). Setting the terminal's attributes, unchanged, wakes
/// every reader of the terminal (Linux `n_tty_set_termios`), which is the new edge
/// crossterm needs; the loop does it only when poll(2) says input is waiting and
/// crossterm says none is.
#[cfg(unix)]
pub fn rearm_input() {
    // SAFETY: tcgetattr/tcsetattr on stdin with a zeroed, then filled, termios struct;
    // the attributes are set back exactly as read (TCSANOW: no flush, no wait).
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(libc::STDIN_FILENO, &mut t) == 0 {
            libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &t);
        }
    }
}

#[cfg(not(unix))]
pub fn rearm_input() {}
