package io.hashdesk.drivers.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a unit's physical and firmware state into a {@link MinerReading}: rounds the way the firmware rounds,
 * splits wall power over the boards (so board powers add up to the total, as in real captures) and grades chips.
 */
final class ReadingAssembler {

    private static final long BEST_SHARE_STREAM = 61;
    /** Keeps the best-share draw away from zero, which would claim an absurd share. */
    private static final double MIN_EXPONENTIAL_DRAW = 0.05;
    private static final double PERCENT = 100.0;
    private static final int PING_MS = 42;


    private ReadingAssembler() {
    }

    /** What the unit was asked to do, which the physics alone does not know. */
    record Context(MinerSettings settings, List<MinerSettings.Pool> runningPools, double nominalHashrate,
                   int activePool, int throttlePercent, boolean locateOn, long seed) {
    }

    static MinerReading reading(UnitPhysics unit, Lifecycle lifecycle, Instant now, Context context) {
        ModelPhysics physics = unit.physics();
        SimulationParameters common = physics.common();
        double boardsDc = 0;
        for (int b = 0; b < unit.boardCount(); b++) {
            boardsDc += unit.board(b).last().dcWatts();
        }
        double fanWatts = unit.fans().powerWatts(physics, now);
        double wall = physics.wallWatts(boardsDc, fanWatts);
        double overheadPerBoard = (wall - boardsDc / common.psuEfficiency()) / unit.boardCount();
        List<MinerReading.BoardReading> boards = new ArrayList<>();
        double rate = 0;
        long hwErrors = 0;
        double idealSum = 0;
        double erringSum = 0;
        double worstBoardPercent = 0;
        for (int b = 0; b < unit.boardCount(); b++) {
            MinerReading.BoardReading board = board(unit, b, lifecycle, now, context.settings(), overheadPerBoard);
            boards.add(board);
            rate += board.hrRealtime();
            hwErrors += board.hwErrors();
            idealSum += board.hrIdeal();
            erringSum += board.hrIdeal() * board.errorPercent();
            worstBoardPercent = Math.max(worstBoardPercent, board.errorPercent());
        }
        boolean immersion = context.settings().cooling().mode() == MinerSettings.FanMode.IMMERSION;
        List<MinerReading.PoolReading> pools = pools(unit, context, now);
        // A weighted mean never exceeds its largest term, but its floating-point sum can (100.00000000000001 %).
        double hwPercent = idealSum > 0 ? Math.min(worstBoardPercent, erringSum / idealSum) : 0;
        return new MinerReading(now, lifecycle.state(), Duration.between(lifecycle.since(), now).toSeconds(),
                lifecycle.description(), context.throttlePercent(), rate, unit.averageHashrate(),
                context.nominalHashrate(), physics.spec().ratedHashrate(), (int) Math.round(wall), hwErrors,
                hwPercent, boards, fans(unit, now, immersion), (int) Math.round(unit.fans().dutyPercent()), pools,
                bestShare(pools, physics, context.seed(), lifecycle),
                lifecycle.restartCount(), Duration.between(lifecycle.bootedAt(), now).toSeconds(),
                Duration.between(lifecycle.cgminerStartedAt(), now).toSeconds(), context.locateOn(),
                common.devfeePercent(), unit.ambientC());
    }

    private static List<MinerReading.FanReading> fans(UnitPhysics unit, Instant now, boolean immersion) {
        List<MinerReading.FanReading> fans = new ArrayList<>();
        for (int i = 0; i < unit.fans().count(); i++) {
            boolean lost = unit.fans().lost(i, now);
            fans.add(new MinerReading.FanReading(i, immersion ? 0 : unit.fans().rpm(i, now), unit.fans().maxRpm(),
                    lost && !immersion));
        }
        return fans;
    }

    /**
     * The best share since mining started. Share difficulties have a Pareto tail, so the best of n shares of
     * difficulty d is about d·n/E for an exponential draw E, here one draw per mining start.
     */
    private static long bestShare(List<MinerReading.PoolReading> pools, ModelPhysics physics, long seed,
                                  Lifecycle lifecycle) {
        long accepted = pools.stream().mapToLong(MinerReading.PoolReading::accepted).sum();
        long difficulty = physics.spec().parameters().poolDifficulty();
        double draw = Math.max(MIN_EXPONENTIAL_DRAW,
                Noise.exponential(seed, BEST_SHARE_STREAM, lifecycle.cgminerStartedAt().getEpochSecond(), 1));
        return accepted == 0 ? 0 : Math.round(difficulty * accepted / draw);
    }

    private static MinerReading.BoardReading board(UnitPhysics unit, int b, Lifecycle lifecycle, Instant now,
                                                   MinerSettings settings, double overheadWatts) {
        SimulationParameters common = unit.physics().common();
        Hashboard board = unit.board(b);
        Hashboard.Step last = board.last();
        List<MinerSettings.ChainOverclock> chains = settings.overclock().chains();
        boolean disabled = b < chains.size() && chains.get(b).disabled();
        MinerReading.BoardState state = boardState(board, disabled, lifecycle.state(), now);
        String description = state == MinerReading.BoardState.FAILURE
                ? "chain#" + (b + 1) + " - Chain break detected" : null;
        int working = board.workingChips(now, common.boardPrecursorDays());
        GradeCounts grades = grades(unit, b, now, working);
        UnitPhysics.ThermalSpread spread = UnitPhysics.ThermalSpread.of(board.chipTempC(), unit.ambientC(), common);
        double powered = last.dcWatts() > 0 ? last.dcWatts() / common.psuEfficiency() + overheadWatts : 0;
        double ideal = last.idealHashrate();
        return new MinerReading.BoardReading(b + 1, state, description, last.freqMhz(),
                ModelPhysics.toMillivolts(last.volts()), (int) Math.round(powered), ideal, last.hashrate(),
                board.hwErrors(), PERCENT * last.errorFraction(), (int) Math.round(spread.chipMinC()),
                (int) Math.round(spread.chipMaxC()), (int) Math.round(spread.pcbMinC()),
                (int) Math.round(spread.pcbMaxC()), grades.red(), grades.orange(), grades.grey(),
                working);
    }

    private static MinerReading.BoardState boardState(Hashboard board, boolean disabled, MinerState state,
                                                      Instant now) {
        if (board.failed(now)) {
            return MinerReading.BoardState.FAILURE;
        }
        if (disabled) {
            return MinerReading.BoardState.DISABLED;
        }
        if (state.hashing()) {
            return MinerReading.BoardState.MINING;
        }
        return state == MinerState.INITIALIZING || state == MinerState.STARTING
                ? MinerReading.BoardState.INITIALIZING : MinerReading.BoardState.STOPPED;
    }

    /** How many chips of a board the firmware colours red, orange and grey. */
    private record GradeCounts(int red, int orange, int grey) {
    }

    /** Grades of a hashing or failed board's chips; an idle board's live chips count as grey. */
    private static GradeCounts grades(UnitPhysics unit, int b, Instant now, int working) {
        Hashboard board = unit.board(b);
        if (board.last().hashrate() <= 0 && !board.failed(now)) {
            return new GradeCounts(board.chips() - working, 0, working);
        }
        int red = 0;
        int orange = 0;
        int grey = 0;
        for (MinerReading.ChipReading chip : unit.chips(b, now, board.last().volts())) {
            switch (chip.grade()) {
                case RED -> red++;
                case ORANGE -> orange++;
                case GREY -> grey++;
            }
        }
        return new GradeCounts(red, orange, grey);
    }

    private static List<MinerReading.PoolReading> pools(UnitPhysics unit, Context context, Instant now) {
        long difficulty = unit.physics().spec().parameters().poolDifficulty();
        List<MinerSettings.Pool> configured = context.runningPools();
        List<MinerReading.PoolReading> pools = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            MinerSettings.Pool pool = configured.get(i);
            if (pool.empty()) {
                continue;
            }
            MinerReading.PoolStatus status = i == context.activePool() ? MinerReading.PoolStatus.ACTIVE
                    : MinerReading.PoolStatus.WORKING;
            pools.add(pool(i, pool.url(), pool.user(), status, false, unit.pool(i), difficulty, now));
        }
        pools.add(pool(configured.size(), "DevFee", "DevFee", MinerReading.PoolStatus.WORKING, true,
                unit.devfeePool(), difficulty, now));
        return pools;
    }

    private static MinerReading.PoolReading pool(int id, String url, String user, MinerReading.PoolStatus status,
                                                 boolean devFee, ShareLedger ledger, long difficulty, Instant now) {
        long since = ledger.lastShareAt() == null ? -1 : Duration.between(ledger.lastShareAt(), now).toSeconds();
        return new MinerReading.PoolReading(id, url, user, status, devFee, ledger.accepted(), ledger.rejected(),
                ledger.stale(), difficulty, since, ledger.difficultyAccepted(), ledger.lastShareDifficulty(), PING_MS);
    }
}
