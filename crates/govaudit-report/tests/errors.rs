//! A writer that fails: every format reports it as an I/O error, kind intact.

mod common;

use govaudit_report::{Format, ReportError, TextStyle, render};
use std::io::{self, Write};

/// Accepts `room` bytes, then fails like a closed pipe.
struct ClosedPipe {
    room: usize,
}

impl Write for ClosedPipe {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.room == 0 {
            return Err(io::Error::from(io::ErrorKind::BrokenPipe));
        }
        let n = buf.len().min(self.room);
        self.room -= n;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn write_failures_are_io_errors_in_every_format() {
    let report = common::everything();
    for format in Format::ALL {
        for room in [0, 10, 100] {
            let result = render(
                &report,
                &common::RULES,
                format,
                TextStyle::plain(),
                &mut ClosedPipe { room },
            );
            match result {
                Err(ReportError::Io(e)) => assert_eq!(e.kind(), io::ErrorKind::BrokenPipe),
                other => panic!("{format} with room {room}: {other:?}"),
            }
        }
    }
}
