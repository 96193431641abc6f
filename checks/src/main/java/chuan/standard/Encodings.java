package chuan.standard;

import chuan.standard.vn.VnEncodings;
import java.util.List;
import java.util.Optional;

/** The legacy encodings the standards packs know, for detection and for declared reading. */
public final class Encodings {

    private Encodings() {
    }

    public static List<LegacyEncoding> all(ReferenceData data) {
        return VnEncodings.all(data);
    }

    public static Optional<LegacyEncoding> byName(String name, ReferenceData data) {
        return VnEncodings.byName(name, data);
    }

    /** The legacy encoding that clearly fits these bytes, if one does. */
    public static Optional<LegacyEncoding> detect(byte[] sample, int length, ReferenceData data) {
        return VnEncodings.detect(sample, length, data);
    }
}
