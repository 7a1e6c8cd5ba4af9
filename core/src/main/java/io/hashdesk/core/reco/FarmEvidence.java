package io.hashdesk.core.reco;

import java.util.List;
import java.util.Objects;

/**
 * Everything the recommendation engine reasons over in one pass, gathered beforehand (store reads, model inference),
 * so a pass itself is pure computation.
 *
 * @param miners     every registered miner with its latest reading
 * @param proposals  power optimiser proposals (POWER, OVERCLOCK)
 * @param thermal    thermal model outlooks
 * @param failures   maintenance model outlooks
 * @param anomalies  miners the anomaly detector flagged
 * @param hashprice  forecasts per coin
 * @param economics  market, tariff, pools and profit
 */
public record FarmEvidence(List<MinerFacts> miners, List<SettingProposal> proposals, List<ThermalOutlook> thermal,
                           List<FailureOutlook> failures, List<AnomalyFinding> anomalies,
                           List<HashpriceOutlook> hashprice, EconomicEvidence economics) {

    public FarmEvidence {
        miners = List.copyOf(miners);
        proposals = List.copyOf(proposals);
        thermal = List.copyOf(thermal);
        failures = List.copyOf(failures);
        anomalies = List.copyOf(anomalies);
        hashprice = List.copyOf(hashprice);
        Objects.requireNonNull(economics, "economics");
    }
}
