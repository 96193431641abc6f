package chuan.profile;

import chuan.config.check.ConfigControl;
import java.util.List;

/** The {@code config:} section of a profile: its controls, in the order they are written. */
public record ConfigSpec(List<ConfigControl> controls) {

    public ConfigSpec {
        controls = List.copyOf(controls);
    }
}
