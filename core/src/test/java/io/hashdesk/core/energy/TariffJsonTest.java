package io.hashdesk.core.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TariffJsonTest {

    private static final String FLAT = """
            {"name": "home", "currency": "EUR", "zone": "Europe/Berlin",
             "energy": {"type": "flat", "pricePerKwh": 0.3}, "demandCharges": []}""";

    private static String flatWith(String energy) {
        return FLAT.replace("{\"type\": \"flat\", \"pricePerKwh\": 0.3}", energy);
    }

    @Test
    void aTimeOfUseTariffWithAHolidayAndADemandChargeRoundTrips() {
        Tariff tariff = Tariffs.berlinTimeOfUse()
                .withDemandCharge(new DemandCharge("facility", 9.5, Duration.ofMinutes(15)));

        String json = TariffJson.write(tariff);

        assertEquals(tariff, TariffJson.read(json, "test"));
        assertTrue(json.contains("\"from\" : \"06-01\""), json);
        assertTrue(json.contains("\"from\" : \"07:00\""), json);
        assertTrue(json.contains("\"interval\" : \"PT15M\""), json);
        assertTrue(json.contains("\"type\" : \"time-of-use\""), json);
        assertTrue(json.contains("\"2026-12-25\""), json);
    }

    @Test
    void aMarketTariffWithATimeOfUseFallbackRoundTrips() {
        Tariff tariff = new Tariff("spot", "EUR", ZoneId.of("Europe/Berlin"),
                new MarketPrice("epex-de", 0.12, Tariffs.twoSeasons()), List.of());

        assertEquals(tariff, TariffJson.read(TariffJson.write(tariff), "test"));
    }

    @Test
    void aHandWrittenFlatTariffIsRead() {
        assertEquals(Tariff.flat("home", "EUR", ZoneId.of("Europe/Berlin"), 0.3), TariffJson.read(FLAT, "home.json"));
    }

    @Test
    void anUnknownKindOfTariffIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TariffJson.read(flatWith("{\"type\": \"hourly\", \"pricePerKwh\": 0.3}"), "home.json"));

        assertTrue(e.getMessage().startsWith("Tariff in home.json is invalid at energy: unknown type 'hourly'"),
                e.getMessage());
    }

    @Test
    void aMissingPriceIsAnErrorNotZero() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TariffJson.read(flatWith("{\"type\": \"flat\"}"), "home.json"));

        assertTrue(e.getMessage().startsWith("Tariff in home.json is invalid at energy.pricePerKwh: required field is"
                + " missing"), e.getMessage());
    }

    @Test
    void aBandProblemReadsAsTheRecordsOwnSentence() {
        String tou = """
                {"type": "time-of-use", "weekendDays": [], "holidays": [], "seasons": [
                  {"name": "all", "from": "01-01", "to": "12-31",
                   "weekday": [{"name": "day", "from": "07:00", "to": "23:00", "pricePerKwh": 0.3}],
                   "weekend": [{"name": "all", "from": "00:00", "to": "00:00", "pricePerKwh": 0.2}]}]}""";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TariffJson.read(flatWith(tou), "home.json"));

        assertTrue(e.getMessage().contains("season 'all' weekday bands: no band covers 00:00–07:00"), e.getMessage());
        assertTrue(e.getMessage().contains("at energy.seasons[0]"), e.getMessage());
    }

    @Test
    void anUnknownFieldIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TariffJson.read(FLAT.replace("\"zone\"", "\"vat\": 20, \"zone\""), "home.json"));

        assertTrue(e.getMessage().contains("unknown field 'vat'"), e.getMessage());
    }
}
