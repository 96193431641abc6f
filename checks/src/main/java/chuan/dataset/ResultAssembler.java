package chuan.dataset;

import chuan.model.Result;
import chuan.model.Rule;
import chuan.model.Severity;
import chuan.model.Status;
import chuan.model.Violation;
import chuan.profile.MetricSpec;
import chuan.profile.Threshold;
import chuan.rules.RuleCatalog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a finished scan's counters into results: one per rule and target (and column). */
final class ResultAssembler {

    /** Rules checked once per header column rather than once per record. */
    private static final java.util.Set<String> HEADER_RULES =
            java.util.Set.of("DATA-HEADER-BLANK", "DATA-HEADER-DUPLICATE", "DATA-HEADER-MISSING-COLUMN", "DATA-HEADER-EXTRA-COLUMN");

    private final RuleCatalog catalog;
    private final ScanPlan plan;
    private final Tally total;
    private final ScanOptions options;
    private final String target;
    private final List<String> unknownMembers;

    ResultAssembler(RuleCatalog catalog, ScanPlan plan, Tally total, ScanOptions options, String target,
                    List<String> unknownMembers) {
        this.catalog = catalog;
        this.plan = plan;
        this.total = total;
        this.options = options;
        this.target = target;
        this.unknownMembers = unknownMembers;
    }

    List<Result> results(boolean complete, InputProblem stopped) {
        List<Result> out = new ArrayList<>();
        if (plan.format.shape().isJson() && !unknownMembers.isEmpty()) {
            int slot = plan.recordSlot("DATA-HEADER-EXTRA-COLUMN");
            if (slot >= 0) {
                for (String m : unknownMembers) {
                    total.violations[slot]++;
                    total.examples.get(slot).add(Violation.builder()
                            .field(options.revealPersonalData() ? m : chuan.model.Masking.name(m))
                            .expected("a member described by the profile").message("member is not described by profile " + plan.profile.id())
                            .build());
                }
            }
        }
        if (complete && total.records == 0) {
            int slot = plan.recordSlot("DATA-NO-RECORDS");
            if (slot >= 0) {
                total.violations[slot]++;
                total.examples.get(slot).add(Violation.builder().line(plan.header != null ? plan.headerLine : null)
                        .expected("at least one record")
                        .message(plan.header != null ? "the file has a header and no records" : "the file has no records").build());
            }
        }
        if (plan.personalData != null) {
            assessPersonalData();
        }
        for (int s = 0; s < plan.slots.size(); s++) {
            out.add(slotResult(s, complete, stopped));
        }
        for (MetricSpec m : plan.profile.dataset().checks()) {
            out.add(metricResult(m, complete, stopped));
        }
        return out;
    }

    private Result slotResult(int s, boolean complete, InputProblem stopped) {
        Slot slot = plan.slots.get(s);
        ScanPlan.RowRule rowRule = rowRule(s);
        Rule rule = rowRule != null && !rowRule.spec().catalogued()
                ? catalog.describe(rowRule.spec().id(), rowRule.spec().title(), rowRule.spec().severity()) : catalog.get(slot.ruleId());
        Severity severity = plan.profile.severityOf(rule.id(), rule.severity());
        long violations = total.violations[s];
        long checked;
        if (rowRule != null) {
            checked = total.ruleChecked[s]; // the records the rule could judge
        } else if (slot.column() != null) {
            checked = total.cellsChecked[slot.column().index];
        } else if (HEADER_RULES.contains(slot.ruleId()) && plan.header != null) {
            checked = plan.header.size();
        } else if (plan.format.ownRules().contains(slot.ruleId())) {
            // a source's own findings are about its cells (a number stored in a text column): counted against every cell read
            checked = Math.max(violations, total.records * Math.max(1, plan.header != null ? plan.header.size() : plan.columns.length));
        } else {
            checked = total.records;
        }
        Status status = violations > 0 ? Status.FAIL : Status.PASS;
        String message = null;
        // a column pinned to a code list of another period judges all its rules by that list's dates
        LocalDate day = slot.column() != null && slot.column().national != null
                ? slot.column().national.rulesInForceOn(options.asOf()) : options.asOf();
        if (!rule.inForceOn(day)) {
            status = Status.NOT_APPLICABLE;
            message = "rule not in force on " + day + (day.equals(options.asOf()) ? "" : ", a date of the column's pinned code list");
        } else if (rowRule != null && absentColumn(rowRule) != null) {
            status = Status.NOT_APPLICABLE;
            message = "column '" + absentColumn(rowRule) + "' is not in the file";
        } else if (slot.column() != null && plan.fileIndex[slot.column().index] < 0) {
            status = Status.NOT_APPLICABLE;
            message = "column '" + slot.column().spec.name() + "' is not in the file";
        } else if (slot.ruleId().equals("DATA-RAGGED-ROW") && plan.widthFromFirstRecord && complete) {
            message = plan.width < 0 ? "no header and no columns in the profile: no record to compare with"
                    : "no header and no columns in the profile: records are compared with the first record's "
                    + plan.width + " fields; columns are not checked";
        } else if (!complete && violations == 0) {
            status = Status.ERROR;
            message = incomplete(stopped);
        } else if (!complete) {
            message = incomplete(stopped);
        }
        return Result.of(rule.id(), rule.title(), severity).on(target, slot.field()).status(status).counted(violations, checked)
                .message(message).examples(total.examples.get(s)).build();
    }

    /** The row rule counted in slot {@code s}, or null. */
    private ScanPlan.RowRule rowRule(int s) {
        for (ScanPlan.RowRule r : plan.rowRules) {
            if (r.slot() == s) {
                return r;
            }
        }
        return null;
    }

    /** A column the rule reads (or reports on) that the file does not have: then no record can be judged. */
    private String absentColumn(ScanPlan.RowRule r) {
        if (r.column() >= 0 && plan.fileIndex[r.column()] < 0) {
            return plan.columns[r.column()].spec.name();
        }
        for (chuan.profile.RowRuleSpec.Expression e : java.util.Arrays.asList(r.spec().when(), r.spec().expect())) {
            if (e == null) {
                continue;
            }
            for (chuan.profile.RowEnvironment.Variable v : e.compiled().reads()) {
                if (plan.fileIndex[v.column()] < 0) {
                    return v.name();
                }
            }
        }
        return null;
    }

    /**
     * Open data: a column is personal data when its name announces a category, or when at least
     * half of its values are personal values (IDs, mobile numbers, e-mail addresses); a name
     * column together with a birth-date column identifies people too.
     */
    private void assessPersonalData() {
        chuan.standard.PersonalData pd = plan.personalData;
        int nameColumn = -1;
        int birthColumn = -1;
        for (int k = 0; k < plan.personalSlot.length; k++) {
            int slot = plan.personalSlot[k];
            String field = plan.slots.get(slot).field();
            var byName = pd.byColumnName(field);
            if (byName.isPresent()) {
                total.violations[slot]++;
                total.examples.get(slot).add(Violation.builder().line(1L).column(k + 1).field(field)
                        .expected("no personal data").message("the column name announces " + describe(byName.get())).build());
            }
            for (int d = 0; d < pd.detectors().size(); d++) {
                long hits = k < total.pdHits.length ? total.pdHits[k][d] : 0;
                if (hits > 0 && hits * 2 >= total.pdNonEmpty[k]) {
                    total.violations[slot] += hits;
                    total.examples.get(slot).add(Violation.builder().row(total.pdFirstRow[k][d])
                            .line(total.pdFirstLine[k][d] == 0 ? null : total.pdFirstLine[k][d]).column(k + 1).field(field).expected("no personal data")
                            .message(hits + " of " + total.pdNonEmpty[k] + " values are " + describe(pd.detectors().get(d).category()))
                            .build());
                }
            }
            if (pd.isNameColumn(field)) {
                nameColumn = k;
            }
            if (pd.isBirthDateColumn(field)) {
                birthColumn = k;
            }
        }
        if (nameColumn >= 0 && birthColumn >= 0 && plan.nameBirthSlot >= 0) {
            total.violations[plan.nameBirthSlot]++;
            total.examples.get(plan.nameBirthSlot).add(Violation.builder().line(1L).column(birthColumn + 1)
                    .field(plan.slots.get(plan.personalSlot[birthColumn]).field()).expected("no name together with a birth date")
                    .message("names (column " + (nameColumn + 1) + ") with birth dates identify people").build());
        }
    }

    private static String describe(chuan.standard.PersonalData.Category c) {
        return (c.sensitive() ? "sensitive" : "basic") + " personal data: " + c.description() + " (" + c.legalRef() + ")";
    }

    private static String incomplete(InputProblem stopped) {
        return "not fully checked: reading stopped" + (stopped.line > 0 ? " at line " + stopped.line : "");
    }

    private Result metricResult(MetricSpec m, boolean complete, InputProblem stopped) {
        Rule rule = catalog.get(m.metric().ruleId());
        Severity severity = m.severity() != null ? m.severity() : plan.profile.severityOf(rule.id(), rule.severity());
        if (m.metric().ofColumn() && m.metric() != MetricSpec.Metric.COMPLETENESS) {
            Result r = new ColumnMetrics(plan, total, options, target).result(m, rule, severity).build();
            return complete || r.status() == Status.NOT_APPLICABLE ? r
                    : r.withStatus(Status.ERROR, incomplete(stopped) + (r.message() == null ? "" : "; " + r.message()));
        }
        String field = null;
        double measured;
        long violations;
        long checked;
        List<Violation> examples = List.of();
        switch (m.metric()) {
            case COMPLETENESS -> {
                int c = columnIndex(m.column());
                field = c < 0 ? m.column() : plan.fieldName(c);
                if (c < 0 || plan.fileIndex[c] < 0 || total.cellsChecked[c] == 0) {
                    return Result.of(rule.id(), rule.title(), severity).on(target, field).status(Status.NOT_APPLICABLE)
                            .message(c >= 0 && plan.fileIndex[c] < 0 ? "column '" + m.column() + "' is not in the file"
                                    : "no records to measure").build();
                }
                checked = total.cellsChecked[c];
                violations = checked - total.nonEmpty[c];
                measured = (double) total.nonEmpty[c] / checked;
            }
            case ROW_COUNT -> {
                measured = total.records;
                checked = total.records;
                violations = 0;
            }
            default -> {
                measured = total.duplicateRows;
                checked = total.checkedRecords;
                violations = total.duplicateRows;
                examples = total.duplicateExamples;
            }
        }
        Status status = Status.PASS;
        if (m.fail() != null && m.fail().breachedBy(measured)) {
            status = Status.FAIL;
        } else if (m.warn() != null && m.warn().breachedBy(measured)) {
            status = Status.WARN;
        }
        if (m.metric() == MetricSpec.Metric.ROW_COUNT && status != Status.PASS) {
            violations = 1;
        }
        String message = m.metric().label() + (field != null ? " of " + field : "") + " is " + format(m.metric(), measured)
                + thresholds(m.warn(), m.fail());
        if (!complete) {
            status = Status.ERROR;
            message = incomplete(stopped) + "; " + message;
        }
        return Result.of(rule.id(), rule.title(), severity).on(target, field).status(status).counted(violations, checked)
                .message(message).examples(examples).metric(new chuan.model.Measurement(plan.profile.id(), m.metric().label(),
                        m.column(), null, null, m.metric() == MetricSpec.Metric.COMPLETENESS ? ColumnMetrics.round(measured) : measured,
                        format(m.metric(), measured), null, m.warn() == null ? null : m.warn().display(),
                        m.fail() == null ? null : m.fail().display(), null, null, null, null)).build();
    }

    private int columnIndex(String name) {
        for (CompiledColumn c : plan.columns) {
            if (c.spec.name().equals(name)) {
                return c.index;
            }
        }
        return -1;
    }

    private static String format(MetricSpec.Metric metric, double v) {
        return metric == MetricSpec.Metric.COMPLETENESS ? String.format(Locale.ROOT, "%.4f", v) : String.valueOf((long) v);
    }

    private static String thresholds(Threshold warn, Threshold fail) {
        List<String> parts = new ArrayList<>();
        if (warn != null) {
            parts.add("warn if " + warn.display());
        }
        if (fail != null) {
            parts.add("fail if " + fail.display());
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }
}
