package chuan.config.linux;

import static chuan.config.RootFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.ConfigProblem;
import chuan.config.EffectiveConfig.Scoped;
import chuan.config.SystemRoot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** logrotate: includes, stanzas that start from the global options above them, and how long logs are kept. */
class LogrotateConfigTest {

    @TempDir
    Path root;

    private LogrotateConfig debian(String rsyslog) throws Exception {
        write(root, "/etc/logrotate.conf", "weekly\nrotate 4\ncreate\ninclude /etc/logrotate.d\n");
        write(root, "/etc/logrotate.d/rsyslog", rsyslog);
        write(root, "/etc/logrotate.d/apt", "/var/log/apt/history.log {\n  rotate 12\n  monthly\n}\n");
        write(root, "/etc/logrotate.d/apt.dpkg-old", "/var/log/apt/history.log {\n  rotate 1\n  daily\n}\n");
        return LogrotateConfig.read(new SystemRoot(root));
    }

    @Test
    void retentionIsRotationsTimesThePeriodForTheStanzaThatRotatesTheLog() throws Exception {
        LogrotateConfig c = debian("""
                /var/log/syslog
                /var/log/auth.log
                {
                \trotate 4
                \tweekly
                \tpostrotate
                \t\t/usr/lib/rsyslog/rsyslog-rotate
                \tendscript
                }
                """);
        List<Scoped> auth = c.lookup("retention-days /var/log/auth.log");
        assertThat(auth).singleElement().satisfies(s -> {
            assertThat(s.setting().value()).isEqualTo("28");
            assertThat(s.setting().from().origin()).isEqualTo("/etc/logrotate.d/rsyslog:4");
            assertThat(s.scope()).isEqualTo("/var/log/syslog /var/log/auth.log (/etc/logrotate.d/rsyslog:1)");
            assertThat(s.note()).isEqualTo("rotate 4, weekly (/etc/logrotate.d/rsyslog:5)");
        });
        // the .dpkg-old leftover is not read, as logrotate skips it
        assertThat(c.lookup("retention-days /var/log/apt/history.log")).extracting(s -> s.setting().value()).containsExactly("360");
        assertThat(c.lookup("retention-days")).hasSize(2);
        assertThat(c.lookup("retention-days /var/log/nothing.log")).isEmpty();
        assertThat(c.problems()).isEmpty();
    }

    @Test
    void aStanzaStartsFromTheGlobalOptionsAndMaxageCutsRetention() throws Exception {
        LogrotateConfig c = debian("/var/log/auth.log {\n  daily\n  rotate 30\n  maxage 10\n}\n");
        Scoped s = c.lookup("retention-days /var/log/auth.log").get(0);
        assertThat(s.setting().value()).isEqualTo("10"); // 30 daily rotations, but none older than 10 days
        assertThat(s.setting().from().origin()).isEqualTo("/etc/logrotate.d/rsyslog:4");
        LogrotateConfig inherits = debian("/var/log/auth.log {\n  missingok\n}\n");
        Scoped g = inherits.lookup("retention-days /var/log/auth.log").get(0);
        assertThat(g.setting().value()).isEqualTo("28");
        assertThat(g.setting().from().origin()).isEqualTo("/etc/logrotate.conf:2");
        assertThat(inherits.lookup("rotate /var/log/auth.log").get(0).setting().value()).isEqualTo("4");
    }

    @Test
    void anUnclosedStanzaIsMalformed() throws Exception {
        LogrotateConfig c = debian("/var/log/auth.log {\n  rotate 13\n");
        assertThat(c.problems()).extracting(ConfigProblem::oneLine)
                .containsExactly("/etc/logrotate.d/rsyslog:1: stanza is not closed before the end of the file");
        assertThat(c.problems().get(0).malformed()).isTrue();
    }
}
