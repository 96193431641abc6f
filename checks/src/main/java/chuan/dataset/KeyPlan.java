package chuan.dataset;

import chuan.profile.ForeignKeySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A dataset's primary key and foreign keys bound to one file's columns, with their slots: one for repeated
 * primary keys, one for missing parts, one per foreign key. Built with the {@link ScanPlan}; read-only after.
 */
final class KeyPlan {

    static final String DUPLICATE = "DATA-PRIMARY-KEY-DUPLICATE";
    static final String MISSING = "DATA-PRIMARY-KEY-MISSING";
    static final String FOREIGN = "DATA-FOREIGN-KEY";

    /** A foreign key bound to profile columns, and its slot. */
    record Foreign(ForeignKeySpec spec, int[] columns, int slot, String field, boolean personal) {
    }

    /** Profile column indexes of the primary key (empty: none). */
    final int[] primary;
    final String primaryField;
    final int duplicateSlot;
    final int missingSlot;
    final List<Foreign> foreign = new ArrayList<>();
    /** Per slot of the plan: why it cannot be checked in this file (a key column it lacks), or absent. */
    private final java.util.Map<Integer, String> notApplicable = new java.util.HashMap<>();

    KeyPlan(ScanPlan plan) {
        var d = plan.profile.dataset();
        primary = columns(plan, d.primaryKey());
        primaryField = fields(plan, primary);
        boolean personal = personal(plan, primary);
        duplicateSlot = primary.length > 0 ? slot(plan, DUPLICATE, primary, primaryField, personal) : -1;
        missingSlot = primary.length > 0 ? slot(plan, MISSING, primary, primaryField, personal) : -1;
        for (ForeignKeySpec fk : d.foreignKeys()) {
            int[] cols = columns(plan, fk.columns());
            String field = fields(plan, cols);
            boolean p = personal(plan, cols);
            int slot = slot(plan, FOREIGN, cols, field, p);
            if (slot >= 0) {
                foreign.add(new Foreign(fk, cols, slot, field, p));
            }
        }
    }

    boolean active() {
        return duplicateSlot >= 0 || missingSlot >= 0 || !foreign.isEmpty();
    }

    /** Why a slot's key cannot be checked in this file, or null when it can (or the slot is not a key's). */
    String notApplicable(int slot) {
        return notApplicable.get(slot);
    }

    private int slot(ScanPlan plan, String rule, int[] cols, String field, boolean personal) {
        if (!plan.profile.enabled(rule)) {
            return -1;
        }
        int s = plan.slots.size();
        Integer fileColumn = cols.length == 1 && cols[0] >= 0 && plan.format.locations().numbersColumns() && plan.fileIndex[cols[0]] >= 0
                ? plan.fileIndex[cols[0]] + 1 : null;
        plan.slots.add(new Slot(rule, null, null, field, fileColumn, personal));
        for (int c : cols) {
            if (c < 0 || plan.fileIndex[c] < 0) {
                notApplicable.put(s, "column '" + (c < 0 ? "?" : plan.columns[c].spec.name()) + "' of the key is not in the file");
                break;
            }
        }
        return s;
    }

    private static int[] columns(ScanPlan plan, List<String> names) {
        int[] out = new int[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = -1;
            for (CompiledColumn c : plan.columns) {
                if (c.spec.name().equals(names.get(i))) {
                    out[i] = c.index;
                }
            }
        }
        return out;
    }

    private static String fields(ScanPlan plan, int[] cols) {
        List<String> out = new ArrayList<>();
        for (int c : cols) {
            out.add(c < 0 ? "?" : plan.fieldName(c));
        }
        return String.join(", ", out);
    }

    private static boolean personal(ScanPlan plan, int[] cols) {
        for (int c : cols) {
            if (c >= 0 && plan.columns[c].spec.personal()) {
                return true;
            }
        }
        return false;
    }
}
