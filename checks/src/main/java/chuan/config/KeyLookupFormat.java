package chuan.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A daemon's format that needs nothing of its own beyond its reader: found by its main files,
 * keys are settings (no secret values), and {@code chuan effective} answers {@code --key} from the
 * reader. Apache, journald, logrotate, time sync and shell profiles are described this way.
 */
public record KeyLookupFormat(String label, List<String> markers, Function<SystemRoot, ? extends EffectiveConfig> reader)
        implements ConfigFormat {

    public KeyLookupFormat {
        markers = List.copyOf(markers);
    }

    @Override
    public EffectiveConfig read(SystemRoot root, String systemPath, InstalledVersions versions) {
        return reader.apply(root);
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
