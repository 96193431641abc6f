package chuan.cli;

import chuan.gate.FailOn;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Typed options: a bad value is refused while the command line is parsed, in the one line that names
 * the option and what it takes ({@link Main} prints a {@link Refused} without picocli's wording).
 */
final class Converters {

    private Converters() {
    }

    /** A value an option does not take; its message is the whole line shown (after {@code chuan: }). */
    static final class Refused extends TypeConversionException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** {@code --as-of DATE}: yyyy-MM-dd. */
    static final class AsOf implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new Refused("--as-of: '" + value + "' is not a date (yyyy-MM-dd)");
            }
        }
    }

    /** {@code --fail-on SEVERITY}: a severity, or never. */
    static final class FailOnSeverity implements ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            return FailOn.parse(value).orElseThrow(() -> new Refused("--fail-on: '" + value
                    + "' is not one of info, low, medium, high, critical, never"));
        }
    }

    /** {@code -f FMT[=FILE]}: a report format and where it goes. */
    static final class Format implements ITypeConverter<OutputSpec> {
        @Override
        public OutputSpec convert(String value) {
            try {
                return OutputSpec.parse(value);
            } catch (IllegalArgumentException e) {
                throw new Refused(e.getMessage());
            }
        }
    }
}
