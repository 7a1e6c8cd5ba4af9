package io.hashdesk.ml.bench;

/**
 * A room's air temperature over the day: warmest mid-afternoon, coolest before dawn. The store holds no room
 * temperature (no room sensor reports one yet), so the models never see this; it is what their units breathe.
 *
 * @param meanC  the day's mean
 * @param swingC how far the afternoon peak rises above it and the night falls below
 */
record RoomClimate(double meanC, double swingC) {

    private static final double SECONDS_PER_DAY = 86_400;
    /** The swing peaks at 15:00 UTC: the sine crosses its mean rising at 09:00. */
    private static final double RISING_AT_SECONDS = 9 * 3600;

    double ambientC(long epochSecond) {
        double phase = (epochSecond - RISING_AT_SECONDS) / SECONDS_PER_DAY;
        return meanC + swingC * Math.sin(2 * Math.PI * phase);
    }
}
