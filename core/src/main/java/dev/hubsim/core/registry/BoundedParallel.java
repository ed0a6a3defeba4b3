package dev.hubsim.core.registry;

import dev.hubsim.core.error.TransportException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs one task per item on at most {@code concurrency} threads of its own, and returns when all are done. The first
 * failure cancels (interrupts) the others, waits for them to stop, and is rethrown as it was thrown.
 */
final class BoundedParallel {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private BoundedParallel() {
    }

    /** {@code operation} and {@code target} name the failure when the calling thread is interrupted. */
    static <T> void run(List<T> items, int concurrency, Consumer<T> task, String operation, String target) {
        if (items.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, items.size()), threads());
        ExecutorCompletionService<Void> completion = new ExecutorCompletionService<>(pool);
        List<Future<Void>> futures = new ArrayList<>();
        try {
            for (T item : items) {
                futures.add(completion.submit(() -> task.accept(item), null));
            }
            for (int done = 0; done < futures.size(); done++) {
                completion.take().get();
            }
        } catch (ExecutionException e) {
            stop(pool, futures);
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause(); // a Consumer throws nothing checked
        } catch (InterruptedException e) {
            stop(pool, futures);
            Thread.currentThread().interrupt();
            throw new TransportException(operation, target, new InterruptedIOException("interrupted"));
        } finally {
            pool.shutdown();
        }
    }

    /** Cancels what is left and waits for the running tasks to clean up (e.g. delete their temporary files). */
    private static void stop(ExecutorService pool, List<Future<Void>> futures) {
        futures.forEach(f -> f.cancel(true));
        pool.shutdownNow();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "hubsim-transfer-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
