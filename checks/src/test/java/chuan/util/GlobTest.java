package chuan.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class GlobTest {

    @Test
    void pathGlobsMatchAsTheJdkDidOnOrdinaryPatterns() {
        String[][] cases = {
                {"*.csv", "a.csv", "true"}, {"*.csv", "dir/a.csv", "false"}, {"**/*.csv", "dir/sub/a.csv", "true"},
                {"**/*.csv", "a.csv", "true"}, {"registers/*-2025-??.csv", "registers/x-2025-06.csv", "true"},
                {"registers/*-2025-??.csv", "registers/x-2025-6.csv", "false"}, {"{a,b}.txt", "b.txt", "true"},
                {"{a,b}.txt", "c.txt", "false"}, {"[!a]*.conf", "b.conf", "true"}, {"[!a]*.conf", "a.conf", "false"},
                {"etc/ssh/sshd_config", "etc/ssh/sshd_config", "true"}, {"etc/*/x", "etc/a/b/x", "false"},
                {"a.b", "aXb", "false"}, {"data(1).csv", "data(1).csv", "true"}, {"[a-c]?.csv", "bz.csv", "true"},
        };
        for (String[] c : cases) {
            assertThat(Glob.compile(c[0], Glob.Syntax.PATH).matches(c[1])).as(c[0] + " ~ " + c[1]).isEqualTo(Boolean.parseBoolean(c[2]));
        }
        // the same answers as the JDK's matcher where both read the glob alike
        List<String[]> bothReadAlike = java.util.Arrays.stream(cases).filter(c -> !c[0].startsWith("**/")).toList();
        assertThat(bothReadAlike).hasSizeGreaterThan(10);
        for (String[] c : bothReadAlike) {
            assertThat(FileSystems.getDefault().getPathMatcher("glob:" + c[0]).matches(Path.of(c[1]))).as("jdk " + c[0])
                    .isEqualTo(Boolean.parseBoolean(c[2]));
        }
    }

    @Test
    void posixGlobsHaveNoBracesAndKeepClassesOffTheSeparator() {
        assertThat(Glob.compile("{a,b}.conf", Glob.Syntax.POSIX).matches("{a,b}.conf")).isTrue();
        assertThat(Glob.compile("*.conf", Glob.Syntax.POSIX).matches("x/y.conf")).isFalse();
        assertThat(Glob.compile("a[!b]c", Glob.Syntax.POSIX).matches("a/c")).isFalse();
        assertThat(Glob.compile("[[:digit:]]*.conf", Glob.Syntax.POSIX).matches("50-cloud.conf")).isTrue();
    }

    @Test
    void sysctlGlobsStayWithinOneComponent() {
        Glob g = Glob.compile("net.ipv4.conf.*.rp_filter", Glob.Syntax.SYSCTL);
        assertThat(g.matches("net.ipv4.conf.all.rp_filter")).isTrue();
        assertThat(g.matches("net.ipv4.conf.a.b.rp_filter")).isFalse();
    }

    @Test
    void invalidGlobsAreRefusedWithTheirColumn() {
        assertThatThrownBy(() -> Glob.compile("etc/[", Glob.Syntax.PATH)).isInstanceOf(Glob.Invalid.class)
                .hasMessageContaining("'[' is never closed").satisfies(e -> assertThat(((Glob.Invalid) e).column()).isEqualTo(5));
        assertThatThrownBy(() -> Glob.compile("{a,{b}}", Glob.Syntax.PATH)).isInstanceOf(Glob.Invalid.class)
                .hasMessageContaining("do not nest");
        assertThatThrownBy(() -> Glob.compile("{a,b", Glob.Syntax.PATH)).hasMessageContaining("never closed");
        assertThatThrownBy(() -> Glob.compile("a\\", Glob.Syntax.POSIX)).hasMessageContaining("backslash");
        assertThatThrownBy(() -> Glob.compile("x".repeat(5000), Glob.Syntax.PATH)).hasMessageContaining("longer than");
    }

    @Test
    @Timeout(10)
    void aGlobThatBacktracksExponentiallyInTheJdkIsLinearHere() {
        // the JDK's glob is a backtracking regex: 30 a's take 3 s there, 40 over a minute, 100,000 forever
        String glob = "*a*a*a*a*a*a*a*a*a*a*a*a*b";
        String name = "a".repeat(100_000);
        long start = System.nanoTime();
        assertThat(Glob.compile(glob, Glob.Syntax.POSIX).matches(name)).isFalse();
        assertThat(Glob.compile("**" + glob, Glob.Syntax.PATH).matches(name)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
