package chuan.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chuan.util.SqlText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A URL's credentials are taken out of it before anything shows it; where a password comes from; what a --query may be. */
class JdbcUrlTest {

    @Test
    void theCredentialsOfAUrlAreTakenOutOfWhatIsShownAndConnected() {
        JdbcUrl u = JdbcUrl.parse("jdbc:postgresql://auditor:s3cr%3At@db.example:5433/registers?sslmode=require&password=other");
        assertThat(u.product()).isEqualTo(JdbcUrl.Product.POSTGRESQL);
        assertThat(u.shown()).isEqualTo("jdbc:postgresql://db.example:5433/registers?sslmode=require").isEqualTo(u.connect());
        assertThat(u.user()).isEqualTo("auditor");
        assertThat(u.password()).isEqualTo("other");
        assertThat(u.hostPortDatabase()).containsExactly("db.example", "5433", "registers");
        JdbcUrl q = JdbcUrl.parse("jdbc:mariadb://db/registers?user=chuan&password=pw&sslpassword=k");
        assertThat(q.shown()).isEqualTo("jdbc:mariadb://db/registers");
        assertThat(q.user()).isEqualTo("chuan");
        JdbcUrl ms = JdbcUrl.parse("jdbc:sqlserver://db:1433;databaseName=registers;user=sa;password=Pw1;encrypt=true");
        assertThat(ms.shown()).isEqualTo("jdbc:sqlserver://db:1433;databaseName=registers;encrypt=true");
        assertThat(ms.product()).isEqualTo(JdbcUrl.Product.OTHER);
        assertThat(JdbcUrl.parse("jdbc:mysql://db/x").mysqlScheme()).isTrue();
        assertThat(JdbcUrl.parse("jdbc:sqlite:/data/a.sqlite?password=x").shown()).isEqualTo("jdbc:sqlite:/data/a.sqlite");
        assertThatThrownBy(() -> JdbcUrl.parse("jdbcpostgres://u:pw@h/x")).hasMessageNotContaining("pw@");
        assertThat(JdbcUrl.redact("x jdbc:postgresql://u:pw@h/x?password=abc")).doesNotContain(":pw@").doesNotContain("abc");
    }

    @Test
    void aPasswordComesFromTheUrlThenThePasswordFileThenTheEnvironmentThenPgpass(@TempDir Path dir) throws Exception {
        JdbcUrl plain = JdbcUrl.parse("jdbc:postgresql://127.0.0.1:5432/registers");
        Path file = dir.resolve("pw");
        Files.writeString(file, "from-file\nignored\n");
        Path pgpass = dir.resolve(".pgpass");
        Files.writeString(pgpass, "127.0.0.1:5432:registers:auditor:from\\:pgpass\n");
        Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Map<String, String> env = Map.of(Credentials.USER_ENV, "auditor", Credentials.PASSWORD_ENV, "from-env");
        assertThat(Credentials.resolve(JdbcUrl.parse("jdbc:postgresql://a:from-url@127.0.0.1/registers"), env, file, dir).password())
                .isEqualTo("from-url");
        assertThat(Credentials.resolve(plain, env, file, dir).password()).isEqualTo("from-file");
        assertThat(Credentials.resolve(plain, env, null, dir)).satisfies(c -> {
            assertThat(c.password()).isEqualTo("from-env");
            assertThat(c.user()).isEqualTo("auditor");
            assertThat(c.toString()).doesNotContain("from-env");
        });
        assertThat(Credentials.resolve(plain, Map.of(Credentials.USER_ENV, "auditor"), null, dir).password()).isEqualTo("from:pgpass");
        assertThat(Credentials.resolve(plain, Map.of(Credentials.USER_ENV, "someone"), null, dir).password()).isNull();
        assertThat(Credentials.resolve(JdbcUrl.parse("jdbc:mariadb://127.0.0.1:5432/registers"), Map.of(Credentials.USER_ENV, "auditor"),
                null, dir).password()).as(".pgpass is PostgreSQL's").isNull();
        Files.writeString(file, "");
        assertThatThrownBy(() -> Credentials.resolve(plain, env, file, dir)).isInstanceOf(Credentials.Unreadable.class)
                .hasMessageContaining("empty");
    }

    @Test
    void aQueryIsOneSelectOrWithStatement() {
        assertThat(SqlText.refusal("SELECT * FROM t")).isNull();
        assertThat(SqlText.refusal("  with x as (select 1) select * from x ; -- done")).isNull();
        assertThat(SqlText.refusal("(SELECT 1)")).isNull();
        assertThat(SqlText.refusal("SELECT ';' AS a, \"x;y\" FROM t /* ; */")).isNull();
        assertThat(SqlText.refusal("SELECT $$;$$")).isNull();
        assertThat(SqlText.refusal("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d")).as("left to the server").isNull();
        assertThat(SqlText.refusal("DELETE FROM t")).contains("not DELETE");
        assertThat(SqlText.refusal("SELECT 1; DROP TABLE t")).contains("one statement");
        assertThat(SqlText.refusal("SELECT * INTO t2 FROM t")).contains("INTO");
        assertThat(SqlText.refusal("SELECT 1 INTO OUTFILE '/tmp/x'")).contains("INTO");
        assertThat(SqlText.refusal("SELECT 'a\\'; DROP TABLE t; --'")).contains("backslash");
        assertThat(SqlText.refusal("SELECT 'open")).contains("not closed");
        assertThat(SqlText.refusal("/* only */")).contains("no statement");
        assertThat(SqlText.refusal("")).contains("empty");
        assertThat(SqlText.withoutFinalSemicolon("SELECT 1 ; -- x")).isEqualTo("SELECT 1");
        assertThat(SqlText.withoutFinalSemicolon("SELECT ';'")).isEqualTo("SELECT ';'");
    }
}
