package chuan.standard;

import chuan.standard.vn.VnPersonalData;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What counts as personal data, for datasets about to be published: categories with their legal
 * basis, column-name hints, and detectors that recognise personal values (an ID number, a phone
 * number) whatever the column is called. Provided by the standards packs for the audit date.
 */
public final class PersonalData {

    /** A category of personal data and the provision that defines it. */
    public record Category(String id, String description, String legalRef, boolean sensitive) {
        /** "basic personal data: ... (provision)", as reports say it. */
        public String label() {
            return (sensitive ? "sensitive" : "basic") + " personal data: " + description + " (" + legalRef + ")";
        }
    }

    /**
     * Recognises values of one kind ({@code kind} names it: "a personal identification number"):
     * a whole value ({@link #matches}), or one written inside longer text ({@link #foundIn}). Both
     * run in linear time. Used by several threads at once.
     */
    public record Detector(Category category, String kind, Predicate<CharSequence> test, Predicate<CharSequence> inText) {
        public boolean matches(CharSequence value) {
            return test.test(value);
        }

        public boolean foundIn(CharSequence text) {
            return inText.test(text);
        }
    }

    /** A column name that announces a category ({@code so_dien_thoai}), in ASCII-folded snake case. */
    public record NameHint(String hint, Category category) {
    }

    private final List<Detector> detectors;
    private final List<NameHint> hints;
    private final Category name;
    private final Category birthDate;
    private final Predicate<CharSequence> mayHold;

    public PersonalData(List<Detector> detectors, List<NameHint> hints, Category name, Category birthDate,
                        Predicate<CharSequence> mayHold) {
        this.mayHold = mayHold;
        this.detectors = List.copyOf(detectors);
        this.hints = List.copyOf(hints);
        this.name = name;
        this.birthDate = birthDate;
    }

    public static PersonalData of(ReferenceData data, LocalDate asOf) {
        return VnPersonalData.build(data, asOf);
    }

    public List<Detector> detectors() {
        return detectors;
    }

    /**
     * What personal values a text holds inside it (a sentence, a note), as a report says it; null
     * when it holds none. For a value that is not itself personal as a whole; only a text that could
     * hold one is searched ({@code mayHold}, read without decoding).
     */
    public String foundInText(CharSequence text) {
        if (!mayHold.test(text)) {
            return null;
        }
        StringBuilder kinds = null;
        Category first = null;
        for (Detector d : detectors) {
            if (d.foundIn(text)) {
                kinds = kinds == null ? new StringBuilder(d.kind()) : kinds.append(", ").append(d.kind());
                first = first == null ? d.category() : first;
            }
        }
        return kinds == null ? null : "holds " + kinds + " inside the text: " + first.label();
    }

    /**
     * The category a column name announces, if any. Whole names only: "dia_chi" (an address) is a
     * person's when the column is called that, not in "dia_chi_truong" (a school's address).
     */
    public Optional<Category> byColumnName(String column) {
        String folded = fold(column);
        for (NameHint h : hints) {
            if (folded.equals(h.hint())) {
                return Optional.of(h.category());
            }
        }
        return Optional.empty();
    }

    /** Whether the column is a person's name, going by its name. */
    public boolean isNameColumn(String column) {
        return byColumnName(column).filter(c -> c.equals(name)).isPresent();
    }

    public boolean isBirthDateColumn(String column) {
        return byColumnName(column).filter(c -> c.equals(birthDate)).isPresent();
    }

    /** "Số điện thoại" -> "so_dien_thoai": NFD, marks dropped, đ to d, lower case, words joined by _. */
    public static String fold(String s) {
        String d = Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
        return d.replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
