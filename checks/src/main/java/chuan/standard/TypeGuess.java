package chuan.standard;

import java.util.function.Predicate;

/**
 * How a drafted profile recognises a column of a pack's type from its values and name. Every value
 * must pass the type's own check; then, by {@code role}: an identifier is chosen before the generic
 * types (e-mail, dates, numbers); a code list's type is chosen over a number when the column's
 * (ASCII-folded, snake_case) name says so or its values look like the list's codes (all digits of
 * {@code codeLength}, with a leading zero when {@code leadingZero}, at least ten distinct); a person's
 * name needs the column's name to say so; text is the fallback for text in the pack's language.
 */
public record TypeGuess(Role role, Predicate<String> nameHint, int codeLength, boolean leadingZero) {

    /** Where in the order of preference the type is tried. */
    public enum Role { IDENTIFIER, CODE, PERSON_NAME, TEXT, NONE }

    /** A type a draft never chooses by itself (an ambiguous form, such as a nine-digit number). */
    public static final TypeGuess NEVER = new TypeGuess(Role.NONE, n -> false, 0, false);

    public static TypeGuess identifier() {
        return new TypeGuess(Role.IDENTIFIER, n -> false, 0, false);
    }

    public static TypeGuess code(Predicate<String> nameHint, int codeLength, boolean leadingZero) {
        return new TypeGuess(Role.CODE, nameHint, codeLength, leadingZero);
    }

    public static TypeGuess personName(Predicate<String> nameHint) {
        return new TypeGuess(Role.PERSON_NAME, nameHint, 0, false);
    }

    public static TypeGuess text() {
        return new TypeGuess(Role.TEXT, n -> false, 0, false);
    }
}
