package chuan.dataset;

import java.util.regex.Pattern;

/**
 * Everit's messages quote the offending value ("string [0790...] does not match pattern");
 * a report must not carry a personal value that way, so the quoted values are dropped.
 */
final class SchemaMessages {

    private static final Pattern STRING_PATTERN = Pattern.compile("^string \\[.*\\] does not match pattern (.*)$", Pattern.DOTALL);
    private static final Pattern ENUM = Pattern.compile("^.* is not a valid enum value$", Pattern.DOTALL);
    private static final Pattern FORMAT = Pattern.compile("^\\[.*\\] is not a valid (.*)$", Pattern.DOTALL);
    private static final Pattern CONST = Pattern.compile("^.* does not match the const value$", Pattern.DOTALL);

    private SchemaMessages() {
    }

    static String withoutValues(String message) {
        if (message == null) {
            return null;
        }
        var m = STRING_PATTERN.matcher(message);
        if (m.matches()) {
            return "value does not match pattern " + m.group(1);
        }
        if (ENUM.matcher(message).matches()) {
            return "value is not one of the schema's enum values";
        }
        m = FORMAT.matcher(message);
        if (m.matches()) {
            return "value is not a valid " + m.group(1);
        }
        if (CONST.matcher(message).matches()) {
            return "value does not match the schema's const value";
        }
        return message;
    }
}
