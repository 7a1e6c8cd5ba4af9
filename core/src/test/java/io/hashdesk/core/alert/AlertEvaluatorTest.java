package io.hashdesk.core.alert;

import static io.hashdesk.core.alert.Readings.MINER;
import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AlertEvaluatorTest {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private static final MinerModel S19J_PRO = MinerModelCatalog.bundled().byId("antminer-s19j-pro").orElseThrow();
    private static final Function<MinerId, Optional<MinerModel>> MODELS = id -> Optional.of(S19J_PRO);

    private final AlertSettings settings = AlertSettings.defaults();
    private final AlertEvaluator evaluator = AlertEvaluator.standard(settings, List.of());

    /** Evaluates {@code reading} as if it was taken just now, {@code sinceT0} after the start. */
    private AlertBatch at(Duration sinceT0, TelemetrySnapshot reading) {
        Instant now = T0.plus(sinceT0);
        return evaluator.evaluate(Map.of(MINER, Readings.retaken(reading, now)), MODELS, now);
    }

    private static List<AlertKind> kinds(AlertBatch batch) {
        return batch.active().stream().map(f -> f.key().kind()).toList();
    }

    @Test
    void aHealthyMinerRaisesNothing() {
        AlertBatch batch = at(Duration.ZERO, Readings.healthy(T0));
        assertThat(batch.isEmpty()).isTrue();
    }

    @Test
    void aMinerThatStopsAnsweringIsOfflineOnlyAfterOfflineAfter() {
        assertThat(kinds(at(Duration.ZERO, TelemetrySnapshot.unreachable(MINER, T0)))).isEmpty();
        Instant later = T0.plus(settings.offlineAfter());
        AlertBatch batch = evaluator.evaluate(Map.of(MINER, TelemetrySnapshot.unreachable(MINER, later)), MODELS, later);
        assertThat(kinds(batch)).containsExactly(AlertKind.OFFLINE);
        assertThat(batch.active().getFirst().severity()).isEqualTo(AlertSeverity.CRITICAL);
    }

    @Test
    void aMinerNotHeardFromForLongIsOfflineEvenIfItsLastReadingWasHealthy() {
        Duration silence = settings.notHeardFromAfter().plus(settings.offlineAfter());
        evaluator.evaluate(Map.of(MINER, Readings.healthy(T0)), MODELS, T0.plus(settings.notHeardFromAfter()));
        AlertBatch batch = evaluator.evaluate(Map.of(MINER, Readings.healthy(T0)), MODELS, T0.plus(silence));
        assertThat(kinds(batch)).containsExactly(AlertKind.OFFLINE);
        assertThat(batch.active().getFirst().message()).isEqualTo("No reading for 12 minutes; the last one was mining.");
    }

    @Test
    void aHotChipRaisesOverheatingWithTheModelsLimitInTheSentence() {
        at(Duration.ZERO, Readings.chipAt(T0, 91));
        AlertBatch batch = at(settings.overheatAfter(), Readings.chipAt(T0, 91));
        assertThat(kinds(batch)).containsExactly(AlertKind.OVERHEATING);
        assertThat(batch.active().getFirst().message())
                .isEqualTo("Chip temperature 91 °C is at or above the 85 °C limit.");
    }

    @Test
    void overheatingClearsOnlyBelowTheMarginAndAfterClearAfter() {
        at(Duration.ZERO, Readings.chipAt(T0, 90));
        assertThat(kinds(at(Duration.ofMinutes(1), Readings.chipAt(T0, 90)))).containsExactly(AlertKind.OVERHEATING);
        // 82 °C is under the limit but inside the 5 °C margin: stays open, not seen again
        assertThat(at(Duration.ofMinutes(2), Readings.chipAt(T0, 82)).isEmpty()).isTrue();
        assertThat(at(Duration.ofMinutes(20), Readings.chipAt(T0, 82)).cleared()).isEmpty();
        assertThat(at(Duration.ofMinutes(21), Readings.chipAt(T0, 75)).cleared()).isEmpty();
        AlertBatch cleared = at(Duration.ofMinutes(21).plus(settings.clearAfter()), Readings.chipAt(T0, 75));
        assertThat(cleared.cleared()).containsExactly(new AlertKey(MINER, AlertKind.OVERHEATING));
    }

    @Test
    void aTemperatureSwingingAroundTheLimitKeepsOneAlertOpenAndNeverClears() {
        at(Duration.ZERO, Readings.chipAt(T0, 88));
        assertThat(kinds(at(Duration.ofMinutes(1), Readings.chipAt(T0, 88)))).containsExactly(AlertKind.OVERHEATING);
        for (int minute = 2; minute < 60; minute++) {
            boolean hot = minute % 2 == 0;
            AlertBatch batch = at(Duration.ofMinutes(minute), Readings.chipAt(T0, hot ? 86 : 70));
            assertThat(batch.cleared()).isEmpty();
            assertThat(kinds(batch)).isEqualTo(hot ? List.of(AlertKind.OVERHEATING) : List.of());
        }
    }

    @Test
    void aConfiguredChipLimitReplacesTheModels() {
        AlertSettings strict = new AlertSettings(settings.offlineAfter(), settings.notHeardFromAfter(), 75.0,
                settings.unknownModelChipTempMaxC(), settings.overheatClearMarginC(), Duration.ZERO,
                settings.fanStoppedRpm(), settings.fanBelowOthersFraction(), settings.fanClearFraction(),
                settings.fanFailureAfter(), settings.hashboardLostAfter(), settings.lowHashratePercent(),
                settings.lowHashrateClearPercent(), settings.lowHashrateAfter(), settings.clearAfter());
        AlertBatch batch = AlertEvaluator.standard(strict, List.of())
                .evaluate(Map.of(MINER, Readings.chipAt(T0, 78)), MODELS, T0);
        assertThat(batch.active()).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("Chip temperature 78 °C is at or above the 75 °C limit."));
    }

    @Test
    void aStoppedFanWhileMiningIsAFanFailure() {
        at(Duration.ZERO, Readings.fans(T0, 4000, 0, 4100, 3900));
        AlertBatch batch = at(settings.fanFailureAfter(), Readings.fans(T0, 4000, 0, 4100, 3900));
        assertThat(batch.active()).singleElement().satisfies(f -> {
            assertThat(f.key().kind()).isEqualTo(AlertKind.FAN_FAILURE);
            assertThat(f.message()).isEqualTo("Fan 2 turns at 0 rpm while the others run at about 4,000 rpm.");
        });
    }

    @Test
    void aFanFarBelowTheOthersIsAFanFailureAndClearsOnlyWhenCloseToThemAgain() {
        at(Duration.ZERO, Readings.fans(T0, 4000, 4000, 1500, 4000));
        assertThat(at(Duration.ofMinutes(1), Readings.fans(T0, 4000, 4000, 1500, 4000)).active())
                .singleElement().satisfies(f -> assertThat(f.message())
                        .isEqualTo("Fan 3 turns at 1,500 rpm, under 50 % of the others' 4,000 rpm."));
        // 2,400 rpm is above half the others but under the 70 % that clears
        at(Duration.ofMinutes(2), Readings.fans(T0, 4000, 4000, 2400, 4000));
        assertThat(at(Duration.ofMinutes(20), Readings.fans(T0, 4000, 4000, 2400, 4000)).cleared()).isEmpty();
        at(Duration.ofMinutes(21), Readings.fans(T0, 4000, 4000, 3900, 4000));
        assertThat(at(Duration.ofMinutes(26), Readings.fans(T0, 4000, 4000, 3900, 4000)).cleared())
                .containsExactly(new AlertKey(MINER, AlertKind.FAN_FAILURE));
    }

    @Test
    void stoppedFansOfAMinerThatIsNotMiningRaiseNothing() {
        TelemetrySnapshot stopped = Readings.reading(T0, MinerStatus.STOPPED, 0, 40, List.of(0, 0, 0, 0), 0);
        at(Duration.ZERO, stopped);
        assertThat(at(Duration.ofHours(1), Readings.reading(T0.plus(Duration.ofHours(1)), MinerStatus.STOPPED, 0, 40,
                List.of(0, 0, 0, 0), 0)).isEmpty()).isTrue();
    }

    @Test
    void fewerBoardsHashingThanTheModelHasIsAHashboardLost() {
        at(Duration.ZERO, Readings.boardsHashing(T0, 2));
        AlertBatch batch = at(settings.hashboardLostAfter(), Readings.boardsHashing(T0, 2));
        assertThat(batch.active()).filteredOn(f -> f.key().kind() == AlertKind.HASHBOARD_LOST).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("2 of 3 hashboards are hashing; board 3 reports no hashrate."));
        at(Duration.ofMinutes(10), Readings.healthy(T0));
        assertThat(at(Duration.ofMinutes(15), Readings.healthy(T0)).cleared())
                .contains(new AlertKey(MINER, AlertKind.HASHBOARD_LOST));
    }

    @Test
    void lowHashrateIsRaisedOnlyAfterItLastedLowHashrateAfter() {
        at(Duration.ZERO, Readings.hashrate(T0, 70));
        assertThat(at(Duration.ofMinutes(14), Readings.hashrate(T0, 70)).active()).isEmpty();
        AlertBatch batch = at(settings.lowHashrateAfter(), Readings.hashrate(T0, 70));
        assertThat(batch.active()).singleElement().satisfies(f -> {
            assertThat(f.key().kind()).isEqualTo(AlertKind.LOW_HASHRATE);
            assertThat(f.severity()).isEqualTo(AlertSeverity.WARNING);
            assertThat(f.message()).isEqualTo("Hashrate 70.0 TH/s is 67 % of the rated 104 TH/s.");
        });
    }

    @Test
    void aShortDipBackAboveTheClearLevelRestartsTheLowHashrateClock() {
        at(Duration.ZERO, Readings.hashrate(T0, 70));
        at(Duration.ofMinutes(10), Readings.hashrate(T0, 100));
        at(Duration.ofMinutes(11), Readings.hashrate(T0, 70));
        assertThat(at(Duration.ofMinutes(20), Readings.hashrate(T0, 70)).active()).isEmpty();
        assertThat(at(Duration.ofMinutes(26), Readings.hashrate(T0, 70)).active()).hasSize(1);
    }

    @Test
    void anAlertStillOpenInTheStoreIsSeenAgainAtOnceAndNotRaisedTwice() {
        AlertEvaluator resumed = AlertEvaluator.standard(settings,
                List.of(new AlertKey(MINER, AlertKind.LOW_HASHRATE)));
        AlertBatch batch = resumed.evaluate(Map.of(MINER, Readings.hashrate(T0, 70)), MODELS, T0);
        assertThat(kinds(batch)).containsExactly(AlertKind.LOW_HASHRATE);
    }

    @Test
    void aRemovedMinersOpenAlertsAreCleared() {
        AlertEvaluator resumed = AlertEvaluator.standard(settings, List.of(new AlertKey(MINER, AlertKind.OFFLINE)));
        AlertBatch batch = resumed.evaluate(Map.of(), MODELS, T0);
        assertThat(batch.cleared()).containsExactly(new AlertKey(MINER, AlertKind.OFFLINE));
    }

    @Test
    void aMinerOfAnUnknownModelIsStillCheckedForHeatAgainstTheFallbackLimit() {
        AlertSettings immediate = new AlertSettings(settings.offlineAfter(), settings.notHeardFromAfter(), null,
                80.0, settings.overheatClearMarginC(), Duration.ZERO, settings.fanStoppedRpm(),
                settings.fanBelowOthersFraction(), settings.fanClearFraction(), settings.fanFailureAfter(),
                settings.hashboardLostAfter(), settings.lowHashratePercent(), settings.lowHashrateClearPercent(),
                settings.lowHashrateAfter(), settings.clearAfter());
        AlertBatch batch = AlertEvaluator.standard(immediate, List.of())
                .evaluate(Map.of(MINER, Readings.chipAt(T0, 81)), id -> Optional.empty(), T0);
        assertThat(kinds(batch)).containsExactly(AlertKind.OVERHEATING);
    }
}
