package chuan.config.nginx;

import chuan.config.ConfigFormat;
import chuan.config.EffectiveConfig;
import chuan.config.EffectiveView;
import chuan.config.InstalledVersions;
import chuan.config.SecretPolicy;
import chuan.config.SystemRoot;
import java.util.List;
import java.util.Optional;

/** nginx: {@code /etc/nginx/nginx.conf} and its includes, as nginx 1.22 reads them, with the installed version's defaults. */
public final class NginxFormat implements ConfigFormat {

    @Override
    public String label() {
        return "nginx";
    }

    @Override
    public List<String> markers() {
        return List.of("etc/nginx/nginx.conf");
    }

    @Override
    public EffectiveConfig read(SystemRoot root, String systemPath, InstalledVersions versions) {
        return NginxConfig.read(root, versions);
    }

    @Override
    public SecretPolicy secrets() {
        return SecretPolicy.SETTINGS;
    }

    @Override
    public Optional<EffectiveView> effective() {
        return Optional.of(new NginxView());
    }
}
