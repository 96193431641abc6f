package chuan.dataset;

import java.util.Arrays;

/**
 * What one validator thread measured of one column for the dataset metrics, in state that merges
 * exactly whatever the order: the count, minimum and maximum of its values (numbers, epoch days or
 * seconds), their mean and sum of squared deviations (Welford, merged by Chan's formula), the values
 * themselves for quantiles (a {@link Sample}), the distinct values, and counts per value (shares, groups).
 */
final class ColumnMeasure {

    /** Distinct values kept exactly per column; past it distinct-count is a HyperLogLog estimate. */
    static final int DISTINCT_LIMIT = 1 << 22;
    /** Values kept for quantiles per column; past it, a sample chosen by the record number. */
    static final int SAMPLE_LIMIT = 1 << 21;
    /** Groups counted per column when no groups are expected. */
    static final int GROUP_LIMIT = 100_000;

    long n;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double mean;
    double m2;
    final Sample sample;
    ValueTable distinct;
    Hll hll;
    final ValueTable counts;

    ColumnMeasure(MeasurePlan.Column c) {
        this.sample = c.quantiles ? new Sample(SAMPLE_LIMIT) : null;
        this.distinct = c.distinct ? new ValueTable(DISTINCT_LIMIT) : null;
        this.hll = c.distinct ? new Hll() : null;
        if (c.counts) {
            counts = new ValueTable(c.open ? GROUP_LIMIT : Integer.MAX_VALUE);
            c.seeds.forEach(counts::seed);
            if (!c.open) {
                counts.freeze();
            }
        } else {
            counts = null;
        }
    }

    /** A value of the column's type (a number, an epoch day or second). */
    void value(double x, long row) {
        n++;
        if (x < min) {
            min = x;
        }
        if (x > max) {
            max = x;
        }
        double d = x - mean;
        mean += d / n;
        m2 += d * (x - mean);
        if (sample != null) {
            sample.add(x, row);
        }
    }

    /** A non-missing cell, as written. */
    void text(CharSequence v) {
        if (distinct != null) {
            long h = distinct.add(v);
            hll.add(h);
            if (distinct.full()) {
                distinct = null; // the estimate takes over; the exact table is let go
            }
        } else if (hll != null) {
            hll.add(ValueTable.hash(v));
        }
        if (counts != null) {
            counts.add(v);
        }
    }

    void merge(ColumnMeasure o) {
        if (o.n > 0) {
            long total = n + o.n;
            double d = o.mean - mean;
            mean += d * o.n / total;
            m2 += o.m2 + d * d * ((double) n * o.n / total);
            n = total;
            min = Math.min(min, o.min);
            max = Math.max(max, o.max);
        }
        if (sample != null) {
            sample.merge(o.sample);
        }
        if (hll != null) {
            hll.merge(o.hll);
            if (distinct != null && o.distinct != null) {
                distinct.merge(o.distinct);
                if (distinct.full()) {
                    distinct = null;
                }
            } else {
                distinct = null;
            }
        }
        if (counts != null) {
            counts.merge(o.counts);
        }
    }

    /** The number of distinct values: exact while the table held them all, else the estimate. */
    long distinctCount() {
        return distinct != null ? distinct.size() : hll.estimate();
    }

    boolean distinctExact() {
        return distinct != null;
    }

    /**
     * The values kept for quantiles: all of them up to a limit; past it, those of the records whose
     * number's hash has at least {@code level} trailing zero bits (each record with probability 2^-level),
     * the lowest level that keeps at most the limit. Which records are kept depends on their numbers
     * only, so the sample is the same whatever thread read them.
     */
    static final class Sample {
        private final int limit;
        double[] values = new double[64];
        byte[] levels = new byte[64];
        int size;
        int level;

        Sample(int limit) {
            this.limit = limit;
        }

        void add(double x, long row) {
            int l = Long.numberOfTrailingZeros(UniqueIndex.mix(row) | Long.MIN_VALUE);
            if (l < level) {
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
                levels = Arrays.copyOf(levels, size * 2);
            }
            values[size] = x;
            levels[size] = (byte) l;
            size++;
            if (size > limit) {
                settle();
            }
        }

        void merge(Sample o) {
            int need = size + o.size;
            if (need > values.length) {
                values = Arrays.copyOf(values, need);
                levels = Arrays.copyOf(levels, need);
            }
            System.arraycopy(o.values, 0, values, size, o.size);
            System.arraycopy(o.levels, 0, levels, size, o.size);
            size = need;
            level = Math.max(level, o.level);
            settle();
        }

        /** Raises the level to the lowest that keeps at most the limit, dropping the values below it. */
        private void settle() {
            long[] atLeast = new long[65];
            for (int i = 0; i < size; i++) {
                if (levels[i] >= level) {
                    atLeast[levels[i]]++;
                }
            }
            for (int l = 63; l >= 0; l--) {
                atLeast[l] += atLeast[l + 1];
            }
            int want = level;
            while (atLeast[want] > limit) {
                want++;
            }
            level = want;
            int k = 0;
            for (int i = 0; i < size; i++) {
                if (levels[i] >= level) {
                    values[k] = values[i];
                    levels[k] = levels[i];
                    k++;
                }
            }
            size = k;
        }

        boolean exact() {
            return level == 0;
        }

        /** The values sorted (once; the sample is not added to after). */
        double[] sorted() {
            double[] s = Arrays.copyOf(values, size);
            Arrays.sort(s);
            return s;
        }
    }
}
