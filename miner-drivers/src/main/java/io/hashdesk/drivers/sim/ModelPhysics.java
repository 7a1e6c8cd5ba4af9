package io.hashdesk.drivers.sim;

/**
 * The physics every unit of one model shares, calibrated so that an average unit at the firmware's default
 * frequency and voltage draws the rated wall power and makes the rated hashrate.
 *
 * <ul>
 *   <li>hashrate = per-chip hash per MHz × frequency × working chips × (1 − error fraction);</li>
 *   <li>board power = switching (k · V² · f per chip) + leakage (∝ V per chip, doubling every few tens of °C of
 *       chip temperature, whatever the frequency), plus control board and fans (fan power ∝ duty³), all divided by
 *       the PSU efficiency at the wall. Leakage is what makes very low clocks inefficient again;</li>
 *   <li>a chip needs {@code stableVolts(f)} to hash cleanly; below it errors grow exponentially;</li>
 *   <li>chip temperature rise = power × thermal resistance, which falls with airflow and grows with dust.</li>
 * </ul>
 */
final class ModelPhysics {

    private static final double PERCENT = 100.0;
    private static final double MILLIVOLTS_PER_10MV_STEP = 10.0;

    private final ModelSpec spec;
    private final SimulationParameters common;
    private final double dynamicWattsPerChip;
    private final double leakageWattsPerChipVolt;
    private final double hashPerChipMhz;

    ModelPhysics(ModelSpec spec, SimulationParameters common) {
        this.spec = spec;
        this.common = common;
        ModelParameters m = spec.parameters();
        int chips = spec.boards() * spec.chipsPerBoard();
        double stockDuty = common.stockFanDutyPercent();
        double boardsDc = spec.catalog().ratedPowerWatts() * common.psuEfficiency() - common.controlBoardWatts()
                - fanWatts(stockDuty, spec.fans());
        ModelParameters.require(boardsDc > 0, "model '" + spec.id() + "': rated power does not cover fans and control");
        double volts = m.defaultVolts();
        double leakage = common.leakageShareAtStock() * boardsDc;
        this.dynamicWattsPerChip = (boardsDc - leakage) / (volts * volts * m.defaultFreqMhz() * chips);
        this.leakageWattsPerChipVolt = leakage / (volts * chips);
        this.hashPerChipMhz = spec.ratedHashrate() / (m.defaultFreqMhz() * (double) chips);
    }

    ModelSpec spec() {
        return spec;
    }

    SimulationParameters common() {
        return common;
    }

    /** Chain voltage a chip with this silicon offset needs to hash cleanly at this frequency. */
    double stableVolts(double freqMhz, double offsetVolts) {
        ModelParameters m = spec.parameters();
        return m.stableVoltsAtDefaultFreq() + m.stableVoltsPerMhz() * (freqMhz - m.defaultFreqMhz()) + offsetVolts;
    }

    /** Share of hashing work lost to hardware errors: a small floor, growing exponentially as voltage falls short. */
    double errorFraction(double volts, double freqMhz, double offsetVolts) {
        double shortfall = stableVolts(freqMhz, offsetVolts) - volts;
        double error = common.hwErrorBaseFraction()
                + common.errorAtStableVolts() * Math.exp(shortfall / common.errorVoltsScale());
        return Math.min(1.0, error);
    }

    /** DC power of one board's chips. */
    double boardDcWatts(double volts, double freqMhz, int chips, double chipTempC) {
        double heat = Math.pow(2, (chipTempC - common.referenceChipTempC()) / common.leakageDoublingC());
        return chips * (dynamicWattsPerChip * volts * volts * freqMhz + leakageWattsPerChipVolt * volts * heat);
    }

    /** Hashrate (in the model's unit) that working chips would make at this frequency with no errors. */
    double idealHashrate(double freqMhz, int chips) {
        return hashPerChipMhz * freqMhz * chips;
    }

    double chipHashrate(double freqMhz) {
        return hashPerChipMhz * freqMhz;
    }

    /** Power the running fans draw at this duty. */
    double fanWatts(double dutyPercent, int runningFans) {
        double duty = dutyPercent / PERCENT;
        return runningFans * common.fanMaxWatts() * duty * duty * duty;
    }

    /** Wall power for this much board and fan DC power. */
    double wallWatts(double boardsDcWatts, double fanWatts) {
        return (boardsDcWatts + fanWatts + common.controlBoardWatts()) / common.psuEfficiency();
    }

    /**
     * Chip-to-air thermal resistance of one board (°C per W).
     *
     * @param airflowFraction share of full airflow the fans deliver, 0..1
     * @param dustGain        relative increase from dust, 0 for a clean unit
     */
    double thermalResistance(int boardIndex, double airflowFraction, double dustGain, boolean immersion) {
        double position = common.boardPositionFactors().get(boardIndex);
        if (immersion) {
            return position * common.immersionThermalResistanceCPerW();
        }
        ModelParameters m = spec.parameters();
        double airflow = Math.max(airflowFraction, common.minAirflowFraction());
        double clean = m.thermalResistanceBaseCPerW()
                + m.thermalResistanceAirflowCPerW() / Math.pow(airflow, common.airflowExponent());
        return position * (1 + dustGain) * clean;
    }

    /**
     * Airflow share a board needs so that its resistance does not exceed {@code resistance}; 1 when even full
     * airflow cannot get there.
     */
    double airflowFor(int boardIndex, double resistance, double dustGain) {
        ModelParameters m = spec.parameters();
        double position = common.boardPositionFactors().get(boardIndex);
        double clean = resistance / (position * (1 + dustGain));
        double share = clean - m.thermalResistanceBaseCPerW();
        if (share <= m.thermalResistanceAirflowCPerW()) {
            return 1.0;
        }
        double airflow = Math.pow(m.thermalResistanceAirflowCPerW() / share, 1 / common.airflowExponent());
        return Math.clamp(airflow, common.minAirflowFraction(), 1.0);
    }

    /** A voltage in volts rounded to the firmware's 10 mV setting step and kept inside the stock PSU range. */
    double settableVolts(double volts) {
        ModelParameters m = spec.parameters();
        double steps = Math.round(volts * PERCENT);
        return Math.clamp(steps, m.minVoltage10mV(), m.maxVoltageStockPsu10mV()) / PERCENT;
    }

    static int toMillivolts(double volts) {
        return (int) Math.round(volts * PERCENT * MILLIVOLTS_PER_10MV_STEP);
    }
}
