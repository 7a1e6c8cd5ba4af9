package io.hashdesk.core.reco;

/**
 * A switch that turns on after {@code onAfter} consecutive steps above its threshold and off after {@code offAfter}
 * consecutive steps at or below it, so a price wiggling around a strike does not flip miners every interval. It
 * keeps no state between calls: the state at each step is derived from the series itself, replayed from a start
 * far enough back, which makes it stateless across passes and testable from a list of prices.
 */
record Hysteresis(int onAfter, int offAfter) {

    Hysteresis {
        if (onAfter < 1 || offAfter < 1) {
            throw new IllegalArgumentException("hysteresis counts must be at least 1, got " + onAfter + " and "
                    + offAfter);
        }
    }

    /**
     * The switch's state at every step.
     *
     * @param above   whether each step is above the threshold
     * @param initial the state before the first step
     */
    boolean[] run(boolean[] above, boolean initial) {
        boolean[] state = new boolean[above.length];
        boolean on = initial;
        int run = 0;
        for (int i = 0; i < above.length; i++) {
            boolean pushesToChange = on != above[i];
            run = pushesToChange ? run + 1 : 0;
            if (pushesToChange && run >= (on ? offAfter : onAfter)) {
                on = !on;
                run = 0;
            }
            state[i] = on;
        }
        return state;
    }
}
