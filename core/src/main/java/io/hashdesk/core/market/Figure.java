package io.hashdesk.core.market;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One market figure as last reported: its value, when, and by whom.
 *
 * @param value     in the unit of its {@link MarketField}
 * @param fetchedAt when the source reported it
 * @param source    who reported it ({@link MarketSnapshot#source()})
 */
public record Figure(double value, Instant fetchedAt, String source) {

    public Figure {
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(source, "source");
    }

    /** How old the figure is at {@code now}; never negative, so a clock set back cannot make it fresher than new. */
    public Duration age(Instant now) {
        Duration age = Duration.between(fetchedAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** Whether the figure is older than {@code staleAfter} at {@code now}. */
    public boolean isStale(Instant now, Duration staleAfter) {
        return age(now).compareTo(staleAfter) > 0;
    }
}
