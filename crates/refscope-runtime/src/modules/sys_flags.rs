// Included by modules/sys.rs and by build.rs: the build precompiles the
// sys prelude for every combination of these values.

/// The values of `sys.flags` that replace `{FLAGS}` in the sys prelude.
/// The three arguments are 0 or 1.
pub fn flags_values(dont_write_bytecode: i32, hash_randomization: i32, utf8_mode: i32) -> String {
    format!("(0, 0, 0, 0, {dont_write_bytecode}, 0, 0, 0, 0, 0, 0, {hash_randomization}, 0, False, {utf8_mode}, 0, False, -1)")
}
