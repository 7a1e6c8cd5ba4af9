package io.hashdesk.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.store.sqlite.SyntheticFarm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetrySnapshotProblemsTest {

    private static final Instant AT = Instant.parse("2026-03-02T10:15:00Z");
    private static final HashboardReading BOARD = new HashboardReading(0, 34.6, 70.0, 63.0, 525.0, 13.6, 1010.0, 3L);

    /** A plausible snapshot to spoil one field at a time. */
    private static final class Draft {
        Double hashrateThs = 104.12;
        Double chipTempMaxC = 71.0;
        Double boardTempMaxC = 64.0;
        Double fanPercent = 80.0;
        List<Integer> fanRpm = List.of(5400, 5410, 5390, 5400);
        List<HashboardReading> boards = List.of(BOARD);
        String preset = "3100";
        Duration uptime = Duration.ofHours(5);

        List<String> problems() {
            return new TelemetrySnapshot(MinerId.of("m-1"), AT, MinerStatus.MINING, hashrateThs, 103.9, boards,
                    chipTempMaxC, boardTempMaxC, fanRpm, fanPercent, 3050.0, 13.6, 525.0, preset,
                    "stratum+tcp://pool.example:3333", 1000L, 3L, 12L, uptime).problems();
        }
    }

    @Test
    void simulatedSnapshotsHaveNoProblems() {
        SyntheticFarm farm = new SyntheticFarm(20, 3);
        for (TelemetrySnapshot snapshot : farm.pollCycle(AT)) {
            assertEquals(List.of(), snapshot.problems(), snapshot.minerId().value());
        }
        assertEquals(List.of(), new Draft().problems());
    }

    @Test
    void anUnreachableSnapshotHasNoProblems() {
        assertEquals(List.of(), TelemetrySnapshot.unreachable(MinerId.of("m-1"), AT).problems());
    }

    @Test
    void aNegativeHashrateIsNamed() {
        Draft d = new Draft();
        d.hashrateThs = -5.0;

        assertEquals(List.of("hashrate (TH/s) is negative (-5.0)"), d.problems());
    }

    @Test
    void aNaNOrInfiniteTemperatureIsNamedAsNotANumber() {
        Draft nan = new Draft();
        nan.chipTempMaxC = Double.NaN;
        Draft infinite = new Draft();
        infinite.boardTempMaxC = Double.POSITIVE_INFINITY;

        assertEquals(List.of("chip temperature (°C) is NaN, not a number"), nan.problems());
        assertEquals(List.of("board temperature (°C) is Infinity, not a number"), infinite.problems());
    }

    @Test
    void temperaturesOutsideMinus40To150AreNamedWithTheRange() {
        Draft hot = new Draft();
        hot.chipTempMaxC = 500.0;
        Draft cold = new Draft();
        cold.boardTempMaxC = -41.0;

        assertEquals(List.of("chip temperature (°C) is 500.0, outside -40.0…150.0"), hot.problems());
        assertEquals(List.of("board temperature (°C) is -41.0, outside -40.0…150.0"), cold.problems());
    }

    @Test
    void theTemperatureLimitsThemselvesArePlausible() {
        Draft d = new Draft();
        d.chipTempMaxC = 150.0;
        d.boardTempMaxC = -40.0;

        assertEquals(List.of(), d.problems());
    }

    @Test
    void aFanDutyAbove100PercentIsNamed() {
        Draft d = new Draft();
        d.fanPercent = 120.0;

        assertEquals(List.of("fan duty (%) is above 100 (120.0)"), d.problems());
        d.fanPercent = 100.0;
        assertEquals(List.of(), d.problems());
    }

    @Test
    void aNegativeFanSpeedIsNamedWithTheFanNumber() {
        Draft d = new Draft();
        d.fanRpm = List.of(5400, 5410, -1, 5400);

        assertEquals(List.of("fan 2 speed is -1 rpm"), d.problems());
    }

    @Test
    void moreThanEightFansIsNamed() {
        Draft d = new Draft();
        d.fanRpm = Collections.nCopies(TelemetrySnapshot.MAX_FANS + 1, 5400);

        assertEquals(List.of("9 fans reported, more than 8"), d.problems());
    }

    @Test
    void moreThanEightBoardsIsNamed() {
        Draft d = new Draft();
        List<HashboardReading> boards = new ArrayList<>();
        for (int i = 0; i <= HashboardReading.MAX_BOARDS; i++) {
            boards.add(new HashboardReading(i % HashboardReading.MAX_BOARDS, 34.6, 70.0, 63.0, 525.0, 13.6, null, 0L));
        }
        d.boards = boards;

        // nine boards cannot have nine distinct indexes 0–7, so both are reported
        assertEquals(List.of("9 hashboards reported, more than 8", "two hashboards share one index"), d.problems());
    }

    @Test
    void twoBoardsWithOneIndexAreNamed() {
        Draft d = new Draft();
        d.boards = List.of(BOARD, new HashboardReading(0, 34.1, 69.0, 62.0, 525.0, 13.6, null, 0L));

        assertEquals(List.of("two hashboards share one index"), d.problems());
    }

    @Test
    void aPresetNameOf300CharactersIsNamed() {
        Draft d = new Draft();
        d.preset = "p".repeat(300);

        assertEquals(List.of("preset name is 300 characters long, more than 255"), d.problems());
    }

    @Test
    void aBadBoardValueIsNamedWithItsBoard() {
        Draft d = new Draft();
        d.boards = List.of(BOARD, new HashboardReading(2, -1.0, 70.0, 63.0, 525.0, 13.6, null, 0L));

        assertEquals(List.of("hashboard 2 hashrate (TH/s) is negative (-1.0)"), d.problems());
    }

    @Test
    void everyProblemInOneSnapshotIsListed() {
        Draft d = new Draft();
        d.hashrateThs = -1.0;
        d.chipTempMaxC = Double.NaN;
        d.fanPercent = 101.0;
        d.uptime = Duration.ofSeconds(-1);

        List<String> problems = d.problems();

        assertEquals(4, problems.size(), problems::toString);
        assertTrue(problems.contains("uptime is negative (PT-1S)"), problems::toString);
    }
}
