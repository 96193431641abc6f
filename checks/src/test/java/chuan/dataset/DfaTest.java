package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The automaton answers exactly as RE2/J does, on the patterns it accepts. */
class DfaTest {

    static final List<String> PATTERNS = List.of(
            "^[0-9]{12}$", "^0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])[0-9]{7}$",
            "^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$",
            "^[A-ZĐÂ][a-zđâ]*( [A-ZĐÂ][a-zđâ]*)+$", "ab", "a.c", "^a.c$", "(ab|ba)+", "x{2,3}y?$", "^$", "",
            "[^abc]{2}", "\\d+-\\w*", "^\\s*\\S+\\s*$", "a|b|c", "(a|ab)(c|bcd)", "^(a+)+$", "[-a]z", "[a-]z",
            "[]a]+", "[^]a]", "\\.\\$", "a{0}b", "a{2,}", "(?:ab)?c", "^[\\d\\s]+$", "colou?r", "a*?b", "^.{3}$");

    static final String ALPHABET = "abcxyz019 -.@_$\nĐđâÂ\r]";

    @Test
    void agreesWithRe2OnRandomTexts() {
        Random r = new Random(7);
        for (String p : PATTERNS) {
            Dfa dfa = Dfa.compile(p);
            assertThat(dfa).as(p).isNotNull();
            Pattern re2 = Pattern.compile(p);
            for (int k = 0; k < 3000; k++) {
                StringBuilder sb = new StringBuilder();
                int len = r.nextInt(14);
                for (int j = 0; j < len; j++) {
                    sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                }
                String s = sb.toString();
                boolean expected = re2.matcher(s).find();
                assertThat(dfa.find(s)).as("%s on \"%s\"", p, s).isEqualTo(expected ? Dfa.YES : Dfa.NO);
            }
        }
    }

    @Test
    void agreesWithRe2OnRealValues() {
        String[][] cases = {
            {"^[0-9]{12}$", "079203012345", "07920301234", "0792030123456", "07920301234a"},
            {"^0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])[0-9]{7}$", "0912345678", "0952345678", "0123456789", "091234567"},
            {"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$", "lan@gmail.com", "lan@gmail", "a@b.c", "x@@y.vn"},
        };
        for (String[] c : cases) {
            Dfa dfa = Dfa.compile(c[0]);
            Pattern re2 = Pattern.compile(c[0]);
            for (int k = 1; k < c.length; k++) {
                assertThat(dfa.find(c[k])).as(c[k]).isEqualTo(re2.matcher(c[k]).find() ? Dfa.YES : Dfa.NO);
            }
        }
    }

    @Test
    void leavesWhatItDoesNotSupportToTheOtherEngines() {
        for (String p : List.of("\\pL+", "(?i)abc", "[[:alpha:]]", "a\\b", "^a|b$", "a^b", "x{1001}", "\\x41", "😀")) {
            assertThat(Dfa.compile(p)).as(p).isNull();
        }
    }

    @Test
    void surrogatePairsAreLeftToRe2() {
        assertThat(Dfa.compile("^.{3}$").find("a😀")).isEqualTo(Dfa.UNKNOWN);
        assertThat(SafePattern.compile("^.{2}$").matcher().find("a😀")).isTrue();
    }

    @Test
    void anAutomatonThatWouldExplodeIsRefused() {
        assertThat(Dfa.compile("(a|b)*a(a|b){20}$")).isNull();
        assertThat(SafePattern.compile("(a|b)*a(a|b){20}$").matcher().find("b".repeat(30) + "a" + "b".repeat(20))).isTrue();
    }
}
