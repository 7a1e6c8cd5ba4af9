package io.hashdesk.app.market;

/**
 * One hour of the 24 h price strip.
 *
 * @param label       the local hour it starts, "14"
 * @param price       the price per kWh, short: "0.085"
 * @param tooltip     the hour, its price and where the price comes from
 * @param level       0 (cheapest of the 24) to {@link #LEVELS}-1 (dearest); all the same when prices do not vary
 * @param now         whether it is the current hour
 * @param cheapWindow whether it lies in the cheapest run of hours
 */
record StripHour(String label, String price, String tooltip, int level, boolean now, boolean cheapWindow) {

    static final int LEVELS = 5;
}
