package chuan.profile;

/**
 * A dataset profile's {@code source:} block: the database it audits ({@code jdbc}, a JDBC URL without a
 * password; a relative SQLite path is resolved against the profile's folder; null: whichever database is
 * scanned) and what in it: a {@code table} ({@code schema.table} or {@code table}) or a {@code query} (a
 * single SELECT or WITH statement).
 */
public record DatabaseSource(String jdbc, String table, String query) {
}
