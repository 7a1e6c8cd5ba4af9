package io.hashdesk.core.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionValidatorTest {

    private static final String MODEL = ActionFarm.MODEL;
    private final ActionValidator validator = new ActionValidator(MinerModelCatalog.bundled(),
            ActionSettings.defaults());

    private List<String> refusals(SettingValues values) {
        return validator.refusalsOf(MODEL, values);
    }

    @Test
    void settingsInsideTheCatalogLimitsPass() {
        assertThat(refusals(ActionFarm.stock())).isEmpty();
        assertThat(refusals(SettingValues.none().withPowerTarget(3000))).isEmpty();
        assertThat(refusals(SettingValues.none().withPreset("3100"))).isEmpty();
        assertThat(refusals(SettingValues.none().withPreset("disabled"))).isEmpty();
    }

    @Test
    void refusesEveryLimitNamingIt() {
        assertThat(refusals(SettingValues.none().withClocks(800, null))).singleElement().asString()
                .contains("frequency 800 MHz", "frequencyMaxMhz");
        assertThat(refusals(SettingValues.none().withClocks(250, null))).singleElement().asString()
                .contains("frequencyMinMhz");
        assertThat(refusals(SettingValues.none().withClocks(null, 15.5))).singleElement().asString()
                .contains("voltage 15.5 V", "voltageMaxVolts");
        assertThat(refusals(SettingValues.none().withClocks(null, 11.0))).singleElement().asString()
                .contains("voltageMinVolts");
        assertThat(refusals(SettingValues.none().withPowerTarget(3400))).singleElement().asString()
                .contains("power 3400 W", "powerMaxWatts");
        assertThat(refusals(SettingValues.none().withPreset("3500"))).singleElement().asString()
                .contains("preset", "powerMaxWatts");
        assertThat(refusals(SettingValues.none().withPreset("turbo"))).singleElement().asString()
                .contains("preset 'turbo'");
        assertThat(refusals(SettingValues.none().withCooling(null, 5))).singleElement().asString()
                .contains("fan 5 %", "fanMinPercent");
        assertThat(refusals(SettingValues.none().withCooling(85, null))).singleElement().asString()
                .contains("target temperature 85 °C", "chipTempMaxC");
        assertThat(refusals(SettingValues.none().withThrottle(10))).singleElement().asString()
                .contains("throttle 10 %", "20–100");
        assertThat(refusals(SettingValues.none().withThrottle(101))).singleElement().asString()
                .contains("throttle 101 %");
    }

    @Test
    void refusesPoolListsThatAreEmptyTooLongOrMalformed() {
        PoolTarget good = new PoolTarget("pool.example.com:3333", "w1", "x");
        assertThat(refusals(SettingValues.none().withPools(List.of(good)))).isEmpty();
        assertThat(refusals(SettingValues.none().withPools(List.of()))).singleElement().asString()
                .contains("1–3");
        assertThat(refusals(SettingValues.none().withPools(List.of(good, good, good, good)))).singleElement()
                .asString().contains("4 entries");
        assertThat(refusals(SettingValues.none().withPools(List.of(new PoolTarget("http://pool:80", "w", "")))))
                .singleElement().asString().contains("pool 1 URL 'http://pool:80'");
        assertThat(refusals(SettingValues.none().withPools(List.of(good, new PoolTarget("pool.example.com:99999",
                "w", ""))))).singleElement().asString().contains("pool 2 URL");
        assertThat(refusals(SettingValues.none().withPools(List.of(new PoolTarget("pool.example.com:3333", " ",
                ""))))).singleElement().asString().contains("pool 1 has no worker name");
    }

    @Test
    void refusesAModelTheCatalogDoesNotKnow() {
        assertThat(validator.refusalsOf("antminer-s99", SettingValues.none().withThrottle(90))).singleElement()
                .asString().contains("'antminer-s99' is not in the miner model catalog");
    }

    @Test
    void operatorLimitsNarrowButNeverWidenTheCatalog() {
        OperatorLimits hotRoom = new OperatorLimits(null, 650.0, null, 16.0, 3000.0, 40, null, 80.0);
        ActionSettings defaults = ActionSettings.defaults();
        ActionValidator narrowed = new ActionValidator(MinerModelCatalog.bundled(), withLimits(defaults,
                Map.of(MODEL, hotRoom)));

        assertThat(narrowed.refusalsOf(MODEL, SettingValues.none().withClocks(700, null))).singleElement()
                .asString().contains("above the model's maximum of 650 MHz");
        assertThat(narrowed.refusalsOf(MODEL, SettingValues.none().withPowerTarget(3100))).hasSize(1);
        assertThat(narrowed.refusalsOf(MODEL, SettingValues.none().withCooling(80, 35))).hasSize(2);
        // 16 V is wider than the catalog's 15 V: the catalog's limit still holds
        assertThat(narrowed.refusalsOf(MODEL, SettingValues.none().withClocks(null, 15.2))).singleElement()
                .asString().contains("maximum of 15 V");
        assertThat(validator.refusalsOf(MODEL, SettingValues.none().withClocks(700, null))).isEmpty();
    }

    @Test
    void operatorLimitsThatLeaveNothingAllowedRefuseEverything() {
        ActionValidator impossible = new ActionValidator(MinerModelCatalog.bundled(), withLimits(
                ActionSettings.defaults(), Map.of(MODEL, new OperatorLimits(800.0, null, null, null, null, null,
                        null, null))));

        assertThat(impossible.refusalsOf(MODEL, SettingValues.none().withThrottle(90))).singleElement().asString()
                .contains("operator limits for model 'antminer-s19j-pro' leave nothing allowed", "frequency");
    }

    static ActionSettings withLimits(ActionSettings s, Map<String, OperatorLimits> limits) {
        return new ActionSettings(s.minersAtOnce(), s.minersAtOncePerRoom(), s.stepSizes(), s.readBackTolerances(),
                s.settleTime(), s.watchWindow(), s.observeEvery(), s.hashrateGrace(), s.rollbackWhen(), s.retries(),
                s.retryDelay(), s.restoreWait(), s.writesPerMinerPerHour(), s.atNewSettingsOnRecovery(),
                s.recoveryRetryEvery(), limits);
    }
}
