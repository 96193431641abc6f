package chuan.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one escaping rule for text from the inputs. */
class InertTest {

    @Test
    void terminalControlsAreShownAsEscapes() {
        assertThat(Inert.text("a\u001b[31mred\u001b[0m")).isEqualTo("a\\x1b[31mred\\x1b[0m");
        assertThat(Inert.text("\u001b]8;;http://x\u0007link\u001b]8;;\u001b\\")).isEqualTo("\\x1b]8;;http://x\\x07link\\x1b]8;;\\x1b\\");
        assertThat(Inert.text("\u0000\b\t\n\r\u007f\u0080\u0085\u009b\u009f")).isEqualTo("\\x00\\x08\\x09\\x0a\\x0d\\x7f\\x80\\x85\\x9b\\x9f");
    }

    @Test
    void bidiOverridesSeparatorsAndNonCharactersAreShownAsEscapes() {
        assertThat(Inert.text("exe.\u202etxt")).isEqualTo("exe.\\u202etxt");
        assertThat(Inert.text("\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u200e\u200f\u061c"))
                .isEqualTo("\\u2066\\u2067\\u2068\\u2069\\u202a\\u202b\\u202c\\u202d\\u200e\\u200f\\u061c");
        assertThat(Inert.text("\u2028\u2029\ufffe\uffff")).isEqualTo("\\u2028\\u2029\\ufffe\\uffff");
    }

    @Test
    void loneSurrogatesBecomeTheReplacementCharacterAndPairsStay() {
        assertThat(Inert.text("a\ud800b\udfffc\ud83d")).isEqualTo("a\ufffdb\ufffdc\ufffd");
        assertThat(Inert.text("\ud83d\ude00")).isEqualTo("\ud83d\ude00");
        assertThat(Inert.wellFormed("\u001b\udc00\ud83d\ude00")).isEqualTo("\u001b\ufffd\ud83d\ude00");
    }

    @Test
    void ordinaryTextIsUntouchedAndEscapingTwiceChangesNothing() {
        String vietnamese = "Nguyễn Thị Lan, Hà Nội; C:\\data\\x.csv; ^\\d{12}$";
        assertThat(Inert.text(vietnamese)).isSameAs(vietnamese);
        String once = Inert.text("\u001b[2J\u202e\ud800\n");
        assertThat(Inert.text(once)).isEqualTo(once);
        assertThat(Inert.text(null)).isNull();
    }

    @Test
    void linesKeepLineFeedsOnly() {
        assertThat(Inert.lines("a\nb\r\n\u001b")).isEqualTo("a\nb\\x0d\n\\x1b");
    }

    @Test
    void markdownCannotMakeLinksHtmlCodeOrColumns() {
        assertThat(Inert.markdown("a|b `c` <img src=x> [l](http://e) *e* _u_ &amp; ~~s~~ # h\u001b"))
                .isEqualTo("a\\|b \\`c\\` \\<img src=x\\> \\[l\\](http://e) \\*e\\* \\_u\\_ \\&amp; \\~\\~s\\~\\~ \\# h\\\\x1b"); // the escape's own backslash too
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreQuoted() {
        assertThat(Inert.csv("=HYPERLINK(\"http://e\",\"x\")")).isEqualTo("'=HYPERLINK(\"http://e\",\"x\")");
        assertThat(Inert.csv("+1")).isEqualTo("'+1");
        assertThat(Inert.csv("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(Inert.csv("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Inert.csv("\t=1")).isEqualTo("\\x09=1"); // escaped, so it no longer starts with a tab
        assertThat(Inert.csv("a=1")).isEqualTo("a=1");
        assertThat(Inert.csv("")).isEmpty();
        assertThat(Inert.csv(null)).isNull();
    }
}
