package chuan.dataset;

/** Lets batches through an in-order stage one at a time, in the order they were read. */
final class Sequencer {

    private long next;

    synchronized void awaitTurn(long seq) throws InterruptedException {
        while (seq != next) {
            wait();
        }
    }

    synchronized void done(long seq) {
        next = seq + 1;
        notifyAll();
    }
}
