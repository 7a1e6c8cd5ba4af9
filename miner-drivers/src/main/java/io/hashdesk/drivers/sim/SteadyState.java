package io.hashdesk.drivers.sim;

/**
 * Where a unit settles when it runs one setting long enough: the fixed point of power (which rises with chip
 * temperature through leakage), fan duty (which the cooling mode sets from power and temperature) and chip
 * temperature (ambient + power × resistance). Used to price presets and to find each unit's true optimum.
 */
final class SteadyState {

    private static final int ITERATIONS = 5;
    private static final double PERCENT = 100.0;

    private final ModelPhysics physics;

    SteadyState(ModelPhysics physics) {
        this.physics = physics;
    }

    /**
     * The settled point for one frequency and chain voltage on every board.
     *
     * @param offsetsVolts   per-board silicon offsets (what each board needs above an average board)
     * @param chips          working chips per board (0 for a failed or disabled board)
     * @param airflowPerDuty airflow share the fans give at 100 % duty (1 for new fans, less for worn or lost ones)
     */
    OperatingPoint evaluate(double freqMhz, double volts, double[] offsetsVolts, int[] chips, double ambientC,
                            CoolingPolicy cooling, double dustGain, double airflowPerDuty) {
        int boards = chips.length;
        double[] tempC = new double[boards];
        double[] dcWatts = new double[boards];
        java.util.Arrays.fill(tempC, physics.common().referenceChipTempC());
        double duty = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            for (int b = 0; b < boards; b++) {
                dcWatts[b] = physics.boardDcWatts(volts, freqMhz, chips[b], tempC[b]);
            }
            duty = cooling.dutyPercent(physics, dcWatts, ambientC, dustGain, airflowPerDuty);
            double airflow = duty / PERCENT * airflowPerDuty;
            for (int b = 0; b < boards; b++) {
                tempC[b] = ambientC + dcWatts[b] * physics.thermalResistance(b, airflow, dustGain, cooling.immersion());
            }
        }
        double hashrate = 0;
        double boardsDc = 0;
        double hottest = ambientC;
        double lost = 0;
        for (int b = 0; b < boards; b++) {
            double error = physics.errorFraction(volts, freqMhz, offsetsVolts[b]);
            double ideal = physics.idealHashrate(freqMhz, chips[b]);
            hashrate += ideal * (1 - error);
            lost += ideal * error;
            boardsDc += dcWatts[b];
            if (chips[b] > 0) {
                hottest = Math.max(hottest, tempC[b]);
            }
        }
        int runningFans = cooling.immersion() ? 0 : physics.spec().fans();
        double wall = physics.wallWatts(boardsDc, physics.fanWatts(duty, runningFans));
        double ths = physics.spec().hashrateUnit().toThs(hashrate);
        double errorFraction = hashrate + lost > 0 ? lost / (hashrate + lost) : 0;
        return new OperatingPoint(freqMhz, (int) Math.round(volts * PERCENT), hashrate, ths, wall,
                ths > 0 ? wall / ths : Double.POSITIVE_INFINITY, hottest, duty, errorFraction);
    }
}
