package io.hashdesk.app.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hashdesk.core.settings.JsonSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * How the console looks: defaults in {@code display-defaults.json} beside this class, the operator's choice in
 * {@value #FILE} in the data folder (its own file, so the strictly read app settings stay as they are).
 *
 * @param theme        AtlantaFX Primer light or dark
 * @param hashrateUnit the unit of the fleet totals
 */
public record DisplaySettings(ThemeChoice theme, HashrateUnit hashrateUnit) {

    public static final String FILE = "display-settings.json";
    private static final String DEFAULTS = "display-defaults.json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** Light or dark, applied with AtlantaFX's Primer themes. */
    public enum ThemeChoice { LIGHT, DARK }

    /** The unit of fleet-wide hashrate totals. */
    public enum HashrateUnit {
        TH_PER_S("TH/s", 1), PH_PER_S("PH/s", 1_000);

        private final String label;
        private final double ths;

        HashrateUnit(String label, double ths) {
            this.label = label;
            this.ths = ths;
        }

        public String label() {
            return label;
        }

        /** {@code hashrateThs} in this unit. */
        public double fromThs(double hashrateThs) {
            return hashrateThs / ths;
        }
    }

    public DisplaySettings {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(hashrateUnit, "hashrateUnit");
    }

    /** The saved choice, or the defaults; a broken file fails with the file and field named. */
    public static DisplaySettings load(Path dataFolder) {
        return JsonSettings.withOverrides(DisplaySettings.class, DEFAULTS, dataFolder.resolve(FILE));
    }

    /** Written to a temporary file and moved over the old one, so a crash leaves either file whole. */
    void save(Path dataFolder) throws IOException {
        Files.createDirectories(dataFolder);
        Path temporary = Files.createTempFile(dataFolder, FILE, ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this);
            Files.move(temporary, dataFolder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
