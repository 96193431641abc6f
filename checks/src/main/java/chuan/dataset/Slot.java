package chuan.dataset;

/**
 * One counter of a scan: a rule on the whole target, or on one column. {@code fileColumn} is the
 * 1-based field index in the file, when the rule concerns one field.
 */
record Slot(String ruleId, CompiledColumn column, CellCheck check, String field, Integer fileColumn, boolean personal) {
}
