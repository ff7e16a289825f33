//! The `govaudit` binary: all the work is in `govaudit-cli`, so that the commands are a library too.

fn main() -> std::process::ExitCode {
    govaudit_cli::run()
}
