package io.hashdesk.drivers.sim;

import java.time.Instant;
import java.util.List;

/**
 * What the simulator knows about a unit and no API reveals: its true best-efficiency setting under its current
 * conditions, its silicon quality, and when each of its parts will fail. Machine-learning checks compare their
 * answers with this, never with themselves.
 *
 * @param bestPoint          the manual frequency/voltage ({@code preset "disabled"}) with the lowest J/TH whose chips
 *                           stay below the over-temperature point minus a margin and whose errors stay below the
 *                           tuner's limit, at the current ambient, dust, fans and cooling settings
 * @param siliconOffsetVolts how much more voltage than an average unit of its model this unit needs (negative =
 *                           better silicon)
 * @param boardOffsetsVolts  the same per board, board 1 first
 * @param fanFailureTimes    when each fan stops (fan 0 first), from its wear
 * @param boardFailureTimes  when each board fails (board 1 first)
 * @param dustThermalGain    relative increase of thermal resistance from dust (0.2 = 20 % hotter rise)
 */
public record GroundTruth(Instant at, OperatingPoint bestPoint, double siliconOffsetVolts,
                          List<Double> boardOffsetsVolts, List<Instant> fanFailureTimes,
                          List<Instant> boardFailureTimes, double dustThermalGain, double ambientC) {

    public GroundTruth {
        boardOffsetsVolts = List.copyOf(boardOffsetsVolts);
        fanFailureTimes = List.copyOf(fanFailureTimes);
        boardFailureTimes = List.copyOf(boardFailureTimes);
    }
}
