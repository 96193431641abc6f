package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SafePatternTest {

    private static boolean find(String pattern, String value) {
        return SafePattern.compile(pattern).matcher().find(value);
    }

    @Test
    void matchesLikeRe2() {
        assertThat(find("^0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])[0-9]{7}$", "0912345678")).isTrue();
        assertThat(find("^0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])[0-9]{7}$", "0952345678")).isFalse();
        assertThat(find("^\\d{3}-\\w+$", "079-abc_1")).isTrue();
    }

    @Test
    void dollarIsTheEndOfTextNotBeforeAFinalNewline() {
        // the JDK's $ also matches before a trailing line break; RE2's does not
        assertThat(find("^abc$", "abc\n")).isFalse();
        assertThat(find("^abc$", "abc")).isTrue();
    }

    @Test
    void dotDoesNotMatchNewlineButMatchesCarriageReturn() {
        assertThat(find("^a.b$", "a\nb")).isFalse();
        assertThat(find("^a.b$", "a\rb")).isTrue();
    }

    @Test
    void posixClassesUseRe2Semantics() {
        // the JDK would read [[:alpha:]] as a union of ':', 'a', 'l', 'p', 'h'
        assertThat(find("^[[:alpha:]]+$", "Hanoi")).isTrue();
        assertThat(find("^[[:alpha:]]+$", "::")).isFalse();
    }

    @Test
    void translationKeepsOnlySharedSyntax() {
        assertThat(SafePattern.JdkTranslation.of("^[0-9]{12}$")).isEqualTo("^[0-9]{12}\\z");
        assertThat(SafePattern.JdkTranslation.of("a.b")).isEqualTo("a[^\\n]b");
        assertThat(SafePattern.JdkTranslation.of("[.$]")).isEqualTo("[.$]");
        assertThat(SafePattern.JdkTranslation.of("\\pL+")).isNull();
        assertThat(SafePattern.JdkTranslation.of("(?i)abc")).isNull();
        assertThat(SafePattern.JdkTranslation.of("[a&&b]")).isNull();
    }

    @Test
    void catastrophicPatternsFinishInLinearTime() {
        String input = "a".repeat(50_000) + "!";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(find("(a+)+$", input)).isFalse();
            assertThat(find("^(a|aa)*b$", input)).isFalse();
            assertThat(find("(a+)+!$", input)).isTrue();
        });
    }
}
