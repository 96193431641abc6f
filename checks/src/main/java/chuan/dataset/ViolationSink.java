package chuan.dataset;

import chuan.model.Violation;

/**
 * Receives every violation of a target as the scan finds it, in record order per rule, so that a
 * report can list millions of them without holding them in memory. Called from one thread at a time.
 */
public interface ViolationSink {

    void accept(String rule, String field, Violation v);
}
