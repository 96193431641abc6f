package chuan.config.nginx;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.EffectiveRequest;
import chuan.config.EffectiveSetting;
import chuan.config.EffectiveView;
import java.util.List;
import java.util.function.Consumer;

/**
 * nginx in {@code chuan effective}: the files in nginx's own naming and order (as {@code nginx -T}
 * lists them), the version whose defaults apply, then every server (http, stream, mail) with the
 * value of each key asked, or its own directives.
 */
final class NginxView implements EffectiveView {

    @Override
    public Needs needs() {
        return Needs.NOTHING;
    }

    @Override
    public List<ConfigProblem> show(EffectiveRequest request, Consumer<String> out) {
        NginxConfig c = NginxConfig.read(request.root(), request.versions());
        out.accept("# read, in order: " + String.join(", ", c.filesNamed()));
        out.accept(c.version().map(v -> "# defaults of " + v.describe())
                .orElse("# nginx version unknown: no package database in the root (--assume-version nginx=VERSION sets it)"));
        for (NginxConfig.Block server : c.servers()) {
            String names = server.effective("server_name").map(EffectiveSetting::value).orElse("_");
            String listen = server.effective("listen").map(EffectiveSetting::value).orElse("80");
            String module = server.module();
            out.accept((module.equals("http") ? "" : module + " ") + "server " + names + " (listen " + listen
                    + ")    # " + server.start().origin());
            if (!request.keys().isEmpty()) {
                for (String key : request.keys()) {
                    // absent: not a directive of this server's module (server_tokens in stream)
                    server.effective(key).ifPresent(s -> out.accept("    " + request.line(s)
                            + server.note(key).map(n -> "; " + n).orElse("")));
                }
            } else {
                for (Directive d : server.directives()) {
                    out.accept("    " + d.keyword() + " " + request.shown(d.value(), false) + "    # " + d.origin());
                }
            }
        }
        return c.problems();
    }
}
