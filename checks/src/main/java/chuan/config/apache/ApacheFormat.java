package chuan.config.apache;

import chuan.config.ConfigFormat;
import chuan.config.EffectiveConfig;
import chuan.config.EffectiveView;
import chuan.config.InstalledVersions;
import chuan.config.KeyLookupView;
import chuan.config.SecretPolicy;
import chuan.config.SystemRoot;
import java.util.List;
import java.util.Optional;

/** Apache httpd 2.4, Debian's or Red Hat's layout. It reads the version for {@code <IfVersion>} from the root itself. */
public final class ApacheFormat implements ConfigFormat {

    @Override
    public String label() {
        return "apache";
    }

    @Override
    public List<String> markers() {
        return List.of("etc/apache2/apache2.conf", "etc/httpd/conf/httpd.conf");
    }

    @Override
    public EffectiveConfig read(SystemRoot root, String systemPath, InstalledVersions versions) {
        return ApacheConfig.read(root);
    }

    @Override
    public SecretPolicy secrets() {
        return SecretPolicy.SETTINGS;
    }

    @Override
    public Optional<EffectiveView> effective() {
        return Optional.of(new KeyLookupView(this, EffectiveView.Needs.KEY));
    }
}
