package io.hashdesk.ml.optimiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimiserOptionsTest {

    @Test
    void bundledDefaultsLoadAndAnOperatorFileOverridesOneNestedField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("optimiser.json");
        Files.writeString(file, "{\"gp\": {\"sweeps\": 5}}");

        OptimiserOptions options = OptimiserOptions.withOverrides(file);

        assertThat(options.gp().sweeps()).isEqualTo(5);
        assertThat(options.gp().gridPoints()).isEqualTo(OptimiserOptions.defaults().gp().gridPoints());
    }

    @Test
    void anInvalidValueIsRefusedByName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("optimiser.json");
        Files.writeString(file, "{\"intervalLevel\": 1.5}");

        assertThatThrownBy(() -> OptimiserOptions.withOverrides(file)).hasMessageContaining("intervalLevel");
    }
}
