package chuan.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Jackson's messages, cut to their first line and without the source excerpt. */
final class JsonReaderMessages {

    private JsonReaderMessages() {
    }

    static String brief(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "malformed JSON";
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
