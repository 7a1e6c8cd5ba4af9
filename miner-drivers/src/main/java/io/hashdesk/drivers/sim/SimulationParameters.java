package io.hashdesk.drivers.sim;

import java.util.List;

/**
 * Physics and timing shared by every simulated model: PSU and fan figures, voltage margins, error and reject rates,
 * silicon spread, thermal lags, wear and failure rates, how long the firmware's state changes take and how much it
 * keeps ({@link FirmwareLimits}). The {@code common} block of {@code sim-models.json}; see that file for the values.
 */
record SimulationParameters(double psuEfficiency, double controlBoardWatts, double fanMaxWatts, double leakageShareAtStock,
                            double leakageDoublingC,
                            double referenceChipTempC, double stockFanDutyPercent, int minFanPwmPercent,
                            int minTargetTempC, int maxTargetTempC, double presetMarginVolts,
                            double tunedMarginVolts, double hwErrorBaseFraction, double errorAtStableVolts,
                            double errorVoltsScale, double maxTunableErrorFraction, double redChipErrorFraction,
                            double rejectBaseFraction,
                            double staleFraction, double rejectPerErrorFraction, double siliconSpreadVolts,
                            double boardSpreadVolts, double chipSpreadVolts, List<Double> boardPositionFactors,
                            double chipThermalLagSeconds, double fanDutyLagSeconds, double pcbShareOfChipRise,
                            double chipMinShareOfMaxRise, double airflowExponent, double minAirflowFraction,
                            double immersionThermalResistanceCPerW, double dustThermalGainPerDay,
                            double dustThermalGainMax, double fanWeibullShape, double fanMeanLifeDays,
                            double fanSagAtEndOfLife, double fanSagExponent, double boardMeanLifeDays,
                            double boardPrecursorDays, double boardPrecursorErrorGain, double hashrateNoiseFraction,
                            double noisePeriodSeconds, double safeChipTempMarginC, double devfeePercent,
                            Timing timing, FirmwareLimits firmwareLimits) {

    SimulationParameters {
        ModelParameters.require(psuEfficiency > 0 && psuEfficiency <= 1, "common.psuEfficiency must be in (0, 1]");
        ModelParameters.require(boardPositionFactors != null && boardPositionFactors.size() >= 4,
                "common.boardPositionFactors must give a factor for each of up to 4 boards");
        boardPositionFactors = List.copyOf(boardPositionFactors);
        ModelParameters.require(chipThermalLagSeconds > 0 && fanDutyLagSeconds > 0,
                "common thermal and fan lags must be positive");
        ModelParameters.require(fanMeanLifeDays > 0 && boardMeanLifeDays > 0 && fanWeibullShape > 0,
                "common fan and board lifetimes must be positive");
        ModelParameters.require(noisePeriodSeconds > 0, "common.noisePeriodSeconds must be positive");
        ModelParameters.require(timing != null, "common.timing is missing");
        ModelParameters.require(firmwareLimits != null, "common.firmwareLimits is missing");
    }

    /**
     * How long each firmware state change takes, in seconds of simulated time.
     *
     * @param rebootDelaySeconds the {@code after} of a reboot reply: how long the miner keeps answering first
     */
    record Timing(int rebootSeconds, int rebootDelaySeconds, int initializingSeconds, int startingSeconds,
                  int restartingSeconds, int shuttingDownSeconds, int autotuneSeconds, int overheatCooldownSeconds) {

        Timing {
            ModelParameters.require(rebootSeconds > 0 && initializingSeconds > 0 && startingSeconds > 0
                            && restartingSeconds > 0 && shuttingDownSeconds > 0 && autotuneSeconds > 0
                            && overheatCooldownSeconds > 0 && rebootDelaySeconds >= 0,
                    "common.timing durations must be positive");
        }
    }
}
