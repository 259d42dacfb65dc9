use am_planner::format::{decode, encode};
#[test]
fn scratch() {
    let text = std::fs::read_to_string("/tmp/schema_work/example.json").unwrap();
    let d = decode(&text).unwrap();
    let out = encode(&d.workspace, d.exported_at.clone());
    std::fs::write("/tmp/schema_work/encoded.json", &out).unwrap();
}
