package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.AuditReport;
import chuan.model.Violation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An attacker who holds a report (any format) learns nothing of a masked value that guessing the
 * whole value would not give: no fingerprint to test guesses against, no value in clear in a message.
 */
class MaskingHoldsTest {

    private static final String ID = "079203012345";
    private static final String[] FORMATS = {"json", "sarif", "junit", "csv", "markdown", "html", "console"};

    /** Scans with every format to files, and returns each file's text. */
    private static List<String> reports(Path dir, String... scanArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("scan"));
        args.addAll(List.of(scanArgs));
        args.addAll(List.of("--as-of", "2026-01-01", "-q", "--fingerprint-key", dir.resolve("key").toString()));
        for (String f : FORMATS) {
            args.add("-f");
            args.add(f + "=" + dir.resolve("report." + f));
        }
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isIn(0, 1, 3);
        List<String> texts = new ArrayList<>();
        for (String f : FORMATS) {
            texts.add(Files.readString(dir.resolve("report." + f)));
        }
        texts.add(r.err());
        return texts;
    }

    @Test
    void theFingerprintOfAMaskedIdCannotBeBruteForcedFromTheReport(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("p.yaml");
        Files.writeString(profile, "profile: ids\nversion: '1'\ntitle: IDs\nkind: dataset\n"
                + "dataset:\n  columns:\n    - name: id\n      type: vn.personal-id\n      unique: true\n");
        Path csv = dir.resolve("ids.csv");
        Files.writeString(csv, "id\n" + ID + "\n" + ID + "\n");
        reports(dir, "-p", profile.toString(), csv.toString());
        AuditReport report = Reports.read(dir.resolve("report.json"));
        Violation example = Reports.firstExample(Reports.result(report, "DATA-UNIQUE"));
        String masked = example.value();
        String key = example.key();
        assertThat(masked).isEqualTo("0792******45");
        String fileFingerprint = report.targets().get(0).fingerprint();

        // every value the mask leaves open: 10^6 candidates, tried against every unkeyed scheme
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Mac emptyKey = Mac.getInstance("HmacSHA256");
        emptyKey.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        List<String> recovered = new ArrayList<>();
        for (int n = 0; n < 1_000_000; n++) {
            String candidate = masked.substring(0, 4) + String.format("%06d", n) + masked.substring(10);
            String oldKey = HexFormat.of().formatHex(sha.digest(("id\u0000" + candidate).getBytes(StandardCharsets.UTF_8)), 0, 8);
            String plain = HexFormat.of().formatHex(sha.digest(("id\u0000" + candidate).getBytes(StandardCharsets.UTF_8)), 0, 16);
            emptyKey.update("id".getBytes(StandardCharsets.UTF_8));
            emptyKey.update((byte) 0);
            String unkeyedHmac = HexFormat.of().formatHex(emptyKey.doFinal(candidate.getBytes(StandardCharsets.UTF_8)), 0, 16);
            if (key.startsWith(oldKey) || key.equals(plain) || key.equals(unkeyedHmac)) {
                recovered.add(candidate);
            }
        }
        // the file's fingerprint is no plain SHA-256 either: a one-ID file would give the ID away
        byte[] file = Files.readAllBytes(csv);
        assertThat(HexFormat.of().formatHex(sha.digest(file))).isNotEqualTo(fileFingerprint);
        assertThat(recovered).isEmpty();

        // and with the project's secret (which no report holds) the same search does find it: the test can fail
        byte[] secret = HexFormat.of().parseHex(Files.readString(dir.resolve("key")).strip());
        Mac keyed = Mac.getInstance("HmacSHA256");
        keyed.init(new SecretKeySpec(secret, "HmacSHA256"));
        keyed.update("id".getBytes(StandardCharsets.UTF_8));
        keyed.update((byte) 0);
        assertThat(HexFormat.of().formatHex(keyed.doFinal(ID.getBytes(StandardCharsets.UTF_8)), 0, 16)).isEqualTo(key);
        assertThat(String.join("\n", reports(dir, "-p", profile.toString(), csv.toString()))).doesNotContain(ID)
                .doesNotContain(Files.readString(dir.resolve("key")).strip());
    }

    @Test
    void passwordsNotInForceAndInConnectionUrlsAreMaskedInEveryFormat(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("root");
        Path app = root.resolve("opt/app/application.properties");
        Files.createDirectories(app.getParent());
        Files.writeString(app, "spring.datasource.password=Zq8wV3nT6yR1\n"
                + "spring.datasource.password=changeme\n"
                + "spring.datasource.url=jdbc:postgresql://app:Kp4sW9xL2mQ7@db.internal:5432/cases\n");
        Path profile = dir.resolve("url.yaml");
        Files.writeString(profile, "profile: db-url\nversion: '1'\ntitle: URL\nkind: config\nconfig:\n  controls:\n"
                + "    - {id: APP-DB-TLS, title: The database connection uses TLS, severity: high, format: properties,\n"
                + "       paths: ['**/application.properties'], key: spring.datasource.url, expect: {matches: 'sslmode=require'}}\n");
        String all = String.join("\n", reports(dir, "-p", "spring-app", "-p", profile.toString(), root.toString()));
        assertThat(all).contains("SPRING-DEFAULT-CREDENTIALS").contains("APP-DB-TLS");
        assertThat(all).doesNotContain("Zq8wV3nT6yR1").doesNotContain("Kp4sW9xL2mQ7").doesNotContain("Zq8w").doesNotContain("Kp4s");
        assertThat(all).contains("jdbc:postgresql://app:********@db.internal:5432/cases");

        CliRunner url = CliRunner.run("effective", root.toString(), "properties", "--file", "/opt/app/application.properties",
                "--key", "spring.datasource.url");
        assertThat(url.out()).contains("app:********@db.internal").doesNotContain("Kp4sW9xL2mQ7");
        CliRunner pw = CliRunner.run("effective", root.toString(), "properties", "--file", "/opt/app/application.properties",
                "--key", "spring.datasource.password");
        assertThat(pw.out()).doesNotContain("Zq8wV3nT6yR1").doesNotContain("changeme").contains("not used: ********");
    }

    @Test
    void valuesQuotedByParsersAndSchemasAndHeaderlessNamesAreMasked(@TempDir Path dir) throws Exception {
        Path schema = dir.resolve("rec.schema.json");
        Files.writeString(schema, "{\"type\": \"object\", \"additionalProperties\": false,"
                + " \"properties\": {\"id\": {\"type\": \"string\"}, \"n\": {\"type\": \"integer\", \"maximum\": 10}}}");
        Path profile = dir.resolve("p.yaml");
        Files.writeString(profile, "profile: recs\nversion: '1'\ntitle: Records\nkind: dataset\n"
                + "dataset:\n  json-schema: rec.schema.json\n  columns:\n    - name: id\n      type: vn.personal-id\n"
                + "    - name: n\n      type: integer\n");
        Path nd = dir.resolve("recs.ndjson");
        Files.writeString(nd, "{\"id\": \"" + ID + "\", \"n\": 1}\n"
                + "{\"id\": x" + ID + "}\n"                       // Jackson: Unrecognized token 'x0792...'
                + "{\"id\": \"079203012399\", \"n\": 987654321012}\n" // Everit: 987654321012 is not less or equal to 10
                + "{\"001052926814\": 1}\n");                      // Everit: extraneous key [001052926814]
        Path csvProfile = dir.resolve("c.yaml");
        Files.writeString(csvProfile, "profile: people\nversion: '1'\ntitle: People\nkind: dataset\n"
                + "dataset:\n  columns:\n    - name: id\n      type: vn.personal-id\n      required: true\n    - name: email\n");
        Path headerless = dir.resolve("people.csv");
        Files.writeString(headerless, "001052926813,lan.nguyen@example.vn\n079203012345,minh@example.vn\n");
        Path second = Files.createDirectories(dir.resolve("second"));
        String all = String.join("\n", reports(dir, "-p", profile.toString(), nd.toString()))
                + String.join("\n", reports(second, "-p", csvProfile.toString(), headerless.toString()));
        assertThat(all).contains("DATA-JSON-SYNTAX").contains("DATA-JSON-SCHEMA");
        for (String planted : List.of(ID, "079203012399", "987654321012", "001052926814", "001052926813",
                "lan.nguyen@example.vn", "lan.nguyen")) {
            assertThat(all).as(planted).doesNotContain(planted);
        }
    }
}
