package org.joinedup.platform.http;

import java.util.ArrayDeque;

/**
 * How much work a service takes on at once: at most {@code maxConcurrent} requests run, at most
 * {@code maxQueued} more wait their turn in arrival order, and any beyond are refused at once. A
 * waiting request holds no thread and no database connection. The caller decides what a refusal and
 * an expired wait answer (issue 16: overload is shed, not suffered). Thread-safe; the callbacks run
 * outside its lock.
 */
public final class Admission {
    /** A request asking to run. */
    public interface Waiter {
        /** Its turn has come; it now counts as running and must {@link #leave()} when done. */
        void admit();
    }

    public enum Outcome { ADMITTED, QUEUED, REFUSED }

    private final int maxConcurrent;
    private final int maxQueued;
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private int running;

    public Admission(int maxConcurrent, int maxQueued) {
        if (maxConcurrent < 1 || maxQueued < 0) {
            throw new IllegalArgumentException("at least one request must run and the queue cannot be negative");
        }
        this.maxConcurrent = maxConcurrent;
        this.maxQueued = maxQueued;
    }

    /** ADMITTED: run now, then leave. QUEUED: {@code waiter.admit()} is called later, unless withdrawn. REFUSED: answer at once. */
    public synchronized Outcome enter(Waiter waiter) {
        if (running < maxConcurrent) {
            running++;
            return Outcome.ADMITTED;
        }
        if (queue.size() < maxQueued) {
            queue.addLast(waiter);
            return Outcome.QUEUED;
        }
        return Outcome.REFUSED;
    }

    /** A running request finished: the longest-waiting request, if any, takes its place. */
    public void leave() {
        Waiter next;
        synchronized (this) {
            next = queue.pollFirst();
            if (next == null) {
                if (running == 0) {
                    throw new IllegalStateException("left more often than admitted");
                }
                running--;
                return;
            }
        }
        next.admit();
    }

    /** A waiting request gives up (its deadline passed, its client went away). False when it was admitted first. */
    public synchronized boolean withdraw(Waiter waiter) {
        return queue.remove(waiter);
    }

    public synchronized int running() {
        return running;
    }

    public synchronized int queued() {
        return queue.size();
    }
}
