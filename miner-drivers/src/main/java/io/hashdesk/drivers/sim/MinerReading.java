package io.hashdesk.drivers.sim;

import java.time.Instant;
import java.util.List;

/**
 * Everything a simulated miner would report at one instant, in the firmware's units: hashrates in the model's
 * {@code hr_measure} unit (GH/s, or MH/s for Scrypt), power in watts, voltage in mV, temperatures in °C (rounded
 * the way the firmware rounds them), board ids 1-based, fan ids 0-based.
 *
 * @param stateSeconds   seconds in the current state
 * @param description    why the unit is in this state (failure, overheat), or null
 * @param throttlePercent share of full power allowed (100 = not throttled)
 * @param hrNominal      ideal hashrate of the current settings
 * @param hrStock        factory hashrate of the model
 * @param hrAverage      hashes since mining started ÷ time since
 * @param uptimeSeconds  since the last boot
 * @param elapsedSeconds since mining (cgminer) last started
 */
public record MinerReading(Instant at, MinerState state, long stateSeconds, String description, int throttlePercent,
                           double hrRealtime, double hrAverage, double hrNominal, double hrStock, int powerWatts,
                           long hwErrors, double hwErrorPercent, List<BoardReading> boards, List<FanReading> fans,
                           int fanDutyPercent, List<PoolReading> pools, long bestShare, int restartCount,
                           long uptimeSeconds, long elapsedSeconds, boolean locateOn, double devfeePercent,
                           double ambientC) {

    public MinerReading {
        boards = List.copyOf(boards);
        fans = List.copyOf(fans);
        pools = List.copyOf(pools);
    }

    /** Lowest and highest chip temperature over boards that are present. */
    public int chipTempMinC() {
        return boards.stream().filter(BoardReading::present).mapToInt(BoardReading::chipTempMinC).min().orElse(0);
    }

    public int chipTempMaxC() {
        return boards.stream().filter(BoardReading::present).mapToInt(BoardReading::chipTempMaxC).max().orElse(0);
    }

    public int pcbTempMinC() {
        return boards.stream().filter(BoardReading::present).mapToInt(BoardReading::pcbTempMinC).min().orElse(0);
    }

    public int pcbTempMaxC() {
        return boards.stream().filter(BoardReading::present).mapToInt(BoardReading::pcbTempMaxC).max().orElse(0);
    }

    /** The firmware's board states ({@code status.state} of a chain/board). */
    public enum BoardState {
        INITIALIZING("initializing"), MINING("mining"), STOPPED("stopped"), FAILURE("failure"),
        DISABLED("disabled");

        private final String wireName;

        BoardState(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** Chip grades as the firmware colours them: grey = normal, orange = erring, red = failing or dead. */
    public enum ChipGrade {
        GREY("grey"), ORANGE("orange"), RED("red");

        private final String wireName;

        ChipGrade(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /**
     * One hashboard.
     *
     * @param id           1-based, as the firmware numbers chains
     * @param chipsWorking chips that answer (all of them on a healthy board)
     */
    public record BoardReading(int id, BoardState state, String description, double freqMhz, int voltageMv,
                               int powerWatts, double hrIdeal, double hrRealtime, long hwErrors, double errorPercent,
                               int chipTempMinC, int chipTempMaxC, int pcbTempMinC, int pcbTempMaxC, int chipsRed,
                               int chipsOrange, int chipsGrey, int chipsWorking) {

        /** A failed board still reports temperatures, but they mean nothing; aggregates skip it. */
        public boolean present() {
            return state != BoardState.FAILURE;
        }
    }

    /** One fan; {@code lost} fans read 0 rpm. */
    public record FanReading(int id, int rpm, int maxRpm, boolean lost) {
    }

    /** The firmware's pool states. */
    public enum PoolStatus {
        ACTIVE("active"), WORKING("working"), OFFLINE("offline"), DISABLED("disabled");

        private final String wireName;

        PoolStatus(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /**
     * One pool connection, including the firmware's dev-fee pseudo pool ({@code devFee}).
     *
     * @param secondsSinceShare seconds since the last accepted share, -1 if none yet
     */
    public record PoolReading(int id, String url, String user, PoolStatus status, boolean devFee, long accepted,
                              long rejected, long stale, long difficulty, long secondsSinceShare,
                              double difficultyAccepted, double lastShareDifficulty, int pingMs) {
    }

    /** One chip, for the per-chip routes ({@code /chains}, {@code /boards}, {@code /chips}). */
    public record ChipReading(int id, double hr, int freqMhz, int voltageMv, double tempC, long errors,
                              ChipGrade grade) {
    }
}
