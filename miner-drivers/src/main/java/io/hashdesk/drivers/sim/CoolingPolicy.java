package io.hashdesk.drivers.sim;

/**
 * How a cooling setting turns heat into fan duty. Auto mode sets the duty the hottest board needs to sit at the
 * target temperature (what the firmware's fan loop converges to), within the minimum and maximum duty.
 *
 * @param minFanPwm the model's hard floor ({@code /model cooling.min_fan_pwm})
 */
record CoolingPolicy(MinerSettings.FanMode mode, int param, int minDutyPercent, int maxDutyPercent, int minFanPwm) {

    private static final double FULL_DUTY = 100.0;

    static CoolingPolicy of(MinerSettings.Cooling cooling, int minFanPwm) {
        return new CoolingPolicy(cooling.mode(), cooling.modeParam(), cooling.fanMinDutyPercent(),
                cooling.fanMaxDutyPercent(), minFanPwm);
    }

    boolean immersion() {
        return mode == MinerSettings.FanMode.IMMERSION;
    }

    /**
     * Fan duty for these board powers.
     *
     * @param airflowPerDuty airflow share at 100 % duty, lower when fans are worn or lost
     */
    double dutyPercent(ModelPhysics physics, double[] boardDcWatts, double ambientC, double dustGain,
                       double airflowPerDuty) {
        double floor = Math.max(minDutyPercent, minFanPwm);
        double ceiling = Math.max(floor, Math.min(maxDutyPercent, FULL_DUTY));
        return switch (mode) {
            case IMMERSION -> 0;
            case MANUAL -> Math.clamp(param, minFanPwm, FULL_DUTY);
            case AUTO -> {
                double airflow = 0;
                double headroomC = param - ambientC;
                for (int b = 0; b < boardDcWatts.length; b++) {
                    if (boardDcWatts[b] <= 0) {
                        continue;
                    }
                    airflow = headroomC <= 0 ? 1.0
                            : Math.max(airflow, physics.airflowFor(b, headroomC / boardDcWatts[b], dustGain));
                }
                double duty = airflowPerDuty > 0 ? FULL_DUTY * airflow / airflowPerDuty : FULL_DUTY;
                yield Math.clamp(duty, floor, ceiling);
            }
        };
    }
}
