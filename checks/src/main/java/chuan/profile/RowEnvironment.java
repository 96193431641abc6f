package chuan.profile;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelMacro;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CEL environment row rules are compiled in: one variable per column, typed from the column's
 * declared type; {@code has(column)} for "the cell holds a value"; {@code today} (the audit's as-of date)
 * and {@code date('2025-07-01')}. Evaluation is bounded by CEL's own limits (expression size, nesting, a
 * total of {@value #MAX_ITERATIONS} comprehension iterations per record, regular expressions run by RE2J),
 * so no expression can run away.
 */
public final class RowEnvironment {

    /** Comprehension iterations one evaluation may run in all (nested ones count together). */
    public static final int MAX_ITERATIONS = 1000;
    private static final int MAX_CODE_POINTS = 2000;
    /** The variable {@code has(column)} reads; not a name a user can write, so it cannot collide. */
    private static final String PRESENT = "has$";
    private static final Set<String> RESERVED = Set.of("true", "false", "null", "in", "as", "break", "const", "continue", "else",
            "for", "function", "if", "import", "let", "loop", "package", "namespace", "return", "var", "void", "while", "today", "date");

    static final CelOptions OPTIONS = CelOptions.current()
            .comprehensionMaxIterations(MAX_ITERATIONS)
            .maxExpressionCodePointSize(MAX_CODE_POINTS)
            .maxParseRecursionDepth(64)
            .maxRegexProgramSize(2000)
            .evaluateCanonicalTypesToNativeValues(true)
            .enableHeterogeneousNumericComparisons(true)
            .enableTimestampEpoch(true)
            .build();

    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS)
            .addFunctionBindings(CelFunctionBinding.from("date_string", String.class, RowEnvironment::date))
            .build();

    /** Per column: its name as written in the profile, the CEL variable it is, its CEL type. */
    private final Map<String, Variable> byVariable = new LinkedHashMap<>();
    private final CelCompiler compiler;

    /** A column as a CEL variable: {@code column} is its index among the profile's columns. */
    public record Variable(String name, int column, ColumnType type, CelType celType) {
    }

    public RowEnvironment(List<ColumnSpec> columns) {
        var builder = CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS)
                .setStandardMacros(withoutHas())
                .addMacros(CelMacro.newGlobalMacro("has", 1, RowEnvironment::expandHas))
                .addVar("today", SimpleType.TIMESTAMP)
                .addFunctionDeclarations(CelFunctionDecl.newFunctionDeclaration("date",
                        CelOverloadDecl.newGlobalOverload("date_string", SimpleType.TIMESTAMP, SimpleType.STRING)))
                .setResultType(SimpleType.BOOL);
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec c = columns.get(i);
            String variable = variableName(c.name());
            if (byVariable.containsKey(variable)) {
                continue; // two names that read alike: the first keeps it (ProfileLoader reports the clash)
            }
            CelType type = celType(c);
            byVariable.put(variable, new Variable(c.name(), i, c.type(), type));
            builder.addVar(variable, type).addVar(PRESENT + variable, SimpleType.BOOL);
        }
        compiler = builder.build();
    }

    private static List<CelStandardMacro> withoutHas() {
        List<CelStandardMacro> macros = new ArrayList<>(CelStandardMacro.STANDARD_MACROS);
        macros.remove(CelStandardMacro.HAS);
        return macros;
    }

    /** {@code has(x)} for a column x reads whether its cell holds a value; there are no messages or maps to test fields of. */
    private static Optional<CelExpr> expandHas(dev.cel.parser.CelMacroExprFactory f, CelExpr target, List<CelExpr> args) {
        CelExpr arg = args.get(0);
        if (arg.getKind() == CelExpr.ExprKind.Kind.IDENT) {
            return Optional.of(f.newIdentifier(PRESENT + arg.ident().name()));
        }
        return Optional.of(f.reportError("has() takes a column name, such as has(death_date)"));
    }

    /**
     * The CEL variable a column is: its name when that is an identifier, else its name with accents
     * removed and every other character that cannot be in an identifier written as {@code _}
     * ({@code "ngày sinh"} is {@code ngay_sinh}, {@code /address/province_code} {@code address_province_code}).
     */
    public static String variableName(String column) {
        // a JSON member's pointer (/address/province_code) reads as address_province_code
        String s = Normalizer.normalize(column.startsWith("/") ? column.substring(1) : column, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D');
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean ok = ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
            out.append(ok ? ch : '_');
        }
        if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
            out.insert(0, '_');
        }
        String name = out.toString();
        return RESERVED.contains(name) ? name + "_" : name;
    }

    private static CelType celType(ColumnSpec c) {
        if (c.valueType() != null) {
            return SimpleType.STRING; // a national type is text (an ID keeps its leading zeros)
        }
        return switch (c.type()) {
            case INTEGER -> SimpleType.INT;
            case NUMBER, DECIMAL -> SimpleType.DOUBLE;
            case BOOLEAN -> SimpleType.BOOL;
            case DATE, DATETIME -> SimpleType.TIMESTAMP;
            case TIME -> SimpleType.DURATION;
            case STRING, EMAIL, URL, DURATION -> SimpleType.STRING;
        };
    }

    /** The columns by CEL variable name. */
    public Map<String, Variable> variables() {
        return java.util.Collections.unmodifiableMap(byVariable);
    }

    /** The variable {@code has(column)} of this variable reads. */
    public static String presenceOf(String variable) {
        return PRESENT + variable;
    }

    /** Compiles and type-checks {@code text}; its problems are returned with 1-based positions inside the text. */
    public Compiled compile(String text) {
        try {
            var ast = compiler.compile(text).getAst();
            Set<String> reads = new TreeSet<>();
            for (CelReference r : ast.getReferenceMap().values()) {
                String n = r.name();
                if (n.startsWith(PRESENT)) {
                    n = n.substring(PRESENT.length());
                }
                if (byVariable.containsKey(n)) {
                    reads.add(n);
                }
            }
            List<Variable> read = new ArrayList<>();
            byVariable.forEach((name, v) -> {
                if (reads.contains(name)) {
                    read.add(v);
                }
            });
            return new Compiled(RUNTIME.createProgram(ast), List.copyOf(read), List.of());
        } catch (CelValidationException e) {
            List<Issue> issues = new ArrayList<>();
            for (CelIssue i : e.getErrors()) {
                issues.add(new Issue(i.getSourceLocation().getLine(), i.getSourceLocation().getColumn() + 1,
                        readable(i.getMessage())));
            }
            if (issues.isEmpty()) {
                issues.add(new Issue(1, 1, e.getMessage().lines().findFirst().orElse("invalid expression")));
            }
            return new Compiled(null, List.of(), issues);
        } catch (CelEvaluationException e) {
            return new Compiled(null, List.of(), List.of(new Issue(1, 1, e.getMessage())));
        }
    }

    /** CEL's message with its types named as a profile names them. */
    private static String readable(String message) {
        return message.replace('\n', ' ').replace("google.protobuf.Timestamp", "timestamp").replace("google.protobuf.Duration", "duration")
                .replace(" (in container '')", "");
    }

    /** A problem in an expression: 1-based line and column inside its text. */
    public record Issue(int line, int column, String message) {
    }

    /**
     * A compiled expression: the program (null when it has problems), the columns it reads, in profile
     * order. The program is immutable and shared by every validator thread.
     */
    public record Compiled(CelRuntime.Program program, List<Variable> reads, List<Issue> issues) {
        public boolean ok() {
            return program != null;
        }
    }

    private static Instant date(String text) throws CelEvaluationException {
        try {
            return LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new CelEvaluationException("date('" + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                    + "'): not a yyyy-MM-dd date");
        }
    }

    /** An epoch day as the timestamp a date column's value is in an expression: midnight UTC. */
    public static Instant atDay(long epochDay) {
        return Instant.ofEpochSecond(Math.multiplyExact(epochDay, 86_400L));
    }

    static String describe(ColumnType t) {
        return t.label().toLowerCase(Locale.ROOT);
    }
}
