package io.hashdesk.ml.bench;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One synthetic miner stepped poll by poll, what the bench farm's store is filled with. Every few days its operator
 * moves it to another of its model's settings and chip-temperature target (the miner restarts: one poll shows it
 * starting, counters and uptime begin again), so its history holds settled stretches at several clocks. Each board's
 * hottest chip follows room air + board power × thermal resistance, the resistance falling with airflow (fan duty ×
 * fan health) and rising with dust, through a first-order lag; the firmware's fan control steps the duty to hold the
 * target, so duty follows the room's day and night. A unit's silicon needs a little more or less voltage than average
 * and makes a little more or less hashrate per watt.
 *
 * <p>Faults, when planted: a fan that sags towards the end of its life and stops (replaced a day later), a hashboard
 * whose chips fail over four days (rising errors, a few chips dark) and then all at once (replaced two days later),
 * dust building up (the fans work harder, then the chips run hotter).
 */
final class SyntheticUnit {

    /** A fan at the end of its life: its speed sags with age (to 70 % of new at the end) until it stops. */
    record FanWear(int fan, Instant stopsAt, double lifeDays) {
    }

    /** A hashboard that fails at {@code failsAt} after its precursor days. */
    record BoardFailure(int board, Instant failsAt) {
    }

    private static final double SECONDS_PER_DAY = 86_400;
    private static final int FAN_MAX_RPM = 6000;
    /** A board's chip-to-air resistance (°C/W) is base + airflow term / airflow^exponent, as in the simulator. */
    private static final double RESISTANCE_BASE_C_PER_W = 0.019;
    private static final double RESISTANCE_AIRFLOW_C_PER_W = 0.015;
    private static final double AIRFLOW_EXPONENT = 0.8;
    private static final double MIN_AIRFLOW = 0.05;
    /** Boards further along the airflow run hotter. */
    private static final double[] BOARD_POSITION = {1.0, 1.06, 0.97, 1.03};
    private static final double CHIP_LAG_SECONDS = 90;
    private static final int WARM_START_LAGS = 10;
    private static final double PCB_SHARE_OF_RISE = 0.78;
    private static final double HASHRATE_NOISE = 0.015;
    private static final double POWER_NOISE = 0.003;
    private static final double FAN_JITTER = 0.01;
    private static final double FAN_SAG_AT_END_OF_LIFE = 0.3;
    private static final double FAN_SAG_EXPONENT = 4;
    /** Healthy fans are somewhere in the first part of their life, sagged by at most a percent or two. */
    private static final double HEALTHY_FAN_MAX_AGE_SHARE = 0.6;
    private static final double FAN_REPLACED_AFTER_DAYS = 1;
    private static final double BOARD_PRECURSOR_DAYS = 4;
    private static final double BOARD_PRECURSOR_ERROR_GAIN = 300;
    private static final double DEAD_CHIP_SHARE_AT_FAILURE = 0.05;
    private static final double BOARD_REPLACED_AFTER_DAYS = 2;
    private static final double MAX_DUST_GAIN = 0.9;
    /** The chip temperatures operators set the firmware's fan control to hold. */
    private static final double[] TARGET_CHIP_C = {68, 72, 76};
    /** The fan control's dead band around the target, its step per poll and its lowest duty. */
    private static final double FAN_DEAD_BAND_C = 2;
    private static final double MIN_DUTY_PERCENT = 40;
    /** Half of the operator's changes take a unit back to its model's stock setting, so peers mostly run alike. */
    private static final double BACK_TO_STOCK_ODDS = 0.5;
    private static final double FAN_STEP_PERCENT = 5;
    private static final double MIN_DAYS_AT_A_SETTING = 2;
    private static final double MAX_DAYS_AT_A_SETTING = 4;
    private static final double HASHES_PER_DIFF1 = 4_294_967_296.0;
    private static final double POOL_DIFFICULTY = 262_144;
    private static final double REJECTED_SHARE = 0.0015;
    private static final double SILICON_SPREAD_VOLTS = 0.05;
    private static final double HASH_FACTOR_SPREAD = 0.01;
    private static final double POWER_FACTOR_SPREAD = 0.02;
    private static final String PRESET = "disabled";
    private static final long PRESET_WATTS_STEP = 10;
    private static final String POOL = "stratum+tcp://btc.bench-pool.example:3333";

    private final MinerId id;
    private final SyntheticModel model;
    private final RoomClimate room;
    private final SplittableRandom random;
    private final double offsetVolts;
    private final double hashFactor;
    private final double powerFactor;
    private final double[] healthyFanWear;
    private final FanWear fanWear;
    private final BoardFailure boardFailure;
    private final double dustGainPerDay;
    private final boolean namedPresets;
    private final long startSecond;
    private final double[] chipTempC;
    private final double[] boardErrors;

    private SyntheticModel.Clocks clocks;
    private double targetChipC;
    private double duty;
    private long restartedAt;
    private long nextChangeAt;
    private long lastPollAt;
    private double accepted;
    private double rejected;

    /**
     * @param fanWear      a fan to wear out, or null
     * @param boardFailure a board to fail, or null
     * @param namedPresets true for a unit whose settings are firmware presets named by their watts, as Vnish names
     *                     them; false for one run on manual clocks ({@code disabled})
     */
    SyntheticUnit(MinerId id, SyntheticModel model, RoomClimate room, Instant start, long seed, FanWear fanWear,
                  BoardFailure boardFailure, double dustGainPerDay, boolean namedPresets) {
        this.id = id;
        this.model = model;
        this.room = room;
        this.random = new SplittableRandom(seed);
        this.offsetVolts = SILICON_SPREAD_VOLTS * random.nextGaussian();
        this.hashFactor = 1 + HASH_FACTOR_SPREAD * random.nextGaussian();
        this.powerFactor = 1 + POWER_FACTOR_SPREAD * random.nextGaussian();
        this.healthyFanWear = new double[model.model().fans()];
        for (int f = 0; f < healthyFanWear.length; f++) {
            healthyFanWear[f] = sag(random.nextDouble() * HEALTHY_FAN_MAX_AGE_SHARE);
        }
        this.fanWear = fanWear;
        this.boardFailure = boardFailure;
        this.dustGainPerDay = dustGainPerDay;
        this.namedPresets = namedPresets;
        this.startSecond = start.getEpochSecond();
        this.chipTempC = new double[model.model().hashboards()];
        this.boardErrors = new double[chipTempC.length];
        this.clocks = model.settings().get(random.nextInt(model.settings().size()));
        this.targetChipC = TARGET_CHIP_C[random.nextInt(TARGET_CHIP_C.length)];
        this.duty = SyntheticModel.STOCK_FAN_DUTY_PERCENT;
        // the farm starts with each unit part-way through a stretch at its setting, mining for a while already
        this.restartedAt = startSecond - (long) (random.nextDouble() * MIN_DAYS_AT_A_SETTING * SECONDS_PER_DAY);
        this.nextChangeAt = startSecond + stretchSeconds();
        // as if last polled long enough ago for the chips to reach their steady state by the first poll
        this.lastPollAt = startSecond - (long) (CHIP_LAG_SECONDS * WARM_START_LAGS);
        Arrays.fill(chipTempC, room.ambientC(startSecond));
    }

    /** What a poll at {@code at} sees; polls must come in time order. */
    TelemetrySnapshot poll(Instant at) {
        long now = at.getEpochSecond();
        double dt = Math.max(0, now - lastPollAt);
        lastPollAt = now;
        double ambient = room.ambientC(now);
        if (now >= nextChangeAt) {
            restart(now);
            return starting(at, ambient, dt);
        }
        return mining(at, now, ambient, dt);
    }

    /** The operator applies another setting and chip target; the miner restarts to run it. */
    private void restart(long now) {
        SyntheticModel.Clocks stock = model.settings().getFirst();
        SyntheticModel.Clocks next = clocks.equals(stock) || random.nextDouble() >= BACK_TO_STOCK_ODDS ? clocks : stock;
        while (next.equals(clocks)) {
            next = model.settings().get(random.nextInt(model.settings().size()));
        }
        clocks = next;
        targetChipC = TARGET_CHIP_C[random.nextInt(TARGET_CHIP_C.length)];
        restartedAt = now;
        nextChangeAt = now + stretchSeconds();
        accepted = 0;
        rejected = 0;
        Arrays.fill(boardErrors, 0);
    }

    private TelemetrySnapshot starting(Instant at, double ambient, double dt) {
        HashboardReading[] boards = new HashboardReading[chipTempC.length];
        double hottest = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < boards.length; b++) {
            chipTempC[b] = relax(chipTempC[b], ambient, dt);
            double chip = Math.rint(chipTempC[b]);
            hottest = Math.max(hottest, chip);
            boards[b] = new HashboardReading(b, 0.0, chip, boardTemp(ambient, chip), clocks.freqMhz(),
                    clocks.volts(), 0.0, 0L);
        }
        int[] rpm = fanRpm(at.getEpochSecond());
        double wall = (SyntheticModel.fanWatts(duty, running(rpm)) + SyntheticModel.CONTROL_BOARD_WATTS)
                / SyntheticModel.PSU_EFFICIENCY;
        return new TelemetrySnapshot(id, at, MinerStatus.STARTING, 0.0, 0.0, List.of(boards), hottest,
                boardTemp(ambient, hottest), boxed(rpm), duty, wall, clocks.volts(), clocks.freqMhz(), preset(), POOL,
                0L, 0L, 0L, Duration.ZERO);
    }

    private TelemetrySnapshot mining(Instant at, long now, double ambient, double dt) {
        int[] rpm = fanRpm(now);
        double airflow = Math.max(MIN_AIRFLOW, duty / 100 * meanWear(now));
        double resistance = (1 + dust(now)) * (RESISTANCE_BASE_C_PER_W
                + RESISTANCE_AIRFLOW_C_PER_W / Math.pow(airflow, AIRFLOW_EXPONENT));
        HashboardReading[] boards = new HashboardReading[chipTempC.length];
        double totalThs = 0;
        double averageThs = 0;
        double dcWatts = 0;
        double hottest = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < boards.length; b++) {
            double working = workingShare(b, now);
            double watts = model.boardDcWatts(clocks, working, powerFactor);
            double ideal = model.boardIdealThs(clocks, working, hashFactor);
            double errors = working == 0 ? 0 : Math.min(1, model.errorFraction(clocks, offsetVolts)
                    * (1 + BOARD_PRECURSOR_ERROR_GAIN * precursor(b, now) * precursor(b, now)));
            double ths = Math.max(0, ideal * (1 - errors) * (1 + HASHRATE_NOISE * random.nextGaussian()));
            chipTempC[b] = relax(chipTempC[b], ambient + watts * resistance * BOARD_POSITION[b], dt);
            boardErrors[b] += ideal * 1e12 / HASHES_PER_DIFF1 * errors * dt;
            double chip = Math.rint(chipTempC[b]);
            hottest = Math.max(hottest, chip);
            boards[b] = new HashboardReading(b, ths, chip, boardTemp(ambient, chip), clocks.freqMhz(),
                    clocks.volts(), watts, Math.round(boardErrors[b]));
            totalThs += ths;
            averageThs += ideal * (1 - errors);
            dcWatts += watts;
        }
        double shares = averageThs * 1e12 * dt / (HASHES_PER_DIFF1 * POOL_DIFFICULTY);
        accepted += shares * (1 - REJECTED_SHARE);
        rejected += shares * REJECTED_SHARE;
        double wall = (dcWatts + SyntheticModel.fanWatts(duty, running(rpm)) + SyntheticModel.CONTROL_BOARD_WATTS)
                / SyntheticModel.PSU_EFFICIENCY * (1 + POWER_NOISE * random.nextGaussian());
        double fanPercent = duty;
        followTarget(hottest);
        return new TelemetrySnapshot(id, at, MinerStatus.MINING, totalThs, averageThs, List.of(boards), hottest,
                boardTemp(ambient, hottest), boxed(rpm), fanPercent, wall, clocks.volts(), clocks.freqMhz(), preset(),
                POOL, Math.round(accepted), Math.round(rejected), Math.round(Arrays.stream(boardErrors).sum()),
                Duration.ofSeconds(now - restartedAt));
    }

    /** The running preset: its nominal wall watts (at stock fan duty, rounded to 10 W), or manual clocks. */
    private String preset() {
        if (!namedPresets) {
            return PRESET;
        }
        double dc = 0;
        for (int b = 0; b < chipTempC.length; b++) {
            dc += model.boardDcWatts(clocks, 1, 1);
        }
        double wall = (dc + SyntheticModel.fanWatts(SyntheticModel.STOCK_FAN_DUTY_PERCENT, healthyFanWear.length)
                + SyntheticModel.CONTROL_BOARD_WATTS) / SyntheticModel.PSU_EFFICIENCY;
        return Long.toString(Math.round(wall / PRESET_WATTS_STEP) * PRESET_WATTS_STEP);
    }

    MinerId id() {
        return id;
    }

    /** The settled hashrate this unit makes at these clocks with every chip working, before measurement noise. */
    double hashrateThs(double freqMhz, double volts) {
        SyntheticModel.Clocks at = new SyntheticModel.Clocks(freqMhz, volts);
        double ths = 0;
        for (int b = 0; b < chipTempC.length; b++) {
            ths += model.boardIdealThs(at, 1, hashFactor) * (1 - model.errorFraction(at, offsetVolts));
        }
        return ths;
    }

    /** The firmware's fan control: a step up when the hottest chip is above its target, a step down when below. */
    private void followTarget(double hottestChipC) {
        if (hottestChipC > targetChipC + FAN_DEAD_BAND_C) {
            duty = Math.min(100, duty + FAN_STEP_PERCENT);
        } else if (hottestChipC < targetChipC - FAN_DEAD_BAND_C) {
            duty = Math.max(MIN_DUTY_PERCENT, duty - FAN_STEP_PERCENT);
        }
    }

    private double relax(double currentC, double targetC, double dt) {
        return targetC + (currentC - targetC) * Math.exp(-dt / CHIP_LAG_SECONDS);
    }

    private static double boardTemp(double ambient, double chip) {
        return ambient + PCB_SHARE_OF_RISE * (chip - ambient);
    }

    private int[] fanRpm(long now) {
        int[] rpm = new int[healthyFanWear.length];
        for (int f = 0; f < rpm.length; f++) {
            double jitter = 1 + FAN_JITTER * (random.nextDouble() - 0.5);
            rpm[f] = (int) Math.round(FAN_MAX_RPM * duty / 100 * wear(f, now) * jitter);
        }
        return rpm;
    }

    private double meanWear(long now) {
        double sum = 0;
        for (int f = 0; f < healthyFanWear.length; f++) {
            sum += wear(f, now);
        }
        return sum / healthyFanWear.length;
    }

    /** Speed of fan {@code f} at full duty relative to a new fan: 0 once stopped, 1 once replaced. */
    private double wear(int f, long now) {
        if (fanWear == null || fanWear.fan() != f) {
            return healthyFanWear[f];
        }
        long stopsAt = fanWear.stopsAt().getEpochSecond();
        if (now >= stopsAt + FAN_REPLACED_AFTER_DAYS * SECONDS_PER_DAY) {
            return 1;
        }
        if (now >= stopsAt) {
            return 0;
        }
        return sag(1 - (stopsAt - now) / (fanWear.lifeDays() * SECONDS_PER_DAY));
    }

    private static double sag(double ageShare) {
        return 1 - FAN_SAG_AT_END_OF_LIFE * Math.pow(Math.clamp(ageShare, 0, 1), FAN_SAG_EXPONENT);
    }

    private static int running(int[] rpm) {
        return (int) Arrays.stream(rpm).filter(r -> r > 0).count();
    }

    /** Share of board {@code b}'s chips answering: all, fewer near a failure, none from it until it is swapped. */
    private double workingShare(int b, long now) {
        if (boardFailure == null || boardFailure.board() != b) {
            return 1;
        }
        long failsAt = boardFailure.failsAt().getEpochSecond();
        if (now >= failsAt && now < failsAt + BOARD_REPLACED_AFTER_DAYS * SECONDS_PER_DAY) {
            return 0;
        }
        double p = precursor(b, now);
        return 1 - p * p * DEAD_CHIP_SHARE_AT_FAILURE;
    }

    /** 0 far from a board failure, rising to 1 at it over the precursor days; 0 again once the board is swapped. */
    private double precursor(int b, long now) {
        if (boardFailure == null || boardFailure.board() != b) {
            return 0;
        }
        double daysLeft = (boardFailure.failsAt().getEpochSecond() - now) / SECONDS_PER_DAY;
        return daysLeft < 0 ? 0 : Math.clamp(1 - daysLeft / BOARD_PRECURSOR_DAYS, 0, 1);
    }

    private double dust(long now) {
        return Math.min(MAX_DUST_GAIN, dustGainPerDay * (now - startSecond) / SECONDS_PER_DAY);
    }

    private long stretchSeconds() {
        double days = MIN_DAYS_AT_A_SETTING + random.nextDouble() * (MAX_DAYS_AT_A_SETTING - MIN_DAYS_AT_A_SETTING);
        return (long) (days * SECONDS_PER_DAY);
    }

    private static List<Integer> boxed(int[] values) {
        Integer[] boxed = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return List.of(boxed);
    }
}
