package chuan.config.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The assertions a control can make on an effective value, and the TLS protocol sets of each server's syntax. */
class ExpectationTest {

    @Test
    void wordsCompareWithoutCaseAndUnsetValuesFailUnlessAbsenceIsExpected() {
        assertThat(new Expectation.Equals("no").failure("No")).isNull();
        assertThat(new Expectation.Equals("no").failure("yes")).isEqualTo("is not no");
        assertThat(new Expectation.Equals("no").failure(null)).isEqualTo("not set");
        assertThat(new Expectation.In(List.of("INFO", "VERBOSE")).failure("verbose")).isNull();
        assertThat(new Expectation.NotIn(List.of("true")).failure("TRUE")).isEqualTo("is one of [true]");
        assertThat(new Expectation.NotIn(List.of("true")).failure(null)).isNull();
        assertThat(new Expectation.Present().failure(null)).isEqualTo("not set");
        assertThat(new Expectation.Absent().failure("nullok")).isEqualTo("is set");
        assertThat(new Expectation.Absent().failure(null)).isNull();
        assertThat(new Expectation.Matches("^[0-9]+$", Pattern.compile("^[0-9]+$")).failure("12a")).isEqualTo("does not match ^[0-9]+$");
    }

    @Test
    void boundsCompareNumbersAndTimeSpans() {
        assertThat(new Expectation.Max("365").failure("99999")).isEqualTo("is more than 365");
        assertThat(new Expectation.Max("365").failure("365")).isNull();
        assertThat(new Expectation.Min("14").failure("8")).isEqualTo("is less than 14");
        assertThat(new Expectation.Min("1").failure("-1")).isEqualTo("is less than 1");
        // sshd and systemd spans: 2m is 120 s; a plain number next to a span is seconds
        assertThat(new Expectation.Max("60s").failure("2m")).isEqualTo("is more than 60s");
        assertThat(new Expectation.Max("60s").failure("45")).isNull();
        assertThat(new Expectation.Min("90d").failure("3month")).isNull();
        assertThat(new Expectation.Min("90d").failure("1month")).isEqualTo("is less than 90d");
        assertThat(new Expectation.Min("90d").failure("1h30m")).isEqualTo("is less than 90d");
        assertThat(new Expectation.Min("30d").failure("infinity")).isNull();
        assertThat(new Expectation.Between("1", "300").failure("0")).isEqualTo("is less than 1");
        assertThat(new Expectation.Between("1", "300").failure("600")).isEqualTo("is more than 300");
        assertThat(new Expectation.Max("5").failure("lots")).isEqualTo("is not a number");
    }

    @Test
    void listValuesAreSplitOnCommasAndBlanksAndRemovalsAreNotContained() {
        Expectation x = new Expectation.ContainsNone(List.of("aes128-cbc", "Indexes", "All"));
        assertThat(x.failure("chacha20-poly1305@openssh.com,aes128-cbc")).isEqualTo("contains aes128-cbc");
        assertThat(x.failure("+aes128-cbc")).isEqualTo("contains aes128-cbc");
        assertThat(x.failure("Indexes FollowSymLinks")).isEqualTo("contains Indexes");
        assertThat(x.failure("-Indexes +FollowSymLinks")).isNull();
        assertThat(x.failure("+indexes")).isEqualTo("contains indexes");
        assertThat(x.failure(null)).isNull();
    }

    @Test
    void tlsSettingsAreReadInEachServersSyntax() {
        Expectation min12 = new Expectation.TlsMinimum(TlsProtocols.Version.TLSv1_2);
        assertThat(min12.failure("TLSv1 TLSv1.1 TLSv1.2 TLSv1.3")).isEqualTo("enables TLSv1, TLSv1.1");  // nginx
        assertThat(min12.failure("TLSv1.2 TLSv1.3")).isNull();
        assertThat(min12.failure("all -SSLv3")).isEqualTo("enables TLSv1, TLSv1.1");                     // mod_ssl
        assertThat(min12.failure("-all +TLSv1.2 +TLSv1.3")).isNull();
        assertThat(min12.failure("all -TLSv1 -TLSv1.1")).isNull();
        assertThat(min12.failure("+SSLv3 +TLSv1.2")).isEqualTo("enables SSLv3");
        assertThat(min12.failure("TLSv1.2+TLSv1.3")).isNull();                                             // Tomcat
        assertThat(min12.failure("SSLv2Hello+TLSv1+TLSv1.2")).isEqualTo("enables TLSv1");
        assertThat(min12.failure("TLSv1.2,TLSv1.3")).isNull();                                             // Spring
        assertThat(min12.failure("TLSv1.4")).isEqualTo("names an unknown protocol \"TLSv1.4\"");
        assertThat(min12.failure("-all")).isEqualTo("enables no protocol");
    }
}
