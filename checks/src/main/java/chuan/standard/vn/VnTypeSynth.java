package chuan.standard.vn;

import chuan.standard.TypeSynth;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** Test data of one Vietnamese type: values that agree with their record, and the typical defects of each. */
final class VnTypeSynth implements TypeSynth {

    /** The day the 2025 lists came into force: a pinned scheme draws from its own side of it. */
    private static final LocalDate MERGER = LocalDate.of(2025, 7, 1);

    private final String type;
    private final VnSynth vn;

    VnTypeSynth(String type, VnSynth vn) {
        this.type = type;
        this.vn = vn;
    }

    @Override
    public List<Defect> defects(Set<String> linked) {
        List<Defect> d = new ArrayList<>();
        switch (type) {
            case "vn.personal-id" -> {
                d.add(new Defect("id-too-short", "VN-PID-FORMAT"));
                if (linked.contains("birth-date")) {
                    d.add(new Defect("id-birth-year-mismatch", "VN-PID-BIRTH-DATE", "birth-date"));
                }
                if (linked.contains("gender")) {
                    d.add(new Defect("id-gender-mismatch", "VN-PID-GENDER", "gender"));
                }
            }
            case "vn.cmnd" -> d.add(new Defect("cmnd-too-short", "VN-CMND-FORMAT"));
            case "vn.tax-code" -> d.add(new Defect("tax-code-check-digit", "VN-MST-CHECKSUM"));
            case "vn.phone" -> d.add(new Defect("phone-too-short", "VN-PHONE-FORMAT"));
            case "vn.province-code" -> d.add(new Defect("unknown-province", "VN-PROVINCE-CODE"));
            case "vn.commune-code" -> d.add(new Defect("commune-too-short", "VN-COMMUNE-CODE"));
            case "vn.person-name", "vn.text" -> {
                d.add(new Defect("decomposed-text", "VN-TEXT-NFC"));
                d.add(new Defect("mojibake", "VN-TEXT-LEGACY"));
            }
            default -> throw new IllegalStateException(type);
        }
        return d;
    }

    @Override
    public Set<String> borrowedLinks() {
        return type.equals("vn.person-name") ? Set.of("gender") : Set.of();
    }

    @Override
    public String valid(Random r, Row row) {
        return switch (type) {
            case "vn.personal-id" -> {
                LocalDate birth = row.typed("birth-date") instanceof LocalDate d ? d
                        : dateBetween(r, LocalDate.of(1940, 1, 1), row.asOf().minusYears(14));
                boolean male = row.linked("gender") ? male(row.text("gender")) : r.nextBoolean();
                yield vn.personalId(r, birth, male, row.linked("province") ? row.text("province") : null);
            }
            case "vn.cmnd" -> vn.cmnd(r);
            case "vn.tax-code" -> vn.taxCode(r);
            case "vn.phone" -> vn.phone(r);
            case "vn.province-code" -> vn.provinceCode(r, listDay(row));
            case "vn.commune-code" -> row.linked("province") ? vn.communeCode(r, row.text("province"), listDay(row))
                    : vn.communeCode(r, listDay(row));
            case "vn.person-name" -> vn.personName(r, row.linked("gender") ? male(row.text("gender")) : r.nextBoolean());
            case "vn.text" -> null; // plain Vietnamese text, within the column's length
            default -> throw new IllegalStateException(type);
        };
    }

    @Override
    public String defective(String defect, Random r, String clean, Row row) {
        return switch (defect) {
            case "id-too-short", "cmnd-too-short", "commune-too-short", "phone-too-short" -> clean.substring(0, clean.length() - 1);
            case "id-birth-year-mismatch" -> {
                // another year of the same century, not after the audit date, so only the agreement fails
                int yy = Integer.parseInt(clean.substring(4, 6));
                int century = 1900 + 100 * ((clean.charAt(3) - '0') / 2);
                int shift = 1 + r.nextInt(5);
                int other = yy >= shift ? yy - shift : yy + shift;
                if (century + other > row.asOf().getYear()) {
                    other = yy - 1 >= 0 ? yy - 1 : yy;
                }
                yield clean.substring(0, 4) + String.format(Locale.ROOT, "%02d", other) + clean.substring(6);
            }
            case "id-gender-mismatch" -> {
                int g = clean.charAt(3) - '0';
                yield clean.substring(0, 3) + (g ^ 1) + clean.substring(4);
            }
            case "tax-code-check-digit" -> {
                int wrong = (clean.charAt(9) - '0' + 1 + r.nextInt(9)) % 10;
                yield clean.substring(0, 9) + wrong + clean.substring(10);
            }
            case "unknown-province" -> "00";
            case "decomposed-text" -> {
                String d = VnSynth.decomposed(clean);
                yield d.equals(clean) ? VnSynth.decomposed("Nguyễn " + clean) : d;
            }
            case "mojibake" -> {
                String m = VnSynth.misreadAsCp1252(clean);
                yield m != null ? m : VnSynth.misreadAsCp1252("Nguyễn " + clean);
            }
            default -> throw new IllegalStateException(defect);
        };
    }

    /** The day whose code list a value is drawn from: the record's date or the audit date, inside a pinned list's years. */
    private static LocalDate listDay(Row row) {
        LocalDate day = row.typed("as-of-column") instanceof LocalDate d ? d : row.asOf();
        if ("2004".equals(row.scheme()) && !day.isBefore(MERGER)) {
            return MERGER.minusDays(1);
        }
        return "2025".equals(row.scheme()) && day.isBefore(MERGER) ? MERGER : day;
    }

    private static boolean male(String gender) {
        return gender != null && VnSex.of(gender) == VnSex.MALE;
    }

    private static LocalDate dateBetween(Random r, LocalDate lo, LocalDate hi) {
        long days = lo.until(hi, ChronoUnit.DAYS);
        return lo.plusDays(days <= 0 ? 0 : (long) (r.nextDouble() * (days + 1)));
    }
}
