package io.hashdesk.core.store;

/**
 * The farm's database as a whole: its inventory and its telemetry, opened and closed together. Callers
 * depend on this and the interfaces it hands out, never on the database behind them.
 */
public interface FarmStore extends AutoCloseable {

    MinerRegistry registry();

    TelemetryStore telemetry();

    @Override
    void close();
}
