package io.hashdesk.core.store;

import io.hashdesk.core.domain.SensorId;
import io.hashdesk.core.domain.SensorQuantity;
import io.hashdesk.core.domain.SensorReading;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * History of the farm's room sensors and power meters: every read's values for the raw retention, 5-minute and
 * 1-hour rollups for as long as the telemetry's (same {@link StoreSettings}, rolled up and expired by the same
 * maintenance run), and how each sensor's last read went. Thread-safe, like {@link TelemetryStore}.
 */
public interface SensorStore {

    /**
     * Stores a batch of reads in one transaction: their values, and each sensor's last status and placement.
     * Values for an hour already rolled up are refused (the read's status is still kept).
     *
     * @return values stored
     */
    int ingest(Collection<SensorReading> reads);

    /** Each sensor's most recent read, failed or not. */
    Map<SensorId, SensorReading> latest();

    /** One sensor's values of one quantity in {@code [from, to)}, oldest first; buckets aligned in UTC. */
    List<SensorPoint> series(SensorId sensor, SensorQuantity quantity, Instant from, Instant to, Resolution resolution);

    /**
     * Intake air temperature in {@code [from, to)} per room (every intake sensor in it) and per rack (the intake
     * sensors with that rack), read in one query. A bucket's mean is the mean of the sensors' means, its min and max
     * the extremes of all of them. Rooms and racks without intake data in the range are absent.
     */
    Map<AmbientScope, List<SensorPoint>> ambientIntake(Instant from, Instant to, Resolution resolution);

    /** Measured active power per circuit (meters placed as {@code CIRCUIT}) in {@code [from, to)}, in one query. */
    Map<PowerCircuit, List<SensorPoint>> powerByCircuit(Instant from, Instant to, Resolution resolution);

    /**
     * Measured active power per room in {@code [from, to)}: per bucket, the sum of the means of the room's circuits
     * that reported in it (min and max likewise summed), in one query.
     */
    Map<String, List<SensorPoint>> powerByRoom(Instant from, Instant to, Resolution resolution);
}
