mod common;
use common::*;
use std::time::Duration;

fn show(t: &Term, what: &str) {
    std::thread::sleep(Duration::from_millis(250));
    let d = t.dump();
    let keep: Vec<&str> = d.lines().filter(|l| { let s: String = l.chars().skip(4).filter(|c| !" │┃|".contains(*c)).collect(); !s.is_empty() }).collect();
    println!("=== {what}\n{}", keep.join("\n"));
}

#[test]
fn explore() {
    let (_d, db) = temp_db();
    let dbs = db.to_str().unwrap();
    let mut t = Term::huiwu(&["--db", dbs, "--operator", "测试员"], &[]);
    t.wait_for("议事程序", TIMEOUT).unwrap();
    t.keys(&["Shift-Tab", "Shift-Tab"]);
    t.key("/");
    t.type_text("hy");
    show(&t, "filter hy");
    t.key("Enter");
    show(&t, "enter1");
    t.key("Enter");
    show(&t, "enter2");
    t.key("Esc");
    show(&t, "esc");
    t.key("z");
    show(&t, "z");
    t.key("Down");
    t.key("l");
    show(&t, "leave form");
    t.type_text("外出办案");
    t.key("Tab");
    t.type_text("王建国");
    show(&t, "leave filled");
    t.key("Enter");
    show(&t, "leave done");
    t.key("Tab");
    t.key("n");
    show(&t, "n");
    t.key("y");
    show(&t, "y");
    t.key("F1");
    show(&t, "help");
    t.key("x");
    t.key("Ctrl-q");
    println!("exit {:?}", t.wait_exit(TIMEOUT));
    let mut t = Term::huiwu_sized(&["--db", dbs], &[], 60, 20);
    t.wait_for("窗口", TIMEOUT).unwrap();
    show(&t, "small");
    t.resize(120, 36);
    show(&t, "big");
}
