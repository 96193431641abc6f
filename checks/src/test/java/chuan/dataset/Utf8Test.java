package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The parser's UTF-8 validation agrees with the JDK's strict decoder. */
class Utf8Test {

    private static int jdk(byte[] b) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            return s.codePointCount(0, s.length());
        } catch (CharacterCodingException e) {
            return -1;
        }
    }

    @Test
    void countsCodePointsOfValidText() {
        for (String s : new String[] {"", "abc", "Nguyễn Thị Mỹ Duyên", "𝔸b", "Nữ"}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertThat(Utf8.codePoints(b, 0, b.length)).as(s).isEqualTo(s.codePointCount(0, s.length()));
        }
    }

    @Test
    void rejectsWhatTheStrictDecoderRejects() {
        byte[][] bad = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE1, (byte) 0xBA},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0x80}, {'a', (byte) 0xE1, 'b'}};
        for (byte[] b : bad) {
            assertThat(Utf8.codePoints(b, 0, b.length)).isEqualTo(-1).isEqualTo(jdk(b));
        }
    }

    @Test
    void agreesWithTheJdkOnRandomBytes() {
        Random r = new Random(3);
        for (int k = 0; k < 200_000; k++) {
            byte[] b = new byte[r.nextInt(6)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (r.nextBoolean() ? 0x80 + r.nextInt(0x80) : r.nextInt(256));
            }
            assertThat(Utf8.codePoints(b, 0, b.length)).isEqualTo(jdk(b));
        }
    }
}
