package chuan.dataset;

/** The input cannot be read any further; {@code ruleId} names the structural rule it breaks. */
final class InputProblem extends Exception {

    private static final long serialVersionUID = 1L;
    final String ruleId;
    final long row;
    final long line;
    final long column;

    InputProblem(String ruleId, long row, long line, long column, String message) {
        super(message, null, false, false);
        this.ruleId = ruleId;
        this.row = row;
        this.line = line;
        this.column = column;
    }
}
