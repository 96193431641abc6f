package chuan.dataset;

import chuan.model.AuditError;
import chuan.profile.Profile;
import chuan.rules.RuleCatalog;
import chuan.source.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import chuan.profile.ForeignKeySpec;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Audits one dataset file against one profile in a single streaming pass, in three steps: the
 * file is opened as text ({@link OpenedTextFile}: what it is, its encoding, its fingerprint), its
 * source is chosen ({@link chuan.source.DataSource}, by the profile or the file's name) and opened
 * into batches of records, and the workers run: the calling thread reads and splits records into
 * batches, validator threads check them in parallel, and an in-order stage handles what depends on
 * record order (uniqueness, repeated records).
 */
public final class DatasetScanner {

    private final RuleCatalog catalog;

    public DatasetScanner(RuleCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Scans {@code file}; {@code displayPath} is how reports name it. Problems with the input are
     * returned as processing errors, never thrown.
     */
    public DatasetOutcome scan(Path file, String displayPath, Profile profile, ScanOptions options) {
        return scan(file, displayPath, profile, options, ScanEvents.NONE);
    }

    /** As {@link #scan(Path, String, Profile, ScanOptions)}, telling {@code events} of every violation and of progress. */
    public DatasetOutcome scan(Path file, String displayPath, Profile profile, ScanOptions options, ScanEvents events) {
        Map<ForeignKeySpec, KeyIndex> references;
        try {
            references = references(profile, file, displayPath, options, null);
        } catch (ReferenceUnreadable e) {
            return unreadable(displayPath, e.getMessage());
        }
        return scan(file, displayPath, profile, options, events, references, null);
    }

    /** A scan of a file, or (with {@code collect}) the reading of a referenced file's key values into {@code collect}. */
    private DatasetOutcome scan(Path file, String displayPath, Profile profile, ScanOptions options, ScanEvents events,
                                Map<ForeignKeySpec, KeyIndex> references, Collect collect) {
        // the format goes by the name the file was found under (a link's name, not its target's)
        DataSource format = profile.dataset().formatOf(nameOf(displayPath, file));
        if (format instanceof chuan.source.CellSource cells) {
            return scanCells(cells, file, displayPath, profile, format, options, events, references, collect);
        }
        try (OpenedTextFile opened = OpenedTextFile.open(file, profile.dataset().encoding(), options)) {
            Run run = new Run(file, displayPath, profile, format, options, events, opened.bom(), opened.bytes());
            run.references = references;
            run.collect = collect;
            run.opened = opened;
            run.utf16 = opened.utf16();
            run.declaredLegacy = opened.legacy();
            run.execute(opened.text());
            return run.outcome(opened.bytes(), opened.fingerprint());
        } catch (InputRefused e) {
            return unreadable(displayPath, e.getMessage());
        } catch (java.nio.channels.ClosedByInterruptException e) {
            Thread.interrupted();
            throw new java.util.concurrent.CancellationException("scan of " + displayPath + " cancelled");
        } catch (Utf16.Undecodable e) {
            return unreadable(displayPath, e.getMessage());
        } catch (IOException e) {
            return unreadable(displayPath, "cannot read: " + e.getMessage());
        }
    }

    /** A source that opens its own input (a workbook): read through its {@link chuan.source.CellRows}, never as text. */
    private DatasetOutcome scanCells(chuan.source.CellSource source, Path file, String displayPath, Profile profile, DataSource format,
                                     ScanOptions options, ScanEvents events, Map<ForeignKeySpec, KeyIndex> references, Collect collect) {
        try {
            PlannedFile.size(file);
        } catch (InputRefused e) {
            return unreadable(displayPath, e.getMessage());
        }
        chuan.profile.CsvDialect d = profile.dataset().dialect();
        chuan.source.CellLayout layout = new chuan.source.CellLayout(profile.dataset().sheet(), d.skipRows(), profile.dataset().header(),
                d.headerRows(), d.headerJoin(), profile.dataset().columns().stream().map(chuan.profile.ColumnSpec::aliasesAndName).toList(),
                d.headerCaseSensitive());
        try (chuan.source.CellRows rows = source.open(file, layout, options.fingerprints().fileDigest())) {
            return scan(rows, format, file, displayPath, profile, options, events, null, references, collect);
        } catch (chuan.source.SourceRefused e) {
            return unreadable(displayPath, e.getMessage());
        } catch (java.nio.channels.ClosedByInterruptException e) {
            Thread.interrupted();
            throw new java.util.concurrent.CancellationException("scan of " + displayPath + " cancelled");
        } catch (IOException e) {
            return unreadable(displayPath, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Scans a cell source its caller opened (a database table: its reader holds the connection), read as
     * {@code format}; {@code file} is null when the source is not a file. The caller closes {@code rows}.
     */
    public DatasetOutcome scan(chuan.source.CellRows rows, DataSource format, Path file, String displayPath, Profile profile,
                               ScanOptions options, ScanEvents events) throws IOException {
        return scan(rows, format, file, displayPath, profile, options, events, null);
    }

    /**
     * As above, with the row count, completeness and uniqueness counted by the database ({@code pushed}; null:
     * counted while reading).
     */
    public DatasetOutcome scan(chuan.source.CellRows rows, DataSource format, Path file, String displayPath, Profile profile,
                               ScanOptions options, ScanEvents events, PushedCounts pushed) throws IOException {
        return scan(rows, format, file, displayPath, profile, options, events, pushed, null);
    }

    /**
     * As above; {@code tables} reads the key values of a table of the same database for a foreign key into one
     * (null: no database, and such a key is a processing error).
     */
    public DatasetOutcome scan(chuan.source.CellRows rows, DataSource format, Path file, String displayPath, Profile profile,
                               ScanOptions options, ScanEvents events, PushedCounts pushed, TableKeys tables) throws IOException {
        Map<ForeignKeySpec, KeyIndex> references;
        try {
            references = references(profile, file, displayPath, options, tables);
        } catch (ReferenceUnreadable e) {
            return unreadable(displayPath, e.getMessage());
        }
        return scan(rows, format, file, displayPath, profile, options, events, pushed, references, null);
    }

    private DatasetOutcome scan(chuan.source.CellRows rows, DataSource format, Path file, String displayPath, Profile profile,
                                ScanOptions options, ScanEvents events, PushedCounts pushed, Map<ForeignKeySpec, KeyIndex> references,
                                Collect collect) throws IOException {
        Run run = new Run(file, displayPath, profile, format, options, events, false, rows.bytes());
        run.references = references;
        run.collect = collect;
        run.cells = rows;
        run.pushed = pushed;
        run.execute(new CellBatches(rows, displayPath));
        return run.outcome(rows.bytes(), rows.fingerprint());
    }

    /** A foreign key's reference that could not be read: a processing error of the dataset that refers to it. */
    public static final class ReferenceUnreadable extends Exception {
        public ReferenceUnreadable(String message) {
            super(message);
        }
    }

    /** Reads the distinct key values of a table of the database being audited (a foreign key's {@code table:}). */
    public interface TableKeys {
        KeyIndex read(ForeignKeySpec.InTable table) throws ReferenceUnreadable;
    }

    /** A first pass that only reads key values: the columns (by profile name) and, once read, the set. */
    private static final class Collect {
        final List<String> columns;
        KeyCollector collector;
        String problem;
        int sample;

        Collect(List<String> columns) {
            this.columns = columns;
        }
    }

    /**
     * The key set of each foreign key of the profile, read before the dataset is scanned: a built-in list, a
     * referenced file (streamed once, only its key columns kept), this file itself, or a table through {@code tables}.
     */
    private Map<ForeignKeySpec, KeyIndex> references(Profile profile, Path file, String displayPath, ScanOptions options,
                                                     TableKeys tables) throws ReferenceUnreadable {
        List<ForeignKeySpec> fks = profile.dataset().foreignKeys();
        if (fks.isEmpty() || !profile.enabled(KeyPlan.FOREIGN)) {
            return Map.of();
        }
        Map<ForeignKeySpec, KeyIndex> out = new HashMap<>();
        for (ForeignKeySpec fk : fks) {
            ForeignKeySpec.Reference r = fk.reference();
            String what = "the reference of foreign key (" + String.join(", ", fk.columns()) + "), " + KeyChecks.describe(fk);
            if (r instanceof ForeignKeySpec.InList l) {
                java.util.Set<String> values = chuan.standard.Packs.referenceList(l.list(), options.reference(), options.asOf())
                        .orElseThrow(() -> new ReferenceUnreadable(what + ": no such reference list"));
                KeyIndex set = new KeyIndex(false);
                KeyIndex.Key key = new KeyIndex.Key();
                for (String v : values) {
                    set.add(key.begin().part(v), 0);
                }
                out.put(fk, set);
            } else if (r instanceof ForeignKeySpec.InTable t) {
                if (tables == null) {
                    throw new ReferenceUnreadable(what + ": a table is read only when the dataset is read from its database");
                }
                out.put(fk, tables.read(t));
            } else {
                ForeignKeySpec.InDataset d = (ForeignKeySpec.InDataset) r;
                if (d.self()) {
                    if (file == null) {
                        throw new ReferenceUnreadable(what + ": a key into the same table is declared with 'table:'");
                    }
                    out.put(fk, collect(file, displayPath, profile, d.columns(), options, what));
                } else {
                    Path ref = Path.of(d.dataset());
                    out.put(fk, collect(ref, chuan.profile.ReferencedDatasets.display(d.dataset()),
                            referencedProfile(profile, ref, d.columns()), d.columns(), options, what));
                }
            }
        }
        return out;
    }

    /** A referenced dataset's distinct keys, and a uniform sample of up to the size asked for (each key's values in order). */
    public record ReferenceKeys(KeyIndex set, List<String[]> sample) {
    }

    /** Reads a foreign key's referenced file (resolved as the loader resolved it) as a scan would, keeping a sample of its keys. */
    public ReferenceKeys readReference(ForeignKeySpec.InDataset ref, int sample, ScanOptions options) throws ReferenceUnreadable {
        Collect c = new Collect(ref.columns());
        c.sample = sample;
        String display = chuan.profile.ReferencedDatasets.display(ref.dataset());
        DatasetOutcome o = scan(Path.of(ref.dataset()), display, referenced(ref.columns()), quiet(options), ScanEvents.NONE, Map.of(), c);
        KeyIndex set = collected(c, o, display + " (" + String.join(", ", ref.columns()) + ")");
        return new ReferenceKeys(set, List.copyOf(c.collector.sample));
    }

    /** Reads the values of {@code columns} (names of {@code profile}'s columns) of a file into a key set. */
    private KeyIndex collect(Path file, String display, Profile profile, List<String> columns, ScanOptions options, String what)
            throws ReferenceUnreadable {
        Collect c = new Collect(columns);
        DatasetOutcome o = scan(file, display, profile, quiet(options), ScanEvents.NONE, Map.of(), c);
        return collected(c, o, what);
    }

    /**
     * Reads the values of {@code columns} of a source its caller opened (a database's {@code SELECT DISTINCT}) into a
     * key set; {@code what} names the reference in an error.
     */
    public KeyIndex collect(chuan.source.CellRows rows, DataSource format, String display, List<String> columns, ScanOptions options,
                            String what) throws ReferenceUnreadable {
        Collect c = new Collect(columns);
        try {
            DatasetOutcome o = scan(rows, format, null, display, referenced(columns), quiet(options), ScanEvents.NONE, null, Map.of(), c);
            return collected(c, o, what);
        } catch (IOException e) {
            throw new ReferenceUnreadable(what + ": cannot read: " + e.getMessage());
        }
    }

    private static KeyIndex collected(Collect c, DatasetOutcome o, String what) throws ReferenceUnreadable {
        if (c.problem != null) {
            throw new ReferenceUnreadable(what + ": " + c.problem);
        }
        if (!o.errors().isEmpty()) {
            AuditError e = o.errors().get(0);
            throw new ReferenceUnreadable(what + ": " + (e.line() == null ? "" : "line " + e.line() + ": ") + e.message());
        }
        if (c.collector == null) {
            throw new ReferenceUnreadable(what + ": nothing could be read");
        }
        return c.collector.set;
    }

    private static ScanOptions quiet(ScanOptions o) {
        return new ScanOptions(o.asOf(), 1, false, o.workers(), o.reference(), o.fingerprints());
    }

    /**
     * The profile a referenced file is read with: when the referring profile is a resource of a Data Package and the
     * file is another of its resources, that resource's (its dialect, encoding, header); otherwise {@link #referenced}.
     */
    private Profile referencedProfile(Profile referring, Path ref, List<String> columns) {
        String src = referring.source();
        if (src != null && !src.startsWith("builtin:")) {
            String name = src.contains("#") ? src.substring(0, src.indexOf('#')) : src;
            try {
                Path pkgFile = Path.of(name);
                if (chuan.profile.FrictionlessLoader.packageName(pkgFile) && Files.isRegularFile(pkgFile)) {
                    Path wanted = ref.toAbsolutePath().normalize();
                    for (chuan.profile.FrictionlessLoader.Resource r : new chuan.profile.ProfileLoader(catalog).loadPackage(pkgFile)
                            .resources()) {
                        if (r.file() != null && r.file().toAbsolutePath().normalize().equals(wanted)
                                && columns.stream().allMatch(c -> r.profile().dataset().columns().stream().anyMatch(x -> x.name().equals(c)))) {
                            return r.profile();
                        }
                    }
                }
            } catch (chuan.profile.ProfileException | RuntimeException e) {
                // not a package that loads: the file is read as a plain referenced file
            }
        }
        return referenced(columns);
    }

    /** How a referenced dataset is read: UTF-8 (or UTF-16 with its mark), a header, its format by its name; its key columns as text. */
    static Profile referenced(List<String> columns) {
        List<chuan.profile.ColumnSpec> cols = new ArrayList<>();
        for (String c : columns) {
            cols.add(new chuan.profile.ColumnSpec(c, List.of(), chuan.profile.ColumnType.STRING, null, false, false, null, null, null, null,
                    null, null, false, false));
        }
        chuan.profile.DatasetSpec spec = new chuan.profile.DatasetSpec(null, "UTF-8", true, ',', '"', false, null, cols, List.of(), false,
                chuan.profile.CsvDialect.DEFAULT, null);
        return new Profile("reference", "0", "a referenced dataset", null, Profile.Kind.DATASET, List.of(), Map.of(), spec, null,
                "reference");
    }

    /** How the scanner reads a registered source: its descriptor says; one that does not is a fault in the build. */
    static SourceReader reader(DataSource source) {
        if (source instanceof SourceReader r) {
            return r;
        }
        throw new IllegalStateException("data source " + source.label() + " is registered but the dataset scanner cannot read it");
    }

    private static DatasetOutcome unreadable(String path, String message) {
        return new DatasetOutcome(0, null, 0, false, List.of(),
                List.of(new AuditError(AuditError.Kind.PROCESSING, path, null, null, message)));
    }

    /** The last part of the path a file is shown as, or of the file itself when that is empty. */
    public static String nameOf(String displayPath, Path file) {
        String d = displayPath.replace('\\', '/');
        String name = d.substring(d.lastIndexOf('/') + 1);
        return name.isEmpty() ? String.valueOf(file.getFileName()) : name;
    }

    /** One scan's state. */
    private final class Run {
        private final Path file;
        private final String displayPath;
        private final Profile profile;
        private final DataSource format;
        private final ScanOptions options;
        private final boolean bom;
        private ScanPlan plan;
        private Tally total;
        private InputProblem stopped;
        private final List<AuditError> errors = new ArrayList<>();
        private List<String> unknownMembers = List.of();
        private List<String> validatorsUnknown = List.of();
        private final long fileBytes;
        OpenedTextFile opened;
        /** A cell source (a workbook): read through its own reader, which also reports how its cells are stored. */
        chuan.source.CellRows cells;
        /** The key set of each foreign key, read before the scan. */
        Map<ForeignKeySpec, KeyIndex> references = Map.of();
        /** Set when this pass only reads key values for a reference. */
        Collect collect;
        /** Counts the database made itself (--pushdown), or null. */
        PushedCounts pushed;
        /** A legacy encoding the profile declared: the file is read through it, and reported once. */
        chuan.standard.LegacyEncoding declaredLegacy;
        /** UTF-16, declared or recognised: the file is read as such, and reported once as not UTF-8. */
        Utf16.Detected utf16;
        private final ScanEvents events;
        /** The batches being read: also what the header told, once opened. */
        private BatchSource source;

        Run(Path file, String displayPath, Profile profile, DataSource format, ScanOptions options, ScanEvents events,
            boolean bom, long fileBytes) {
            this.file = file;
            this.events = events;
            this.fileBytes = fileBytes;
            this.displayPath = displayPath;
            this.profile = profile;
            this.format = format;
            this.options = options;
            this.bom = bom;
        }

        /** Whether JSON records keep their text: for the JSON Schema and for repeated-record detection. */
        private boolean keepText() {
            return profile.dataset().jsonSchema() != null || profile.dataset().checks().stream()
                    .anyMatch(m -> m.metric() == chuan.profile.MetricSpec.Metric.DUPLICATE_ROWS);
        }

        void execute(InputStream in) throws IOException {
            // the source's descriptor opens it: no choice by format here
            execute(reader(format).open(new Opening(in, profile.dataset(), profile.dataset().delimiterFor(format),
                    commentBytes(), keepText())));
        }

        void execute(BatchSource batches) throws IOException {
            source = batches;
            List<String> header;
            try {
                header = source.open();
            } catch (InputProblem p) {
                plan = new ScanPlan(profile, format, null, options);
                total = newTally();
                stop(p);
                return;
            } catch (CharacterCodingException e) {
                plan = new ScanPlan(profile, format, null, options);
                total = newTally();
                stop(encodingProblem(source.nextRow()));
                return;
            }
            if (header != null && !options.revealPersonalData()) {
                // a header-less file's first record read as names: values that look personal are masked wherever shown
                java.util.Set<String> known = new java.util.HashSet<>();
                profile.dataset().columns().forEach(c -> c.aliasesAndName().forEach(n -> known.add(chuan.profile.HeaderNames.normalise(n))));
                header = header.stream().map(h -> known.contains(chuan.profile.HeaderNames.normalise(h)) ? h : chuan.model.Masking.name(h)).toList();
            }
            plan = new ScanPlan(profile, format, header, options, source.firstWidth());
            plan.headerLine = source.headerLine();
            total = newTally();
            if (cells != null) {
                cells.bind(declaredColumns(), new chuan.source.SourceFindings() {
                    @Override
                    public void found(String rule, long row, String place, int column, String value, String expected, String message) {
                        sourceFinding(rule, row, place, column, value, expected, message);
                    }

                    @Override
                    public void more(String rule, long count) {
                        int slot = plan.recordSlot(rule);
                        if (slot >= 0) {
                            total.violations[slot] += count;
                        }
                    }
                });
            }
            if (collect != null) {
                int[] cols = new int[collect.columns.size()];
                for (int k = 0; k < cols.length; k++) {
                    cols[k] = -1;
                    for (CompiledColumn c : plan.columns) {
                        if (c.spec.name().equals(collect.columns.get(k)) && plan.fileIndex[c.index] >= 0) {
                            cols[k] = c.index;
                        }
                    }
                    if (cols[k] < 0) {
                        collect.problem = "it has no column '" + collect.columns.get(k) + "'";
                        return;
                    }
                }
                collect.collector = new KeyCollector(plan, cols);
                if (collect.sample > 0) {
                    collect.collector.sample(collect.sample);
                }
            }
            recordHeaderFindings();
            if (declaredLegacy != null) {
                hitRecord("DATA-ENCODING", 0, 0, null, "UTF-8", "the file is in " + declaredLegacy.description()
                        + " (declared in the profile), not UTF-8; it was read through that encoding", true);
            }
            if (utf16 != null) {
                hitRecord("DATA-ENCODING", 0, 0, null, "UTF-8", "the file is in " + utf16.name() + " (" + utf16.how()
                        + "), not UTF-8; it was read as " + utf16.name(), true);
            }
            validateAll(source);
            // members no column describes: found by the validators (JSON lines) or by the reader (a JSON array)
            unknownMembers = validatorsUnknown.isEmpty() ? source.unknownMembers() : validatorsUnknown;
            if (source.lineEnds() != null && stopped == null && (declaredLegacy == null || declaredLegacy.keepsLineEnds())) {
                lineEndings(source.lineEnds());
            }
        }

        /** Mixed line ends, or ends other than the one the profile declares: one finding, at the first odd line. */
        private void lineEndings(CsvChunker chunker) {
            long[] counts = chunker.lineEnds;
            String[] names = {"CRLF", "LF", "CR"};
            String declared = profile.dataset().dialect().lineTerminator();
            int expected = declared != null ? java.util.Arrays.asList(names).indexOf(declared) : -1;
            if (expected < 0) {
                expected = counts[CsvChunker.LF] > counts[CsvChunker.CRLF] ? CsvChunker.LF : CsvChunker.CRLF;
                if (counts[CsvChunker.CR] > counts[expected]) {
                    expected = CsvChunker.CR;
                }
            }
            long odd = 0;
            long firstLine = Long.MAX_VALUE;
            int firstKind = -1;
            List<String> seen = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                if (counts[k] > 0) {
                    seen.add(counts[k] + " " + names[k]);
                }
                if (k != expected && counts[k] > 0) {
                    odd += counts[k];
                    if (chunker.firstLineEnd[k] < firstLine) {
                        firstLine = chunker.firstLineEnd[k];
                        firstKind = k;
                    }
                }
            }
            int slot = plan.recordSlot("DATA-LINE-ENDINGS");
            if (odd == 0 || slot < 0) {
                return;
            }
            total.violations[slot] += odd;
            String message = declared != null
                    ? odd + " line end(s) are not the " + declared + " the profile declares (" + String.join(", ", seen)
                    + "); the first, " + names[firstKind] + ", ends line " + firstLine
                    : "line ends are mixed (" + String.join(", ", seen) + "); the first " + names[firstKind] + " ends line "
                    + firstLine;
            total.examples.get(slot).add(chuan.model.Violation.builder().line(firstLine)
                    .expected(names[expected] + " at the end of every line").message(message).build());
        }

        /** Each header column as the profile declares it, for a cell source to judge how its cells are stored. */
        private List<chuan.source.DeclaredColumn> declaredColumns() {
            int width = plan.header != null ? plan.header.size() : plan.columns.length;
            chuan.source.DeclaredColumn[] declared = new chuan.source.DeclaredColumn[width];
            java.util.Arrays.fill(declared, chuan.source.DeclaredColumn.UNKNOWN);
            for (CompiledColumn c : plan.columns) {
                int h = plan.fileIndex[c.index];
                if (h >= 0 && h < width) {
                    declared[h] = c.declared();
                }
            }
            return List.of(declared);
        }

        /** A finding a cell source made of its own storage: counted under its rule, the value masked in a personal column. */
        private void sourceFinding(String rule, long row, String place, int column, String value, String expected, String message) {
            int slot = plan.recordSlot(rule);
            if (slot < 0) {
                return;
            }
            total.violations[slot]++;
            if (!total.wantsExample(slot)) {
                return;
            }
            String field = column < 0 ? null : plan.header != null && column < plan.header.size() ? plan.header.get(column)
                    : column < plan.columns.length ? plan.columns[column].spec.name() : null;
            boolean personal = column >= 0 && declaredPersonal(column);
            String shown = value == null || !personal || options.revealPersonalData() ? value : chuan.model.Masking.mask(value);
            total.examples.get(slot).add(chuan.model.Violation.builder().row(row == 0 ? null : row)
                    .column(column < 0 ? null : column + 1).field(field).place(place).value(shown).expected(expected)
                    .message(message).key(value == null ? null : options.fingerprints().key(field, value)).build());
        }

        private boolean declaredPersonal(int headerColumn) {
            for (CompiledColumn c : plan.columns) {
                if (plan.fileIndex[c.index] == headerColumn) {
                    return c.spec.personal();
                }
            }
            return false;
        }

        private Tally newTally() {
            Tally t = new Tally(plan.slots.size(), plan.columns.length, options.maxExamples(), options.revealPersonalData(),
                    options.fingerprints());
            if (plan.personalData != null) {
                t.personalData(plan.personalSlot.length, plan.personalData.detectors().size());
            }
            return t;
        }

        private byte[] commentBytes() {
            String c = profile.dataset().dialect().comment();
            return c == null ? null : c.getBytes(StandardCharsets.UTF_8);
        }

        private void recordHeaderFindings() {
            hitRecord("DATA-BOM", 0, 1, null, "no byte-order mark", "the file starts with a UTF-8 byte-order mark", bom);
            for (CsvChunkParser.QuoteProblem p : source.headerQuoteProblems()) {
                hitRecord("DATA-QUOTE", 0, p.line(), (int) p.column(), "quotes only around a whole field",
                        "in the header: " + p.message(), true);
            }
            int blank = plan.recordSlot("DATA-HEADER-BLANK");
            // a header with a name in its first column only is usually a title row read as the header
            boolean title = plan.header != null && plan.header.size() > 1 && plan.blankHeaders.size() == plan.header.size() - 1
                    && !plan.blankHeaders.contains(0);
            for (int h : plan.blankHeaders) {
                if (blank >= 0) {
                    total.violations[blank]++;
                    if (total.wantsExample(blank)) {
                        total.examples.get(blank).add(atHeader(h + 1)
                                .expected("a column name").message("column " + (h + 1) + " has no name" + (title
                                ? "; only column 1 has one: is line " + plan.headerLine + " a title above the header? (declare skip-rows)"
                                : "")).build());
                    }
                }
            }
            int dup = plan.recordSlot("DATA-HEADER-DUPLICATE");
            for (int[] d : plan.duplicateHeaders) {
                if (dup >= 0) {
                    Slot s = plan.slots.get(dup);
                    total.violations[dup]++;
                    if (total.wantsExample(dup)) {
                        total.examples.get(dup).add(atHeader(d[1] + 1)
                                .field(plan.header.get(d[1])).expected("unique column names")
                                .message("same name as column " + (d[0] + 1) + " after normalisation").build());
                    }
                    assert s != null;
                }
            }
            int miss = plan.recordSlot("DATA-HEADER-MISSING-COLUMN");
            for (int c : plan.missingRequired) {
                if (miss >= 0) {
                    total.violations[miss]++;
                    if (total.wantsExample(miss)) {
                        var spec = plan.columns[c].spec;
                        total.examples.get(miss).add(atHeader(null).field(spec.name())
                                .expected("a column named " + String.join(" or ", spec.aliasesAndName()))
                                .message("required column is missing from the header").build());
                    }
                }
            }
            int extra = plan.recordSlot("DATA-HEADER-EXTRA-COLUMN");
            for (int h : plan.extraColumns) {
                if (extra >= 0) {
                    total.violations[extra]++;
                    if (total.wantsExample(extra)) {
                        total.examples.get(extra).add(atHeader(h + 1)
                                .field(plan.header.get(h)).expected("a column described by the profile")
                                .message("column is not described by profile " + profile.id()).build());
                    }
                }
            }
        }

        /** A finding in the header: at its line and column in a text file, at its cell in a workbook. */
        private chuan.model.Violation.Builder atHeader(Integer column) {
            chuan.source.RecordPlace at = source.headerPlace();
            return chuan.model.Violation.builder().line(at != null || plan.headerLine == 0 ? null : plan.headerLine).column(column)
                    .place(at == null ? null : at.at(column == null ? 0 : column));
        }

        private void hitRecord(String rule, long row, long line, Integer column, String expected, String message, boolean when) {
            int slot = plan.recordSlot(rule);
            if (when && slot >= 0) {
                total.violations[slot]++;
                if (total.wantsExample(slot)) {
                    total.examples.get(slot).add(chuan.model.Violation.builder().row(row == 0 ? null : row)
                            .line(line == 0 ? null : line).column(column).expected(expected).message(message).build());
                }
            }
        }

        private void validateAll(BatchSource source) throws IOException {
            int workers = Math.max(1, options.workers());
            BlockingQueue<RecordBatch> queue = new ArrayBlockingQueue<>(workers * 2);
            ViolationSink sink = events.violations(displayPath);
            OrderedStage ordered = new OrderedStage(plan, newTally(), fileBytes, sink, pushedUnique());
            if (collect != null) {
                ordered.collect(collect.collector);
            } else if (plan.keys.active()) {
                ordered.keys(new KeyChecks(plan, references, options.revealPersonalData(), options.fingerprints()));
            }
            Sequencer sequencer = new Sequencer(ordered::process, workers * 2);
            Faults faults = new Faults();
            List<Validator> validators = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            char delimiter = profile.dataset().delimiterFor(format);
            for (int i = 0; i < workers; i++) {
                NdjsonChunkParser ndjson = source.lineParser();
                Validator v = new Validator(plan, newTally(), queue, sequencer, faults,
                        profile.dataset().jsonSchema(), new CsvChunkParser(delimiter, profile.dataset().quote(), commentBytes()), ndjson,
                        sink != null);
                validators.add(v);
                Thread t = new Thread(v, "chuan-validator-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            long seq = 0;
            boolean cancelled = false;
            try {
                while (!faults.stopReading()) {
                    if (Thread.interrupted()) { // Ctrl-C in the shell: stop reading, let the workers finish
                        cancelled = true;
                        break;
                    }
                    RecordBatch batch;
                    try {
                        batch = source.next(seq);
                    } catch (InputProblem p) {
                        faults.input(p);
                        break;
                    } catch (CharacterCodingException e) {
                        faults.badEncoding(source.nextRow());
                        break;
                    }
                    if (batch == null) {
                        break;
                    }
                    seq++;
                    put(queue, batch);
                    if (opened != null || cells != null) {
                        long records = batch.chunk != null ? batch.chunk.firstRow() + batch.chunk.records() - 1
                                : batch.size == 0 ? 0 : batch.rows[batch.size - 1];
                        long found = 0;
                        for (Validator v : validators) {
                            found += v.violationsSoFar();
                        }
                        events.progress(displayPath, opened != null ? opened.bytesRead() : cells.bytesRead(), fileBytes, records, found);
                    }
                }
            } finally {
                cancelled |= Thread.interrupted(); // so that the workers still get their end marks
                for (int i = 0; i < workers; i++) {
                    put(queue, RecordBatch.END);
                }
                for (Thread t : threads) {
                    join(t);
                }
            }
            if (cancelled) {
                throw new java.util.concurrent.CancellationException("scan of " + displayPath + " cancelled");
            }
            if (faults.bug() != null) {
                throw new IllegalStateException("validator failed: " + faults.bug(), faults.bug());
            }
            java.util.TreeSet<String> unknown = new java.util.TreeSet<>();
            for (Validator v : validators) {
                total.merge(v.tally);
                unknown.addAll(v.unknownMembers());
            }
            total.merge(ordered.tally);
            validatorsUnknown = List.copyOf(unknown);
            if (pushed != null && !cancelled) {
                takePushed();
            }
            if (faults.encodingSeen()) {
                stop(encodingProblem(faults.badEncodingRow()));
            } else if (faults.problem() != null) {
                stop(faults.problem());
            }
        }

        /** Per profile column: whether the database counted its repeats (then the in-order stage keeps no index of it). */
        private boolean[] pushedUnique() {
            boolean[] out = new boolean[plan.columns.length];
            for (CompiledColumn c : plan.columns) {
                int h = plan.fileIndex[c.index];
                out[c.index] = pushed != null && h >= 0 && pushed.repeats(h) >= 0;
            }
            return out;
        }

        /** The database's counts in place of those made while reading: rows, filled cells, repeated values. */
        private void takePushed() {
            total.records = pushed.rows();
            for (CompiledColumn c : plan.columns) {
                int h = plan.fileIndex[c.index];
                if (h < 0) {
                    continue;
                }
                long filled = pushed.nonMissing(h);
                if (filled >= 0) {
                    total.cellsChecked[c.index] = pushed.rows();
                    total.nonEmpty[c.index] = filled;
                }
                int slot = plan.cellSlot[c.index][CellCheck.UNIQUE.ordinal()];
                long repeats = pushed.repeats(h);
                if (slot >= 0 && repeats >= 0) {
                    total.violations[slot] = repeats;
                    total.examples.get(slot).clear();
                }
            }
        }

        private InputProblem encodingProblem(long row) {
            try {
                Utf8Locator.Position p = Utf8Locator.locate(file);
                if (p != null) {
                    return new InputProblem("DATA-ENCODING", row, p.line(), p.column(), String.format(
                            "invalid UTF-8: byte 0x%02X at byte offset %d; %s", p.badByte(), p.offset(), likelyEncoding()));
                }
            } catch (IOException e) {
                // fall through to the generic message
            }
            return new InputProblem("DATA-ENCODING", row, 0, 0, "invalid UTF-8");
        }

        /** What the file seems to be instead of UTF-8, from its first megabyte. */
        private String likelyEncoding() throws IOException {
            byte[] sample = new byte[1 << 20];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(sample, 0, sample.length);
            }
            return chuan.standard.Encodings.detect(sample, n, options.reference())
                    .map(e -> "the file reads as " + e.description() + ": declare `encoding: " + e.name()
                            + "` in the profile to audit it, and convert it to UTF-8")
                    .orElse("the file is not UTF-8 (re-export it as UTF-8)");
        }

        private void stop(InputProblem p) {
            stopped = p;
            int slot = plan.recordSlot(p.ruleId);
            if (slot >= 0) {
                total.violations[slot]++;
                if (total.wantsExample(slot)) {
                    total.examples.get(slot).add(chuan.model.Violation.builder().row(p.row == 0 ? null : p.row)
                            .line(p.line == 0 ? null : p.line).column(p.column == 0 ? null : (int) p.column).message(p.getMessage())
                            .build());
                }
            }
            String rowNote = p.row > 0 ? " (record " + p.row + ")" : "";
            errors.add(new AuditError(AuditError.Kind.PROCESSING, displayPath, p.line == 0 ? null : p.line,
                    p.column == 0 ? null : p.column, p.getMessage() + rowNote));
        }

        DatasetOutcome outcome(long bytes, String sha) {
            total.finish();
            ResultAssembler assembler = new ResultAssembler(catalog, plan, total, options, displayPath, unknownMembers);
            boolean complete = stopped == null;
            return new DatasetOutcome(bytes, sha, total.records, complete,
                    assembler.results(complete, stopped), errors, cells == null ? List.of() : cells.parts(), shape());
        }

        /** What the profile saw: records, the header as read, each column's cells and filled cells. */
        private chuan.model.DatasetShape shape() {
            List<chuan.model.DatasetShape.ColumnFill> fills = new ArrayList<>();
            for (CompiledColumn c : plan.columns) {
                fills.add(new chuan.model.DatasetShape.ColumnFill(c.spec.name(), total.cellsChecked[c.index], total.nonEmpty[c.index]));
            }
            return new chuan.model.DatasetShape(profile.id(), total.records, plan.header, fills);
        }
    }

    private static void put(BlockingQueue<RecordBatch> q, RecordBatch b) {
        try {
            q.put(b);
        } catch (InterruptedException e) {
            throw new java.util.concurrent.CancellationException("scan cancelled");
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
