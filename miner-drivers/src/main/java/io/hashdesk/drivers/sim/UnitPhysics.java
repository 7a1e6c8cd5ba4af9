package io.hashdesk.drivers.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The physical side of one unit over time: each step turns the clocks it runs into board power, hashrate and
 * hardware errors, lets the fans follow the cooling setting, moves chip temperatures towards ambient + power ×
 * resistance with thermal lag, gathers dust, and books the shares the hashrate finds.
 */
final class UnitPhysics {

    private static final long HASH_NOISE_STREAM = 31;
    private static final double SECONDS_PER_DAY = 86_400;
    private static final double FULL_DUTY = 100.0;

    private final ModelPhysics physics;
    private final SimulationParameters common;
    private final Silicon silicon;
    private final FanBank fans;
    private final Hashboard[] boards;
    private final long seed;
    private final ShareLedger[] userPools = new ShareLedger[MinerSettings.MAX_POOLS];
    private ShareLedger devfee = new ShareLedger();
    private double dustDays;
    private double ambientC;
    private double hashUnitSeconds;
    private double countedSeconds;

    /** Clocks one board should run; {@code enabled} false for a board switched off in the settings. */
    record BoardTarget(double freqMhz, double volts, boolean enabled) {
    }

    UnitPhysics(ModelPhysics physics, Silicon silicon, FanBank fans, Hashboard[] boards, long seed, double dustDays,
                double ambientC) {
        this.physics = physics;
        this.common = physics.common();
        this.silicon = silicon;
        this.fans = fans;
        this.boards = boards;
        this.seed = seed;
        this.dustDays = dustDays;
        this.ambientC = ambientC;
        resetCounters();
    }

    ModelPhysics physics() {
        return physics;
    }

    Silicon silicon() {
        return silicon;
    }

    FanBank fans() {
        return fans;
    }

    Hashboard board(int index) {
        return boards[index];
    }

    int boardCount() {
        return boards.length;
    }

    double ambientC() {
        return ambientC;
    }

    double dustDays() {
        return dustDays;
    }

    void cleanDust() {
        dustDays = 0;
    }

    /** Relative increase of thermal resistance from dust. */
    double dustGain() {
        return Math.min(common.dustThermalGainMax(), common.dustThermalGainPerDay() * dustDays);
    }

    /** Counters start again when mining (cgminer) starts again. */
    void resetCounters() {
        for (int i = 0; i < userPools.length; i++) {
            userPools[i] = new ShareLedger();
        }
        devfee = new ShareLedger();
        for (Hashboard board : boards) {
            board.addHwErrors(-board.hwErrors());
        }
        hashUnitSeconds = 0;
        countedSeconds = 0;
    }

    /**
     * Advances the physics by {@code dtSeconds} ending at {@code now}.
     *
     * @param targets           per-board clocks while hashing, null while the chips are idle
     * @param fullFans          the firmware runs fans flat out (cooling down after an overheat)
     * @param resistanceFactor  extra thermal resistance from an injected overheating fault (1 = none)
     */
    void step(Instant now, double dtSeconds, double ambient, BoardTarget[] targets, CoolingPolicy cooling,
              boolean fullFans, int activePool, double dustRatePerDay, double resistanceFactor) {
        ambientC = ambient;
        dustDays += dtSeconds / SECONDS_PER_DAY * dustRatePerDay;
        double[] dcWatts = new double[boards.length];
        boolean anyPower = false;
        for (int b = 0; b < boards.length; b++) {
            dcWatts[b] = runBoard(b, now, targets == null ? null : targets[b]);
            anyPower |= dcWatts[b] > 0;
        }
        double airflowPerDuty = fans.airflowPerDuty(now);
        double duty = fullFans ? FULL_DUTY
                : anyPower ? cooling.dutyPercent(physics, dcWatts, ambient, dustGain(), airflowPerDuty)
                : idleDuty(cooling);
        fans.follow(duty, dtSeconds);
        double airflow = fans.dutyPercent() / FULL_DUTY * airflowPerDuty;
        for (int b = 0; b < boards.length; b++) {
            double resistance = physics.thermalResistance(b, airflow, dustGain(), cooling.immersion())
                    * resistanceFactor;
            boards[b].relaxTemperature(ambient + dcWatts[b] * resistance, dtSeconds, common.chipThermalLagSeconds());
        }
        book(now, dtSeconds, activePool);
    }

    private double runBoard(int b, Instant now, BoardTarget target) {
        Hashboard board = boards[b];
        int working = board.workingChips(now, common.boardPrecursorDays());
        if (target == null || !target.enabled() || working == 0) {
            board.record(target == null ? Hashboard.Step.idle(0, 0)
                    : Hashboard.Step.idle(target.freqMhz(), target.volts()));
            return 0;
        }
        double precursor = board.precursor(now, common.boardPrecursorDays());
        double error = Math.min(1, physics.errorFraction(target.volts(), target.freqMhz(), silicon.boardOffsetVolts(b))
                * (1 + common.boardPrecursorErrorGain() * precursor * precursor));
        double ideal = physics.idealHashrate(target.freqMhz(), working);
        long bucket = (long) Math.floor(now.getEpochSecond() / common.noisePeriodSeconds());
        double jitter = 1 + common.hashrateNoiseFraction() * Noise.gaussian(seed, HASH_NOISE_STREAM + b, bucket);
        double watts = physics.boardDcWatts(target.volts(), target.freqMhz(), working, board.chipTempC());
        board.record(new Hashboard.Step(target.freqMhz(), target.volts(), watts, ideal,
                Math.max(0, ideal * (1 - error) * jitter), error, working));
        return watts;
    }

    private double idleDuty(CoolingPolicy cooling) {
        return switch (cooling.mode()) {
            case IMMERSION -> 0;
            case MANUAL -> Math.max(cooling.param(), cooling.minFanPwm());
            case AUTO -> Math.max(cooling.minDutyPercent(), cooling.minFanPwm());
        };
    }

    private void book(Instant now, double dtSeconds, int activePool) {
        double rate = 0;
        double lost = 0;
        for (Hashboard board : boards) {
            Hashboard.Step last = board.last();
            rate += last.hashrate();
            lost += last.idealHashrate() * last.errorFraction();
            double diff1PerSecond = last.idealHashrate() * physics.spec().hashesPerUnit()
                    / physics.spec().hashesPerDiff1();
            board.addHwErrors(diff1PerSecond * last.errorFraction() * dtSeconds);
        }
        if (rate <= 0) {
            return;
        }
        hashUnitSeconds += rate * dtSeconds;
        countedSeconds += dtSeconds;
        double difficulty = physics.spec().parameters().poolDifficulty();
        double shares = rate * physics.spec().hashesPerUnit() * dtSeconds
                / (difficulty * physics.spec().hashesPerDiff1());
        double error = lost / (rate + lost);
        double reject = common.rejectBaseFraction() + common.rejectPerErrorFraction() * error;
        double devShare = common.devfeePercent() / FULL_DUTY;
        userPools[activePool].book(shares * (1 - devShare), reject, common.staleFraction(), difficulty, now);
        devfee.book(shares * devShare, reject, common.staleFraction(), difficulty, now);
    }

    /** Index of the hottest board that has not failed, -1 when every board has. */
    int hottestBoard(Instant now) {
        int hottest = -1;
        for (int b = 0; b < boards.length; b++) {
            if (!boards[b].failed(now) && (hottest < 0 || boards[b].chipTempC() > boards[hottest].chipTempC())) {
                hottest = b;
            }
        }
        return hottest;
    }

    /** What the last step drew at the wall: boards, fans and control board through the PSU. */
    double wallWatts(Instant now) {
        double dc = 0;
        for (Hashboard board : boards) {
            dc += board.last().dcWatts();
        }
        return physics.wallWatts(dc, fans.powerWatts(physics, now));
    }

    /** What the last step hashed, in the model's unit. */
    double hashrate() {
        double rate = 0;
        for (Hashboard board : boards) {
            rate += board.last().hashrate();
        }
        return rate;
    }

    /** Hashes since counting started ÷ seconds spent hashing (the cgminer "av" figure). */
    double averageHashrate() {
        return countedSeconds > 0 ? hashUnitSeconds / countedSeconds : 0;
    }

    ShareLedger pool(int index) {
        return userPools[index];
    }

    ShareLedger devfeePool() {
        return devfee;
    }

    /** Chip by chip detail of one board, derived from the board's state and each chip's own silicon. */
    List<MinerReading.ChipReading> chips(int b, Instant now, double chainVolts) {
        Hashboard board = boards[b];
        Hashboard.Step last = board.last();
        int chips = board.chips();
        int working = board.workingChips(now, common.boardPrecursorDays());
        int domains = Math.max(1, chips / physics.spec().parameters().chipsPerDomain());
        int chipMillivolts = ModelPhysics.toMillivolts(chainVolts / domains);
        double[] errors = new double[chips];
        double errorSum = 0;
        for (int c = 0; c < chips; c++) {
            errors[c] = c < working && last.freqMhz() > 0
                    ? physics.errorFraction(chainVolts, last.freqMhz(), silicon.chipOffsetVolts(b, c)) : 1;
            errorSum += errors[c];
        }
        ThermalSpread spread = ThermalSpread.of(board.chipTempC(), ambientC, common);
        List<MinerReading.ChipReading> result = new ArrayList<>(chips);
        for (int c = 0; c < chips; c++) {
            boolean dead = c >= working;
            double hr = dead || last.hashrate() <= 0 ? 0 : physics.chipHashrate(last.freqMhz()) * (1 - errors[c]);
            double temp = spread.chipAt(c, chips);
            long errs = errorSum > 0 ? Math.round(board.hwErrors() * errors[c] / errorSum) : 0;
            result.add(new MinerReading.ChipReading(c, hr, (int) Math.round(last.freqMhz()), chipMillivolts, temp,
                    dead ? 0 : errs, grade(dead, errors[c])));
        }
        return result;
    }

    /** Grade a chip the way the firmware colours it: red when dead or mostly erring, orange above the tuner limit. */
    MinerReading.ChipGrade grade(boolean dead, double errorFraction) {
        if (dead || errorFraction > common.redChipErrorFraction()) {
            return MinerReading.ChipGrade.RED;
        }
        return errorFraction > common.maxTunableErrorFraction() ? MinerReading.ChipGrade.ORANGE
                : MinerReading.ChipGrade.GREY;
    }

    /**
     * Chip and PCB temperatures across a board: the hottest chip is the board's tracked temperature, the coolest
     * and the PCB sit at fixed shares of its rise over ambient.
     */
    record ThermalSpread(double chipMaxC, double chipMinC, double pcbMaxC, double pcbMinC) {
        static ThermalSpread of(double chipMaxC, double ambientC, SimulationParameters common) {
            double rise = Math.max(0, chipMaxC - ambientC);
            double chipMin = ambientC + common.chipMinShareOfMaxRise() * rise;
            double pcbMax = ambientC + common.pcbShareOfChipRise() * rise;
            double pcbMin = ambientC + common.pcbShareOfChipRise() * common.chipMinShareOfMaxRise() * rise;
            return new ThermalSpread(Math.max(chipMaxC, ambientC), chipMin, pcbMax, pcbMin);
        }

        /** Chips further along the airflow run hotter. */
        double chipAt(int chip, int chips) {
            double position = chips <= 1 ? 1 : (double) chip / (chips - 1);
            return chipMinC + (chipMaxC - chipMinC) * Math.sqrt(position);
        }
    }
}
