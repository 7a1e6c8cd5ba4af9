package io.hashdesk.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnitWorkTest {

    @Test
    void resultsComeBackInUnitOrderAndProgressReachesTheEndOfItsSpan() {
        List<Integer> units = IntStream.range(0, 500).boxed().toList();
        double[] last = {0};
        TrainingProgress progress = new TrainingProgress() {
            @Override
            public synchronized void report(double fractionDone, String step) {
                last[0] = Math.max(last[0], fractionDone);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };

        List<Integer> squares = UnitWork.eachInParallel(units, u -> u * u, progress, 0.2, 0.5, u -> "unit " + u);

        assertThat(squares).isEqualTo(units.stream().map(u -> u * u).toList());
        assertThat(last[0]).isEqualTo(0.7);
    }

    @Test
    void aCancelledRunStopsStartingUnits() {
        AtomicInteger started = new AtomicInteger();
        TrainingProgress cancelAfterTen = new TrainingProgress() {
            @Override
            public void report(double fractionDone, String step) {
            }

            @Override
            public boolean cancelled() {
                return started.get() >= 10;
            }
        };

        assertThatThrownBy(() -> UnitWork.eachInParallel(IntStream.range(0, 10_000).boxed().toList(),
                u -> started.incrementAndGet(), cancelAfterTen, 0, 1, u -> "")).isInstanceOf(CancellationException.class);
        assertThat(started.get()).isLessThan(100);
    }
}
