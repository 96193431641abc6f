package chuan.standard;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * One value type of a standards pack, as profiles name it ({@code vn.personal-id}): how it is
 * built for a column, the column options it reads (sibling columns such as {@code birth-date}, or
 * {@code scheme}), how test data of it is made, and how it is recognised when a profile is drafted.
 */
public interface TypeDescriptor {

    String name();

    ValueType create(ValueTypes.Options options, LocalDate asOf, ReferenceData reference);

    /** Whether values of this type are personal data, masked in reports. */
    boolean personal();

    /** Column options naming a sibling column this type checks against ({@code birth-date}, {@code gender}, {@code province}). */
    default Set<String> links() {
        return Set.of();
    }

    /** Whether a column of this type may pin a code list with {@code scheme:}. */
    default boolean schemes() {
        return false;
    }

    /** How {@code chuan synth} makes values of this type; empty when it cannot. */
    default Optional<TypeSynth> synth(ReferenceData reference) {
        return Optional.empty();
    }

    /** How {@code chuan infer} recognises a column of this type. */
    default TypeGuess guess() {
        return TypeGuess.NEVER;
    }
}
