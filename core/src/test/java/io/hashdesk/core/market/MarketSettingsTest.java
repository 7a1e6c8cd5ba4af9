package io.hashdesk.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketSettingsTest {

    @TempDir
    Path dir;

    @Test
    void everyProviderIsOffByDefault() {
        MarketSettings defaults = MarketSettings.defaults();

        assertThat(defaults.coinGecko().enabled()).isFalse();
        assertThat(defaults.whatToMine().enabled()).isFalse();
        assertThat(defaults.prohashing().enabled()).isFalse();
        assertThat(defaults.coinGecko().url("simple/price").toString())
                .isEqualTo("https://api.coingecko.com/api/v3/simple/price");
        assertThat(defaults.staleAfter().limit(MarketField.PRICE_USD)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void oneFieldOfAProviderCanBeOverriddenWithoutRepeatingTheRest() throws IOException {
        Path file = Files.writeString(dir.resolve("market.json"), """
                {"coinGecko": {"enabled": true}, "staleAfter": {"priceUsd": "PT30M"}}""");

        MarketSettings settings = MarketSettings.withOverrides(file);

        assertThat(settings.coinGecko().enabled()).isTrue();
        assertThat(settings.coinGecko().baseUrl()).isEqualTo(MarketSettings.defaults().coinGecko().baseUrl());
        assertThat(settings.staleAfter().priceUsd()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.staleAfter().networkDifficulty()).isEqualTo(Duration.ofDays(3));
        assertThat(settings.whatToMine().enabled()).isFalse();
    }

    @Test
    void anInvalidOverrideNamesTheFileAndTheProblem() throws IOException {
        Path file = Files.writeString(dir.resolve("market.json"), """
                {"whatToMine": {"maxAttempts": 0}}""");

        assertThatThrownBy(() -> MarketSettings.withOverrides(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("maxAttempts must be 1–10, got 0");
    }

    @Test
    void aBaseUrlWithATrailingSlashGetsNoDoubleSlash() {
        ProviderSettings settings = MarketSettings.defaults().prohashing().withBaseUrl("http://127.0.0.1:8080/ph/");

        assertThat(settings.url("api/v1/wallet").toString()).isEqualTo("http://127.0.0.1:8080/ph/api/v1/wallet");
    }
}
