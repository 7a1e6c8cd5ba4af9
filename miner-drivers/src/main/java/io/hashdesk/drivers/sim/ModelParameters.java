package io.hashdesk.drivers.sim;

import java.util.List;

/**
 * What the simulator needs to know about one miner model beyond its rated figures: the firmware's constants for it
 * (the {@code /model} reply), its voltage-frequency curve, its thermal resistance and its preset list. One entry of
 * the bundled {@code sim-models.json}; voltages ending in {@code 10mV} are in the firmware's 10 mV steps.
 *
 * @param catalogId                     the core catalog id whose rated figures, board and chip counts apply
 * @param code                          the firmware's model code ({@code /info.model}), e.g. {@code s19jpro}
 * @param series                        {@code /model.series}: {@code x19}, {@code x21}, {@code l7} or {@code l9}
 * @param platform                      control board code ({@code xil}, {@code aml}, {@code cv}, ...)
 * @param stableVoltsAtDefaultFreq      chain voltage an average unit needs to hash cleanly at the default frequency
 * @param stableVoltsPerMhz             how much more voltage each extra MHz needs
 * @param thermalResistanceBaseCPerW    per-board chip-to-air resistance that no airflow removes (heat sinks)
 * @param thermalResistanceAirflowCPerW per-board resistance at full airflow that shrinks as airflow grows
 * @param poolDifficulty                share difficulty the pool hands this model
 * @param presetWatts                   the firmware's autotune presets, named by target wall power
 * @param liquidCoolingAboveWatts       presets above this carry the firmware's {@code LC} suffix
 */
public record ModelParameters(String catalogId, String code, String series, String platform, int chipsPerDomain,
                              int topologyColumns, int fanMaxRpm, int defaultFreqMhz, int minFreqMhz, int maxFreqMhz,
                              int warnFreqMhz, int defaultVoltage10mV, int minVoltage10mV, int maxVoltage10mV,
                              int maxVoltageStockPsu10mV, double stableVoltsAtDefaultFreq, double stableVoltsPerMhz,
                              double thermalResistanceBaseCPerW, double thermalResistanceAirflowCPerW,
                              long poolDifficulty, String psuModel, String boardModel, List<Integer> presetWatts,
                              int liquidCoolingAboveWatts) {

    public ModelParameters {
        require(catalogId != null && !catalogId.isBlank(), "catalogId must not be blank");
        String where = "model '" + catalogId + "': ";
        require(code != null && !code.isBlank(), where + "code must not be blank");
        require(chipsPerDomain > 0 && topologyColumns > 0 && fanMaxRpm > 0,
                where + "chipsPerDomain, topologyColumns and fanMaxRpm must be positive");
        require(minFreqMhz > 0 && minFreqMhz <= defaultFreqMhz && defaultFreqMhz <= warnFreqMhz
                && warnFreqMhz <= maxFreqMhz, where + "need 0 < minFreqMhz <= defaultFreqMhz <= warnFreqMhz <= maxFreqMhz");
        require(minVoltage10mV > 0 && minVoltage10mV <= defaultVoltage10mV
                        && defaultVoltage10mV <= maxVoltageStockPsu10mV && maxVoltageStockPsu10mV <= maxVoltage10mV,
                where + "need 0 < minVoltage10mV <= defaultVoltage10mV <= maxVoltageStockPsu10mV <= maxVoltage10mV");
        require(stableVoltsAtDefaultFreq > 0 && stableVoltsAtDefaultFreq * 100 < defaultVoltage10mV,
                where + "stableVoltsAtDefaultFreq must be positive and below the default voltage");
        require(stableVoltsPerMhz > 0, where + "stableVoltsPerMhz must be positive");
        require(thermalResistanceBaseCPerW > 0 && thermalResistanceAirflowCPerW > 0,
                where + "thermal resistances must be positive");
        require(poolDifficulty > 0, where + "poolDifficulty must be positive");
        require(presetWatts != null && !presetWatts.isEmpty(), where + "presetWatts must list at least one preset");
        presetWatts = presetWatts.stream().sorted().toList();
        require(presetWatts.getFirst() > 0, where + "presetWatts must be positive");
        psuModel = psuModel == null ? "" : psuModel;
        boardModel = boardModel == null ? "" : boardModel;
    }

    /** Default chain voltage in volts (the firmware's {@code default_voltage} is in 10 mV). */
    public double defaultVolts() {
        return defaultVoltage10mV / 100.0;
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
