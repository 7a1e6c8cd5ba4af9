package io.hashdesk.ml.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills the peer features: each miner against the median of the other miners of its model in its room (its own value
 * left out, so one sick unit in a small room does not pull the norm towards itself). Fewer peers with a value than
 * {@code minPeers} leaves the feature NaN.
 */
final class PeerComparison {

    private PeerComparison() {
    }

    static void apply(List<FeatureTable.Row> rows, double[][] values, int minPeers) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            groups.computeIfAbsent(rows.get(i).peerGroup(), g -> new ArrayList<>()).add(i);
        }
        for (List<Integer> members : groups.values()) {
            for (int i : members) {
                double hashrate = medianOfOthers(members, values, i, Feature.HASHRATE_PCT_OF_RATED_24H, minPeers);
                values[i][Feature.HASHRATE_VS_PEERS.ordinal()] =
                        values[i][Feature.HASHRATE_PCT_OF_RATED_24H.ordinal()] - hashrate;
                double chip = medianOfOthers(members, values, i, Feature.CHIP_TEMP_MEAN_24H, minPeers);
                values[i][Feature.CHIP_TEMP_VS_PEERS.ordinal()] = values[i][Feature.CHIP_TEMP_MEAN_24H.ordinal()] - chip;
                double duty = medianOfOthers(members, values, i, Feature.FAN_DUTY_24H, minPeers);
                values[i][Feature.FAN_DUTY_VS_PEERS.ordinal()] = values[i][Feature.FAN_DUTY_24H.ordinal()] - duty;
                double fans = medianOfOthers(members, values, i, Feature.FAN_RPM_PER_DUTY, minPeers);
                values[i][Feature.FAN_RPM_PER_DUTY_VS_PEERS.ordinal()] =
                        MinerSignals.ratio(values[i][Feature.FAN_RPM_PER_DUTY.ordinal()], fans) - 1;
            }
        }
    }

    /** Median of the group's other values of {@code feature}, NaN when fewer than {@code minPeers} have one. */
    static double medianOfOthers(List<Integer> members, double[][] values, int self, Feature feature, int minPeers) {
        double[] others = members.stream().filter(j -> j != self).mapToDouble(j -> values[j][feature.ordinal()])
                .filter(Double::isFinite).toArray();
        return others.length >= minPeers ? median(others) : Double.NaN;
    }

    static double median(double[] xs) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
