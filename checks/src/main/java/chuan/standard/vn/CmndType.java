package chuan.standard.vn;

import chuan.standard.ValueType;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code vn.cmnd}: the legacy 9-digit people's identity card number (chứng minh nhân dân, Decree
 * 05/1999/NĐ-CP). Valid as data, but the cards themselves lapsed on 2024-12-31 (Law on
 * Identification 26/2023/QH15, transitional provisions): a value audited after that is reported.
 */
final class CmndType extends VnType {

    static final LocalDate CARDS_VALID_UNTIL = LocalDate.of(2024, 12, 31);
    private static final List<String> RULES = List.of("VN-CMND-FORMAT", "VN-CMND-EXPIRED");

    private final boolean expired;

    CmndType(LocalDate asOf) {
        super("vn.cmnd", RULES, true);
        this.expired = asOf.isAfter(CARDS_VALID_UNTIL);
    }

    @Override
    public int check(CharSequence v, long recordDay) {
        if (v.length() != 9 || !Digits.all(v)) {
            return 0;
        }
        return expired ? 1 : OK;
    }

    @Override
    public String expected(int code) {
        return code == 0 ? "9 digits" : "a 12-digit personal identification number instead";
    }

    @Override
    public String message(int code, CharSequence v, long recordDay) {
        if (code == 0) {
            return v.length() == 8 && Digits.all(v) ? "8 digits: probably a lost leading zero from a spreadsheet"
                    : "has " + v.length() + " characters; a CMND number is 9 digits";
        }
        return "CMND cards are valid only until " + CARDS_VALID_UNTIL + "; record the holder's personal identification number";
    }
}
