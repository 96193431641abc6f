package chuan.standard;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A national standards pack: the value types of one country's standards (each named with the pack's
 * id as prefix, {@code vn.personal-id}), the rules they report (catalogue files), the built-in
 * profiles that use them, the legacy text encodings of its language, what counts as personal data
 * there, and its reference data (under {@code chuan/reference/ID/}). The engine knows packs only
 * through this interface; a pack is registered by one line in
 * {@code META-INF/services/chuan.standard.StandardsPack}.
 */
public interface StandardsPack {

    /** The pack's id: the prefix of its types and rules' files, and its reference data folder ({@code vn}). */
    String id();

    /** The value types, in the order they are preferred when a column's type is inferred from its values. */
    List<TypeDescriptor> types();

    /** Rule catalogue files under {@code chuan/rules/} that define the pack's rules ({@code vn.yaml}). */
    default List<String> ruleFiles() {
        return List.of();
    }

    /** Built-in profiles under {@code chuan/profiles/} ({@code vn/citizen-register.yaml}), in listing order. */
    default List<String> profiles() {
        return List.of();
    }

    /** The legacy encodings of the pack's language a file may be in. */
    default List<LegacyEncoding> encodings(ReferenceData data) {
        return List.of();
    }

    /** The encoding these non-UTF-8 bytes most likely are, among the pack's; empty when none fits. */
    default Optional<LegacyEncoding> detect(byte[] sample, int length, ReferenceData data) {
        return Optional.empty();
    }

    /**
     * Whether the bytes clearly are text of the pack's language in that encoding (and not, say, a
     * Western text that happens to decode to the language's letters); a guess that is not clear
     * yields to Windows-1252 when that fits better.
     */
    default boolean clearly(LegacyEncoding encoding, byte[] sample, int length) {
        return true;
    }

    /** What counts as personal data under the pack's law on the audit date; empty when the pack does not say. */
    default Optional<PersonalData> personalData(ReferenceData data, LocalDate asOf) {
        return Optional.empty();
    }

    /** Sample text for generated data (addresses, descriptions) in the pack's language; empty when it has none. */
    default Optional<SampleText> sampleText(ReferenceData data) {
        return Optional.empty();
    }

    /**
     * The pack's reference lists a foreign key can name ({@code reference: {list: vn.provinces}}), each named with the
     * pack's id as prefix, with a line saying what it holds; in listing order.
     */
    default java.util.Map<String, String> referenceLists() {
        return java.util.Map.of();
    }

    /** The values of one of {@link #referenceLists()} as the list stands on {@code asOf}; empty for a name the pack lacks. */
    default Optional<java.util.Set<String>> referenceList(String name, ReferenceData data, LocalDate asOf) {
        return Optional.empty();
    }

    /** Makes plain text of the pack's language for test data. */
    interface SampleText {
        String next(java.util.Random r);
    }
}
