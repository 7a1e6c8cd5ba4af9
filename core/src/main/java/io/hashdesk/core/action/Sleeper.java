package io.hashdesk.core.action;

import java.time.Duration;

/** How the executor waits (settle times, watch intervals, retries); tests swap in one that only moves a clock. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Really waits. */
    static Sleeper system() {
        return duration -> Thread.sleep(duration);
    }
}
