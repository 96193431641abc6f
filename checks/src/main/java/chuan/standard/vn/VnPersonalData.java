package chuan.standard.vn;

import chuan.standard.PersonalData;
import chuan.standard.ReferenceData;
import chuan.standard.ValueType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVRecord;

/**
 * Personal data under Vietnamese law at a given date: the categories of Decree 356/2025/NĐ-CP
 * (from 2026-01-01) or Decree 13/2023/NĐ-CP (before), with their column-name hints, from the
 * reference data; and detectors for personal IDs, mobile numbers and e-mail addresses, as whole
 * values or inside longer text.
 */
public final class VnPersonalData {

    private static final java.util.Set<String> AMBIGUOUS_HINTS = java.util.Set.of("mst", "ma_so_thue");

    private VnPersonalData() {
    }

    public static PersonalData build(ReferenceData data, LocalDate asOf) {
        List<PersonalData.NameHint> hints = new ArrayList<>();
        PersonalData.Category name = null;
        PersonalData.Category birth = null;
        PersonalData.Category identifiers = null;
        PersonalData.Category accounts = null;
        for (CSVRecord r : data.rows("vn", "pdpl-data-categories.csv")) {
            LocalDate from = r.get("valid_from").isBlank() ? LocalDate.MIN : LocalDate.parse(r.get("valid_from"));
            LocalDate to = r.get("valid_to").isBlank() ? LocalDate.MAX : LocalDate.parse(r.get("valid_to"));
            if (asOf.isBefore(from) || asOf.isAfter(to)) {
                continue;
            }
            PersonalData.Category c = new PersonalData.Category(r.get("item_id"), r.get("item_en"), r.get("legal_ref"),
                    "sensitive".equals(r.get("category")));
            for (String h : r.get("field_name_hints").split(";")) {
                // a tax code column is an enterprise's as often as a person's: personal tax codes
                // (12-digit personal IDs) are found by value instead
                if (!h.isBlank() && !AMBIGUOUS_HINTS.contains(h.strip())) {
                    hints.add(new PersonalData.NameHint(h.strip(), c));
                }
            }
            String hintList = ";" + r.get("field_name_hints") + ";";
            if (hintList.contains(";ho_ten;")) {
                name = c;
            } else if (hintList.contains(";ngay_sinh;")) {
                birth = c;
            } else if (hintList.contains(";so_dien_thoai;")) {
                identifiers = c;
            } else if (hintList.contains(";email;")) {
                accounts = c;
            }
        }
        VnReference ref = VnReference.of(data);
        List<PersonalData.Detector> detectors = new ArrayList<>();
        if (identifiers != null) {
            PersonalIdType id = new PersonalIdType(ref, asOf);
            PhoneType phone = new PhoneType(ref);
            detectors.add(new PersonalData.Detector(identifiers, "a personal identification number", whole(id),
                    v -> EmbeddedValues.personalIdIn(v, id)));
            detectors.add(new PersonalData.Detector(identifiers, "a mobile phone number", mobile(phone),
                    v -> EmbeddedValues.mobileIn(v, phone)));
        }
        if (accounts != null) {
            detectors.add(new PersonalData.Detector(accounts, "an e-mail address", EmbeddedValues::wholeEmail,
                    EmbeddedValues::emailIn));
        }
        return new PersonalData(detectors, hints, name, birth, EmbeddedValues::mayHold, "VN-OPEN-PERSONAL-DATA",
                "VN-OPEN-NAME-BIRTHDATE");
    }

    /** Mobile numbers only: an organisation's landline in open data is not a person's data. */
    private static Predicate<CharSequence> mobile(PhoneType type) {
        Predicate<CharSequence> any = whole(type);
        return v -> {
            if (!any.test(v)) {
                return false;
            }
            String n = PhoneType.normalise(v);
            return n != null && !n.startsWith("02");
        };
    }

    /** A value type turned detector: a value of the type that passes all its checks is personal data. */
    private static Predicate<CharSequence> whole(ValueType type) {
        return v -> v.length() >= 9 && v.length() <= 16 && type.check(v, Long.MIN_VALUE) == ValueType.OK;
    }
}
