package io.hashdesk.core.reco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredTrackRecordTest {

    private final RecommendationSettings.TrackRecordRules rules = new RecommendationSettings.TrackRecordRules(10, 0.9);

    @Test
    void withNoOutcomesTheModelsConfidenceStands() {
        StoredTrackRecord record = StoredTrackRecord.of(Map.of(), rules);

        assertThat(record.confidence(RecommendationType.POWER, 0.7)).isEqualTo(0.7, offset(1e-9));
    }

    @Test
    void intervalsThatMissOftenLowerTheShownConfidenceMoreAsOutcomesAccumulate() {
        StoredTrackRecord few = StoredTrackRecord.of(Map.of(RecommendationType.POWER, new OutcomeTally(4, 2)), rules);
        StoredTrackRecord many = StoredTrackRecord.of(Map.of(RecommendationType.POWER, new OutcomeTally(100, 50)),
                rules);

        double shownFew = few.confidence(RecommendationType.POWER, 0.8);
        double shownMany = many.confidence(RecommendationType.POWER, 0.8);

        // (2 + 10 × 0.9) / (4 + 10) = 0.786; (50 + 9) / 110 = 0.536
        assertThat(few.hitRate(RecommendationType.POWER)).isEqualTo(11.0 / 14, offset(1e-9));
        assertThat(shownFew).isLessThan(0.8).isGreaterThan(shownMany);
        assertThat(shownMany).isEqualTo(0.8 * (59.0 / 110) / 0.9, offset(1e-9));
        assertThat(many.confidence(RecommendationType.OVERCLOCK, 0.8)).isEqualTo(0.8, offset(1e-9));
    }

    @Test
    void aRecordBetterThanTheIntervalsClaimRaisesConfidenceButNeverPastOne() {
        StoredTrackRecord record = StoredTrackRecord.of(Map.of(RecommendationType.COOLING, new OutcomeTally(50, 50)),
                rules);

        assertThat(record.confidence(RecommendationType.COOLING, 0.5)).isGreaterThan(0.5);
        assertThat(record.confidence(RecommendationType.COOLING, 0.99)).isEqualTo(1.0);
    }
}
