package chuan.dataset;

import chuan.profile.DatasetSpec;
import java.io.InputStream;

/**
 * What a source is opened with: the file's bytes past any byte-order mark (UTF-8 by now), the
 * profile's {@code dataset:} section, the field delimiter and comment prefix a delimited file is
 * split by, and whether JSON records keep their text (for the JSON Schema and repeated records).
 */
record Opening(InputStream in, DatasetSpec dataset, char delimiter, byte[] comment, boolean keepText) {
}
