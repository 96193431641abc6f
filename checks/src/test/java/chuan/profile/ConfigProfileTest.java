package chuan.profile;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.check.ConfigControl;
import chuan.config.check.Expectation;
import chuan.model.Severity;
import chuan.rules.RuleCatalog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Config profiles: controls as data, the catalogue's metadata, per-level expectations, and clear errors. */
class ConfigProfileTest {

    private final ProfileLoader loader = new ProfileLoader(RuleCatalog.builtIn());

    private static final String HEAD = "profile: agency.ssh\nversion: '1'\ntitle: Agency SSH\nkind: config\n";

    private Profile parse(String yaml) throws ProfileException {
        return loader.parse("p.yaml", yaml, Path.of("."), "test");
    }

    private List<String> problems(String yaml) {
        try {
            parse(yaml);
        } catch (ProfileException e) {
            return e.problems().stream().map(ProfileProblem::oneLine).toList();
        }
        throw new AssertionError("expected the profile to be rejected");
    }

    @Test
    void aCatalogueControlTakesItsMetadataAndAnOwnControlBringsIt() throws Exception {
        Profile p = parse(HEAD + """
                config:
                  controls:
                    - {id: SSH-PASSWORD-AUTH, format: sshd, key: PasswordAuthentication, default: "yes", expect: {equals: "no"}}
                    - id: AGENCY-SSH-BANNER
                      title: SSH shows the agency's legal banner
                      severity: low
                      references: [{standard: Agency policy, clause: "4.2"}]
                      format: sshd
                      key: Banner
                      expect: {matches: "^/etc/issue\\\\.net$"}
                """);
        assertThat(p.kind()).isEqualTo(Profile.Kind.CONFIG);
        List<ConfigControl> c = p.config().controls();
        assertThat(c.get(0).title()).isEqualTo("SSH does not accept passwords");
        assertThat(c.get(0).severity()).isEqualTo(Severity.HIGH);
        assertThat(c.get(0).references()).isNotEmpty();
        assertThat(c.get(0).statedDefault()).isEqualTo("yes");
        assertThat(c.get(0).format().label()).isEqualTo("sshd");
        assertThat(c.get(1).title()).isEqualTo("SSH shows the agency's legal banner");
        assertThat(c.get(1).references().get(0).display()).isEqualTo("Agency policy 4.2");
        assertThat(c.get(1).expect()).isInstanceOf(Expectation.Matches.class);
    }

    @Test
    void levelsPickTheEntryOfTheHighestLevelNotAboveTheOneAudited() throws Exception {
        Profile p = parse(HEAD + """
                config:
                  controls:
                    - id: VN-SEC-LOCKOUT
                      format: pam
                      paths: [etc/pam.d/common-auth]
                      key: auth pam_faillock.so deny
                      levels: {2: {max: 10}, 4: {max: 5}}
                """);
        ConfigControl c = p.config().controls().get(0);
        assertThat(c.expectationAt(1)).isNull();
        assertThat(c.expectationAt(3)).isEqualTo(new Expectation.Max("10"));
        assertThat(c.expectationAt(5)).isEqualTo(new Expectation.Max("5"));
    }

    @Test
    void mistakesAreNamedAtTheirLine() {
        assertThat(problems(HEAD + "config:\n  controls:\n    - {id: AGENCY-X, format: sshd, key: Banner, expect: {present: true}}\n"))
                .containsExactly("p.yaml:7:12: control AGENCY-X is not in the rule catalogue, so it needs its own 'title' and 'severity'");
        assertThat(problems(HEAD + "config:\n  controls:\n    - {id: SSH-ROOT-LOGIN, format: sshd, key: PermitRootLogin}\n"))
                .singleElement().asString().contains("needs either 'expect' or 'levels'");
        assertThat(problems(HEAD + "config:\n  controls:\n    - {id: LINUX-PAM-LOCKOUT, format: pam, paths: [etc/pam.d/x], "
                + "key: pam_faillock.so, expect: {present: true}}\n"))
                .singleElement().asString().contains("a PAM key is \"TYPE MODULE [ARGUMENT]\"");
        assertThat(problems(HEAD + "config:\n  controls:\n    - {id: SPRING-DEBUG, format: properties, key: debug, "
                + "expect: {equals: 'false'}}\n"))
                .singleElement().asString().contains("give 'paths'");
        assertThat(problems(HEAD + "config:\n  controls:\n    - {id: SSH-MAX-AUTH-TRIES, format: sshd, key: MaxAuthTries, "
                + "expect: {max: 4, equals: 3}}\n"))
                .singleElement().asString().contains("only 'min' and 'max' go together");
        assertThat(problems(HEAD + "config:\n  controls:\n    - {id: SSH-LOG-LEVEL, format: sshd, key: LogLevel, "
                + "expect: {matches: '(a'}}\n"))
                .singleElement().asString().startsWith("p.yaml:7:").contains("not a valid regular expression");
        assertThat(problems(HEAD + "config:\n  controls:\n    - {id: SSH-LOG-LEVEL, format: sshd, key: LogLevel, "
                + "expect: {within: [INFO]}}\n"))
                .singleElement().asString().contains("within");
        assertThat(problems(HEAD + "config:\n  controls:\n    - {id: SSH-LOG-LEVEL, format: httpd, key: LogLevel, "
                + "expect: {equals: INFO}}\n"))
                .singleElement().asString().contains("format");
        assertThat(problems(HEAD + "config:\n  controls:\n    - {id: VN-SEC-ENCRYPTED-ADMIN, format: lines, paths: [etc/inetd.conf], "
                + "key: '^(telnet', expect: {absent: true}}\n"))
                .singleElement().asString().startsWith("p.yaml:7:").contains("a lines key is a regular expression");
        assertThat(problems(HEAD + "config:\n  controls:\n    - {id: TOMCAT-SHUTDOWN-PORT, format: xml, paths: [etc/x.xml], "
                + "key: '//Server[@port', expect: {equals: -1}}\n"))
                .singleElement().asString().contains("an xml key is an XPath expression");
        assertThat(problems(HEAD + "applies-to: ['**/*.conf']\nconfig:\n  controls:\n"
                + "    - {id: SSH-LOG-LEVEL, format: sshd, key: LogLevel, expect: {equals: INFO}}\n"))
                .containsExactly("p.yaml:5:1: a config profile audits system roots; its controls name their files with 'paths'");
        assertThat(problems(HEAD + "dataset:\n  columns: []\nconfig:\n  controls:\n"
                + "    - {id: SSH-LOG-LEVEL, format: sshd, key: LogLevel, expect: {equals: INFO}}\n"))
                .anySatisfy(s -> assertThat(s).contains("'dataset' belongs to profiles of kind dataset"));
    }

    /** Found by fuzzing: a bound in a unit the bounds do not know passed the loader, and the audit threw. */
    @Test
    void boundsTheComparisonCannotReadAreRefusedWhenTheProfileLoads() {
        for (String bound : List.of("0b", "1permitopen", "5 parsecs")) {
            assertThat(problems(HEAD + "config:\n  controls:\n    - {id: SSH-MAX-AUTH-TRIES, format: sshd, key: MaxAuthTries, "
                    + "expect: {max: '" + bound + "'}}\n"))
                    .as(bound).containsExactly("p.yaml:7:79: 'max' is a number, or a time span such as 15m or 90d");
        }
        assertThat(chuan.config.check.Expectation.isBound("1h30m")).isTrue();
        assertThat(chuan.config.check.Expectation.isBound("14")).isTrue();
        // and should one reach the comparison, it fails the value instead of throwing
        assertThat(new chuan.config.check.Expectation.Max("0b").failure("4")).isEqualTo("cannot be compared with 0b");
    }

    @Test
    void everyBuiltInConfigProfileLoadsWithControlsOfTheCatalogue() {
        var builtIns = new ProfileRegistry(loader).builtIns();
        assertThat(builtIns).containsKeys("ssh", "nginx", "apache", "tomcat", "linux-accounts", "kernel", "spring-app", "secrets",
                "vn.security-baseline");
        for (Profile p : builtIns.values()) {
            if (p.kind() == Profile.Kind.CONFIG) {
                assertThat(p.config().controls()).as(p.id() + " has controls").isNotEmpty();
                for (ConfigControl c : p.config().controls()) {
                    assertThat(RuleCatalog.builtIn().find(c.id())).as(p.id() + " " + c.id()).isPresent();
                    assertThat(c.references()).as(c.id() + " cites its source").isNotEmpty();
                }
            }
        }
    }
}
