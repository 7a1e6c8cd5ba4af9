package io.hashdesk.app.common;

/**
 * A piece of background work: reads or writes through services, reports progress and stops when cancelled.
 *
 * @param <T> its result, handed to the FX thread
 */
@FunctionalInterface
public interface Job<T> {

    T run(JobContext context) throws Exception;
}
