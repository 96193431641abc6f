package chuan.standard.vn;

import chuan.standard.ValueType;
import java.util.List;

/** What every Vietnamese value type has: its name, its rules in check order, and whether it is personal data. */
abstract class VnType implements ValueType {

    private final String name;
    private final List<String> rules;
    private final boolean personal;

    VnType(String name, List<String> rules, boolean personal) {
        this.name = name;
        this.rules = List.copyOf(rules);
        this.personal = personal;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> ruleIds() {
        return rules;
    }

    @Override
    public final boolean personal() {
        return personal;
    }
}
