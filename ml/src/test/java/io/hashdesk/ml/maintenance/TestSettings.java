package io.hashdesk.ml.maintenance;

/** The bundled settings with one field changed, for tests whose data differ from the farm the defaults suit. */
final class TestSettings {

    private TestSettings() {
    }

    static MaintenanceSettings withLeadTarget(double minMedianLeadDays) {
        MaintenanceSettings d = MaintenanceSettings.defaults();
        return new MaintenanceSettings(d.horizon(), d.sampleEvery(), d.recentWindow(), d.trendWindow(),
                d.errorTrendWindow(), d.baselineWindow(), d.minRecentHours(), d.minTrendHours(),
                d.maxProjectionDays(), d.errorPseudoCount(), d.failureDetection(), d.forest(), d.negativeSampling(), d.calibrationFolds(),
                d.signalVisibility(), minMedianLeadDays, d.warningSigns(), d.explainedUnits());
    }

    static MaintenanceSettings withCalibrationFolds(int calibrationFolds) {
        MaintenanceSettings d = MaintenanceSettings.defaults();
        return new MaintenanceSettings(d.horizon(), d.sampleEvery(), d.recentWindow(), d.trendWindow(),
                d.errorTrendWindow(), d.baselineWindow(), d.minRecentHours(), d.minTrendHours(),
                d.maxProjectionDays(), d.errorPseudoCount(), d.failureDetection(), d.forest(), d.negativeSampling(), calibrationFolds,
                d.signalVisibility(), d.minMedianLeadDays(), d.warningSigns(), d.explainedUnits());
    }
}
