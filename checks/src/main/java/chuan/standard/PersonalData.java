package chuan.standard;

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
    private final String rule;
    private final String nameBirthDateRule;

    /**
     * {@code rule} reports personal data in a column, {@code nameBirthDateRule} a name and a birth
     * date side by side (the pack's rule ids, as its law names them).
     */
    public PersonalData(List<Detector> detectors, List<NameHint> hints, Category name, Category birthDate,
                        Predicate<CharSequence> mayHold, String rule, String nameBirthDateRule) {
        this.mayHold = mayHold;
        this.detectors = List.copyOf(detectors);
        this.hints = List.copyOf(hints);
        this.name = name;
        this.birthDate = birthDate;
        this.rule = rule;
        this.nameBirthDateRule = nameBirthDateRule;
    }

    /** What counts as personal data on the audit date, by every standards pack. */
    public static PersonalData of(ReferenceData data, LocalDate asOf) {
        return Packs.personalData(data, asOf);
    }

    /** Several packs' views as one: their detectors and hints together, the first pack's categories and rules. */
    static PersonalData merge(List<PersonalData> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        if (parts.isEmpty()) {
            return new PersonalData(List.of(), List.of(), null, null, v -> false, null, null);
        }
        List<Detector> detectors = new java.util.ArrayList<>();
        List<NameHint> hints = new java.util.ArrayList<>();
        parts.forEach(p -> {
            detectors.addAll(p.detectors);
            hints.addAll(p.hints);
        });
        PersonalData first = parts.get(0);
        Predicate<CharSequence> mayHold = v -> parts.stream().anyMatch(p -> p.mayHold.test(v));
        return new PersonalData(detectors, hints, first.name, first.birthDate, mayHold, first.rule, first.nameBirthDateRule);
    }

    /** The rule that reports personal data found in a column; null when no pack says what personal data is. */
    public String rule() {
        return rule;
    }

    /** The rule that reports a person's name beside a birth date. */
    public String nameBirthDateRule() {
        return nameBirthDateRule;
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
