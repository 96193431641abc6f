package chuan.profile;

import java.util.List;

/**
 * How a column writes its values, as Table Schema defines it: the number separators
 * ({@code decimalChar}, {@code groupChar}: 0 when there is none), whether a number may carry text
 * around it ({@code bareNumber} false: currency or percent signs), the words of a boolean, the
 * values that mean "no value", the separator of a list cell (null: not a list), and the first
 * year of the hundred a two-digit year ({@code yy}) falls in.
 */
public record ValueSyntax(
        char decimalChar,
        char groupChar,
        boolean bareNumber,
        List<String> trueValues,
        List<String> falseValues,
        List<String> missingValues,
        String separator,
        int yearPivot) {

    public static final List<String> TRUE = List.of("true", "True", "TRUE", "1");
    public static final List<String> FALSE = List.of("false", "False", "FALSE", "0");
    /** Two-digit years 30-99 are 1930-1999 and 00-29 are 2000-2029, as spreadsheets read them. */
    public static final int PIVOT = 1930;
    public static final ValueSyntax DEFAULT = new ValueSyntax('.', '\0', true, TRUE, FALSE, List.of(""), null, PIVOT);

    public ValueSyntax {
        trueValues = List.copyOf(trueValues);
        falseValues = List.copyOf(falseValues);
        missingValues = List.copyOf(missingValues);
    }

    /** Whether the column has any missing value besides the empty cell. */
    public boolean missingBeyondEmpty() {
        return missingValues.size() > 1 || (missingValues.size() == 1 && !missingValues.get(0).isEmpty());
    }
}
