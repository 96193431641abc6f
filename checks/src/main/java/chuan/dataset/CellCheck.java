package chuan.dataset;

/**
 * The checks run on every cell of a column, in the order they run. Only the first that fails is
 * reported for a cell, so one bad value gives one violation and the most basic explanation.
 */
enum CellCheck {
    REQUIRED("DATA-REQUIRED"),
    NFC("DATA-NFC"),
    TYPE("DATA-TYPE"),
    PATTERN("DATA-PATTERN"),
    ENUM("DATA-ENUM"),
    RANGE("DATA-RANGE"),
    LENGTH("DATA-LENGTH"),
    UNIQUE("DATA-UNIQUE");

    static final CellCheck[] ALL = values();

    final String ruleId;

    CellCheck(String ruleId) {
        this.ruleId = ruleId;
    }
}
