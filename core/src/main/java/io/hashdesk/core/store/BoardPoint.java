package io.hashdesk.core.store;

/** One hashboard within a {@link SeriesPoint}; values are means over the bucket except the maxima; nullable when not reported. */
public record BoardPoint(int index, Double hashrateThs, Double chipTempMaxC, Double boardTempMaxC,
                         Double frequencyMhz, Double voltageVolts) {
}
