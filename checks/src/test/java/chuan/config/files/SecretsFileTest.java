package chuan.config.files;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.config.EffectiveConfig.Scoped;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secrets in files of any format: patterns, entropy, defaults, and references that are not secrets. */
class SecretsFileTest {

    private static List<String> found(String key, String text) {
        return new SecretsFile("/etc/app/conf", text).lookup(key).stream()
                .map(s -> s.setting().from().line() + ":" + s.setting().value()).toList();
    }

    @Test
    void privateKeysTokensAndCloudKeysAreFoundAtTheirLine() {
        String text = """
                # deploy key
                -----BEGIN OPENSSH PRIVATE KEY-----
                b3BlbnNzaC1rZXktdjEAAAAA
                -----END OPENSSH PRIVATE KEY-----
                github=ghp_abcdefghijklmnopqrstuvwxyz0123456789
                aws_access_key_id = AKIAIOSFODNN7EXAMPLE
                """;
        assertThat(found("private-key", text)).containsExactly("2:-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(found("token", text)).containsExactly("5:ghp_abcdefghijklmnopqrstuvwxyz0123456789");
        assertThat(found("cloud-key", text)).containsExactly("6:AKIAIOSFODNN7EXAMPLE");
        assertThat(found("any", text)).hasSize(3);
    }

    @Test
    void passwordsCountWhenTheyAreDefaultsOrLookRandomAndReferencesDoNot() {
        String text = """
                spring.datasource.password=Xk9#mQ2$vL7pWz4
                db.password=changeme
                password_policy=strict
                DB_PASSWORD=${DB_PASSWORD}
                api_key: "%(api_key)s"
                <user username="admin" password="tomcat" roles="manager-gui"/>
                secret=********
                token: short
                """;
        assertThat(found("password", text)).containsExactly("1:Xk9#mQ2$vL7pWz4", "2:changeme", "6:tomcat");
    }

    @Test
    void documentationAndSettingsAboutPasswordsAreNotPasswords() {
        assertThat(found("password", """
                # input_password = secret
                ;db.password=changeme
                password_encryption = scram-sha-256
                com.sun.management.jmxremote.password.file=filepath
                SECRET_KEY=Hq7#kP2!mZ9@wX4$
                """)).containsExactly("5:Hq7#kP2!mZ9@wX4$");
        // a private key stays a finding even in a comment: it is never documentation
        assertThat(found("private-key", "# -----BEGIN RSA PRIVATE KEY-----\n")).hasSize(1);
    }

    @Test
    void connectionStringsWithAPasswordAreFound() {
        assertThat(found("connection-string", """
                url=postgresql://app:S3cr3tPassw0rd!@db.internal:5432/app
                url2=jdbc:mysql://db.internal:3306/app
                url3=mongodb://app:${MONGO_PASSWORD}@db/app
                """)).containsExactly("1:S3cr3tPassw0rd!");
    }

    @Test
    void entropyMeasuresBitsPerCharacter() {
        assertThat(SecretsFile.entropy("aaaaaaaa")).isZero();
        assertThat(SecretsFile.entropy("abcdefgh")).isEqualTo(3.0);
    }

    @Test
    void eachHitSaysWhatItIs() {
        Scoped s = new SecretsFile("/x", "password=changeme\n").lookup("any").get(0);
        assertThat(s.note()).isEqualTo("a password or secret assigned a value");
    }
}
