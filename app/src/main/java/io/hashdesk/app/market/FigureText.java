package io.hashdesk.app.market;

/**
 * One figure as a table cell shows it.
 *
 * @param value  the number with its unit, or a dash when unknown
 * @param detail its age and source ("12 min ago · coingecko"), or why it is missing
 * @param stale  whether it is older than its staleness limit (or missing where it matters)
 */
record FigureText(String value, String detail, boolean stale) {

    static FigureText missing(String why) {
        return new FigureText("—", why, false);
    }
}
