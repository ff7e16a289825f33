//! Grades recorded exchanges (or curl heads, or HAR files) and prints the Observatory section as
//! JSON lines: `cargo run -p govaudit-headers --example grade -- 4 FILE...`.
fn main() {
    let mut args = std::env::args().skip(1);
    let algorithm = args
        .next()
        .and_then(|a| a.parse().ok())
        .and_then(govaudit_headers::Algorithm::from_number)
        .unwrap_or(govaudit_headers::Algorithm::V6);
    for file in args {
        let Ok(bytes) = std::fs::read(&file) else {
            eprintln!("{file}: cannot read");
            continue;
        };
        match govaudit_headers::parse_input(&bytes, None) {
            Ok(exchange) => {
                let section = match govaudit_headers::observatory(&exchange, algorithm, None) {
                    Ok(r) => r.to_json(),
                    Err(e) => serde_json::json!({ "error": e.to_string() }),
                };
                println!(
                    "{}",
                    serde_json::json!({ "file": file, "observatory": section })
                );
            }
            Err(e) => eprintln!("{file}: {e}"),
        }
    }
}
