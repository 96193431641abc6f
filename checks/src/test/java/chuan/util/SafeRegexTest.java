package chuan.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SafeRegexTest {

    @Test
    @Timeout(10)
    void nestedCountedRepeatsAreRefusedBeforeRe2jExpandsThem() {
        // RE2/J runs out of memory compiling this one (a billion instructions)
        assertThatThrownBy(() -> SafeRegex.compile("((a{1000}){1000}){1000}")).isInstanceOf(PatternSyntaxException.class)
                .hasMessageContaining("expand");
        assertThatThrownBy(() -> SafeRegex.compile("(a{1000}){1000}")).isInstanceOf(PatternSyntaxException.class);
        assertThatThrownBy(() -> SafeRegex.compile("[0-9]{1000}{1000}")).isInstanceOf(PatternSyntaxException.class);
        assertThatThrownBy(() -> SafeRegex.compile("(?:x|(?i:ab{999}){999})")).isInstanceOf(PatternSyntaxException.class);
    }

    @Test
    void realPatternsAreWellUnderTheBudget() {
        for (String p : new String[] {"^[0-9]{12}$", "^.{0,1000}$", "^(0[1-9]|[1-8][0-9]|9[0-6])[0-9]{3}$",
                "^[\\p{L} .'-]{1,100}$", "\\Q{1000}\\E{3}", "[{]{1000}", "a{,5}{9}"}) {
            assertThat(SafeRegex.compile(p)).as(p).isNotNull();
        }
        assertThat(SafeRegex.estimate("^[0-9]{12}$")).isBetween(12L, 20L);
        assertThat(SafeRegex.estimate("(ab){10}")).isBetween(20L, 40L);
    }

    @Test
    void syntaxErrorsStayRe2jErrors() {
        assertThatThrownBy(() -> SafeRegex.compile("(a")).isInstanceOf(PatternSyntaxException.class);
        assertThatThrownBy(() -> SafeRegex.compile("(?<=a)b")).isInstanceOf(PatternSyntaxException.class);
    }
}
