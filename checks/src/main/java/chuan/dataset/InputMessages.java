package chuan.dataset;

import chuan.model.Masking;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The messages of the JSON parsers and of JSON Schema validation, made fit for a report: one line,
 * and no value from the input in clear. Jackson quotes the token it could not read ({@code
 * Unrecognized token 'x0792...'}), org.json quotes keys, and Everit quotes values and key names;
 * any of those can be a personal value, and a malformed record has no column to say whether it is.
 */
final class InputMessages {

    private InputMessages() {
    }

    /** Jackson's message, first line only, its quoted token and numeric value masked. */
    static String jackson(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "malformed JSON";
        }
        int nl = m.indexOf('\n');
        m = (nl < 0 ? m : m.substring(0, nl)).strip();
        m = maskBetween(m, "Unrecognized token '", "'");
        m = maskBetween(m, "Numeric value (", ")");
        m = maskBetween(m, "Invalid numeric value: ", null);
        return m;
    }

    /** org.json's message, with anything it quotes masked. */
    static String orgJson(String m) {
        return m == null ? "malformed JSON" : maskBetween(maskBetween(m, "\"", "\""), "[", "]");
    }

    /**
     * Everit's message without the value it quotes ({@code string [0790...] does not match pattern}),
     * and a key name that reads like a value ({@code extraneous key [001052926814]}) masked.
     */
    static String schema(String message) {
        if (message == null) {
            return null;
        }
        if (message.startsWith("string [") && message.contains("] does not match pattern ")) {
            return "value does not match pattern " + message.substring(message.indexOf("] does not match pattern ") + 25);
        }
        if (message.endsWith(" is not a valid enum value")) {
            return "value is not one of the schema's enum values";
        }
        if (message.startsWith("[") && message.contains("] is not a valid ")) {
            return "value is not a valid " + message.substring(message.indexOf("] is not a valid ") + 17);
        }
        if (message.endsWith(" does not match the const value")) {
            return "value does not match the schema's const value";
        }
        for (String tail : new String[] {" is not greater or equal to ", " is not greater than ", " is not less or equal to ",
                " is not less than ", " is not a multiple of "}) {
            int at = message.indexOf(tail);
            if (at > 0) {
                return "value" + message.substring(at); // the value itself may be an ID written as a number
            }
        }
        for (String head : new String[] {"extraneous key [", "required key [", "property name ["}) {
            if (message.startsWith(head)) {
                int end = message.indexOf(']', head.length());
                if (end > 0) {
                    return head + Masking.name(message.substring(head.length(), end)) + message.substring(end);
                }
            }
        }
        return message;
    }

    /** A JSON Pointer with each segment that reads like a value masked. */
    static String pointer(String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return pointer;
        }
        return String.join("/", java.util.Arrays.stream(pointer.split("/", -1)).map(Masking::name).toList());
    }

    /** Masks the text between {@code open} and {@code close} (or to the end when close is null), each time it occurs. */
    private static String maskBetween(String m, String open, String close) {
        StringBuilder b = new StringBuilder();
        int from = 0;
        while (true) {
            int start = m.indexOf(open, from);
            if (start < 0) {
                break;
            }
            start += open.length();
            int end = close == null ? m.length() : m.indexOf(close, start);
            if (end < 0) {
                break;
            }
            b.append(m, from, start).append(Masking.mask(m.substring(start, end)));
            from = end;
        }
        return b.append(m.substring(from)).toString();
    }
}
