package io.hashdesk.core.profit;

/**
 * The USD value of hashrate per day. SHA-256 figures are quoted per TH/s or PH/s, Scrypt figures per GH/s.
 *
 * @param usdPerThPerDay USD per TH/s per day
 */
public record Hashprice(double usdPerThPerDay) {

    public double usdPerPhPerDay() {
        return usdPerThPerDay * 1_000;
    }

    public double usdPerGhPerDay() {
        return usdPerThPerDay / 1_000;
    }
}
