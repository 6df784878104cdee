package io.weir.runtime.archfixture;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

/** Fixtures for rule (e), and runtime types that the SPI fixtures leak. */
public final class RuntimeFixtures {
    private RuntimeFixtures() {
    }

    /** A runtime type. */
    public static final class RuntimeThing {
    }

    /** A runtime base class. */
    public static class RuntimeBase {
    }

    /** Breaks rule (e): synchronized method. */
    public static final class SynchronizedMethod {
        private int count;

        public synchronized void increment() {
            count++;
        }
    }

    /** Breaks rule (e): synchronized block. */
    public static final class SynchronizedBlock {
        private final Object guard = new Object();
        private int count;

        public void increment() {
            synchronized (guard) {
                count++;
            }
        }
    }

    /** Breaks rule (e): synchronized block inside a lambda (compiled into a synthetic method). */
    public static final class SynchronizedInLambda {
        public Runnable task(Object guard) {
            return () -> {
                synchronized (guard) {
                    guard.notifyAll();
                }
            };
        }
    }

    /** Breaks rule (e): a lock from java.util.concurrent.locks. */
    public static final class UsesReentrantLock {
        private final ReentrantLock lock = new ReentrantLock();

        public void run(Runnable r) {
            lock.lock();
            try {
                r.run();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Breaks rule (e): a StampedLock, used only inside a method. */
    public static final class UsesStampedLock {
        public long read() {
            return new StampedLock().tryOptimisticRead();
        }
    }

    /** Breaks rule (e): a blocking queue (declared through the interface). */
    public static final class UsesBlockingQueue {
        private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(4);

        public String poll() {
            return queue.poll();
        }
    }

    /** Keeps rule (e): parking (an idle strategy) and a non-blocking queue are not locks. */
    public static final class ParksAndUsesConcurrentQueue {
        private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();

        public String idle() {
            LockSupport.parkNanos(1_000);
            return queue.poll();
        }
    }
}
