package chuan.standard.xx;

import chuan.standard.ReferenceData;
import chuan.standard.StandardsPack;
import chuan.standard.TypeDescriptor;
import chuan.standard.TypeGuess;
import chuan.standard.ValueType;
import chuan.standard.ValueTypes;
import java.time.LocalDate;
import java.util.List;

/**
 * A made-up country's standards pack (ISO 3166's user-assigned code "xx"), a test fixture that
 * shows a second pack needs only its own package, its resources and one registration line: one
 * value type (the resident number), one reference list (regions), one rule file and one profile.
 */
public final class XxPack implements StandardsPack {

    @Override
    public String id() {
        return "xx";
    }

    @Override
    public List<TypeDescriptor> types() {
        return List.of(new TypeDescriptor() {
            @Override
            public String name() {
                return ResidentNumberType.NAME;
            }

            @Override
            public ValueType create(ValueTypes.Options options, LocalDate asOf, ReferenceData reference) {
                return new ResidentNumberType(Regions.of(reference));
            }

            @Override
            public boolean personal() {
                return true;
            }

            @Override
            public TypeGuess guess() {
                return TypeGuess.identifier();
            }
        });
    }

    @Override
    public List<String> ruleFiles() {
        return List.of("xx.yaml");
    }

    @Override
    public List<String> profiles() {
        return List.of("xx/residents.yaml");
    }
}
