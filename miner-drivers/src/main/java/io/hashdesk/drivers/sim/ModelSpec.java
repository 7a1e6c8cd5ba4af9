package io.hashdesk.drivers.sim;

import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.domain.catalog.HashrateUnit;
import io.hashdesk.core.domain.catalog.MinerModel;
import java.util.Objects;

/**
 * One simulated miner model: the core catalog's rated figures and board layout plus the simulator's
 * {@link ModelParameters}. Hashrates here are in the unit the firmware reports ({@link #hashrateUnit()}).
 */
public record ModelSpec(MinerModel catalog, ModelParameters parameters, CoolingLimits coolingLimits) {

    /** Hashes behind one share of difficulty 1: 2^32 for SHA-256 (Bitcoin's definition), 2^16 for Scrypt. */
    private static final double SHA256_HASHES_PER_DIFF1 = 4_294_967_296.0;
    private static final double SCRYPT_HASHES_PER_DIFF1 = 65_536.0;

    public ModelSpec {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(coolingLimits, "coolingLimits");
    }

    /**
     * The firmware's cooling bounds ({@code /model cooling}): lowest fan duty and the range of auto-mode target
     * temperatures.
     */
    public record CoolingLimits(int minFanPwmPercent, int minTargetTempC, int maxTargetTempC) {
    }

    public String id() {
        return catalog.id();
    }

    /** Pretty name as the firmware prints it, e.g. {@code Antminer S19j Pro}. */
    public String fullName() {
        return catalog.name();
    }

    public int boards() {
        return catalog.hashboards();
    }

    public int chipsPerBoard() {
        return catalog.chipsPerBoard();
    }

    public int fans() {
        return catalog.fans();
    }

    public boolean scrypt() {
        return catalog.algorithm() == Algorithm.SCRYPT;
    }

    /** The unit of every {@code hr_*} field: GH/s for SHA-256, MH/s for Scrypt (the firmware's {@code hr_measure}). */
    public HashrateUnit hashrateUnit() {
        return scrypt() ? HashrateUnit.MH_S : HashrateUnit.GH_S;
    }

    /** {@code info.hr_measure} as the firmware writes it. */
    public String hrMeasure() {
        return hashrateUnit().label();
    }

    /** {@code info.algorithm} as the firmware writes it. */
    public String algorithmCode() {
        return scrypt() ? "scrypt" : "sha256d";
    }

    /** Nameplate hashrate in {@link #hashrateUnit()}. */
    public double ratedHashrate() {
        return hashrateUnit().fromThs(catalog.ratedHashrateThs());
    }

    /** Hashes per second that make one hashrate unit, e.g. 1e9 for GH/s. */
    public double hashesPerUnit() {
        return hashrateUnit().toThs(1.0) * 1e12;
    }

    public double hashesPerDiff1() {
        return scrypt() ? SCRYPT_HASHES_PER_DIFF1 : SHA256_HASHES_PER_DIFF1;
    }
}
