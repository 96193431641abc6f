package chuan.dataset;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the in-order stage on batches in the order they were read, without making validators
 * wait: a validator hands its checked batch over and goes on to the next one; whichever thread
 * finds the next batch in sequence ready runs the stage for it and for the ready batches after it.
 * Only one thread runs the stage at a time, so the stage needs no locking of its own.
 */
final class Sequencer {

    /**
     * Checked batches held for the stage at most, before a validator waits for the stage to catch up: without a
     * bound a stage slower than the validators (a large key set) would keep every batch the reader can make.
     */
    private final int maxReady;

    private final Map<Long, RecordBatch> ready = new HashMap<>();
    private final Consumer<RecordBatch> stage;
    private long next;
    private boolean running;

    Sequencer(Consumer<RecordBatch> stage) {
        this(stage, Integer.MAX_VALUE);
    }

    /** {@code maxReady}: checked batches waiting for the stage before the validators that hand over more wait too. */
    Sequencer(Consumer<RecordBatch> stage, int maxReady) {
        this.stage = stage;
        this.maxReady = maxReady;
    }

    /** Hands over a checked batch (or a batch that failed, as {@code skip}, to keep the sequence going). */
    void submit(RecordBatch batch) {
        synchronized (this) {
            ready.put(batch.seq, batch);
            if (running) {
                // the thread running the stage never waits for this one, and wakes it when it stops
                while (running && ready.size() > maxReady) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                return;
            }
            running = true;
        }
        while (true) {
            RecordBatch b;
            synchronized (this) {
                b = ready.remove(next);
                notifyAll();
                if (b == null) {
                    running = false;
                    return;
                }
                next++;
            }
            if (!b.skipOrdered) {
                try {
                    stage.accept(b);
                } catch (RuntimeException | Error e) {
                    synchronized (this) {
                        running = false;
                        notifyAll();
                    }
                    throw e;
                }
            }
        }
    }
}
