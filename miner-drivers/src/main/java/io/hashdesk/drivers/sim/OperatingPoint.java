package io.hashdesk.drivers.sim;

/**
 * A miner's settled state at one frequency and voltage: what it makes, what it draws and how hot it runs.
 *
 * @param freqMhz          chip frequency
 * @param voltage10mV      chain voltage in the firmware's 10 mV steps (1380 = 13.80 V)
 * @param hashrate         effective hashrate in the model's firmware unit (GH/s, or MH/s for Scrypt)
 * @param hashrateThs      the same in TH/s
 * @param powerWatts       wall power
 * @param efficiencyJPerTh wall power ÷ hashrate in TH/s (for Scrypt this is J/TH too, hence very large)
 * @param chipTempC        hottest board's chip temperature
 * @param fanDutyPercent   fan duty the cooling settings settle at
 * @param errorFraction    share of work lost to hardware errors, 0..1
 */
public record OperatingPoint(double freqMhz, int voltage10mV, double hashrate, double hashrateThs, double powerWatts,
                             double efficiencyJPerTh, double chipTempC, double fanDutyPercent, double errorFraction) {

    public double volts() {
        return voltage10mV / 100.0;
    }
}
