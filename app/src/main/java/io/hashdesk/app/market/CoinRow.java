package io.hashdesk.app.market;

/**
 * One coin's row in the market table.
 *
 * @param coin      ticker and name, e.g. "BTC · Bitcoin"
 * @param algorithm the proof of work, e.g. "SHA-256"
 * @param hashprice USD per PH/s per day for SHA-256 coins, per GH/s per day for Scrypt coins
 * @param notes     what the quote assumed and which figures are stale, one per line; empty when none
 */
record CoinRow(String symbol, String coin, String algorithm, FigureText price, FigureText difficulty,
               FigureText networkHashrate, FigureText blockReward, FigureText fees, FigureText hashprice,
               String notes) {
}
