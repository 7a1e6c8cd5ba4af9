package io.hashdesk.ml.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EfficiencyCurveTrainerTest {

    @Test
    void aLargeModelIsTrainedOnUnitsSpreadEvenlyOverItAndASmallOneOnAll() {
        List<Integer> units = IntStream.range(0, 200).boxed().toList();

        List<Integer> picked = EfficiencyCurveTrainer.spread(units, 60);

        assertThat(picked).hasSize(60).doesNotHaveDuplicates().startsWith(0, 3, 6).contains(196);
        assertThat(picked).isSorted();
        assertThat(EfficiencyCurveTrainer.spread(units.subList(0, 40), 60)).isEqualTo(units.subList(0, 40));
    }
}
