package chuan.config.nginx;

import chuan.config.InstalledVersions;
import java.util.List;
import java.util.Optional;

/**
 * nginx's compiled-in values for the directives a baseline reads, by version where they changed (from the
 * merge functions of nginx's sources): the TLS protocols of ssl_protocols and its proxy, grpc, uwsgi,
 * stream and mail twins were TLSv1 TLSv1.1 TLSv1.2 before 1.23.4, gained TLSv1.3 in 1.23.4 and lost TLSv1
 * and TLSv1.1 in 1.27.3. When the version is unknown the widest of them is assumed, and said.
 */
final class NginxDefaults {

    /** A default in force from {@code since} (inclusive) to {@code until} (exclusive); empty bounds are open. */
    private record Entry(String directive, String value, String since, String until) {
    }

    private static final String TLS_OLD = "TLSv1 TLSv1.1 TLSv1.2";
    private static final String TLS_MID = "TLSv1 TLSv1.1 TLSv1.2 TLSv1.3";
    private static final String TLS_NEW = "TLSv1.2 TLSv1.3";
    private static final List<String> PROTOCOL_DIRECTIVES = List.of("ssl_protocols", "proxy_ssl_protocols",
            "grpc_ssl_protocols", "uwsgi_ssl_protocols");

    private static final List<Entry> FIXED = List.of(
            new Entry("ssl_ciphers", "HIGH:!aNULL:!MD5", "", ""),
            new Entry("ssl_prefer_server_ciphers", "off", "", ""),
            new Entry("ssl_session_tickets", "on", "", ""),
            new Entry("ssl_session_timeout", "5m", "", ""),
            new Entry("ssl_session_cache", "none", "", ""),
            new Entry("ssl_ecdh_curve", "auto", "", ""),
            new Entry("ssl_stapling", "off", "", ""),
            new Entry("ssl_verify_client", "off", "", ""),
            new Entry("ssl_early_data", "off", "", ""),
            new Entry("ssl_buffer_size", "16k", "", ""),
            new Entry("proxy_ssl_verify", "off", "", ""),
            new Entry("proxy_ssl_ciphers", "DEFAULT", "", ""),
            new Entry("server_tokens", "on", "", ""),
            new Entry("autoindex", "off", "", ""),
            new Entry("client_max_body_size", "1m", "", ""),
            new Entry("keepalive_timeout", "75s", "", ""),
            new Entry("gzip", "off", "", ""),
            new Entry("http2", "off", "1.25.1", ""));

    /** A default and, when it depends on the version, what the version was taken as. */
    record Value(String value, String note) {
    }

    private NginxDefaults() {
    }

    static Optional<Value> of(String directive, InstalledVersions.Installed version) {
        if (PROTOCOL_DIRECTIVES.contains(directive)) {
            if (version == null) {
                return Optional.of(new Value(TLS_MID, "nginx version unknown (no package database in the root; "
                        + "--assume-version nginx=X sets it): assumed a version from 1.23.4 to 1.27.2, whose default "
                        + "enables TLSv1 to TLSv1.3 (before 1.23.4: TLSv1 to TLSv1.2; from 1.27.3: TLSv1.2 and TLSv1.3)"));
            }
            String value = !version.atLeast("1.23.4") ? TLS_OLD : !version.atLeast("1.27.3") ? TLS_MID : TLS_NEW;
            return Optional.of(new Value(value, "the default of " + version.describe()));
        }
        for (Entry e : FIXED) {
            if (e.directive().equals(directive)) {
                if (version != null && (!e.since().isEmpty() && !version.atLeast(e.since())
                        || !e.until().isEmpty() && version.atLeast(e.until()))) {
                    return Optional.empty();
                }
                return Optional.of(new Value(e.value(), null));
            }
        }
        return Optional.empty();
    }
}
