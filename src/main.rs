//! The `govaudit` binary: all the work is in `govaudit-cli`, so that the commands are a library too.

/// mimalloc instead of the system allocator: the checks make many small, short-lived allocations
/// (findings, DOM nodes, header views), where it is markedly faster than glibc's malloc
/// (benches/README.md, "headers"). Libraries leave the choice to the program that embeds them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    govaudit_cli::run()
}
