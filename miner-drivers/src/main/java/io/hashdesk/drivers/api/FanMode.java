package io.hashdesk.drivers.api;

/** How the miner drives its fans. */
public sealed interface FanMode {

    /** The firmware regulates fan speed to hold the chips at a target temperature. */
    record Auto(int targetTempC) implements FanMode {
        public Auto {
            if (targetTempC < 1 || targetTempC > 120) {
                throw new IllegalArgumentException("target temperature must be 1–120 °C, got " + targetTempC);
            }
        }
    }

    /** Fixed fan duty. */
    record Manual(int dutyPercent) implements FanMode {
        public Manual {
            if (dutyPercent < 0 || dutyPercent > 100) {
                throw new IllegalArgumentException("fan duty must be 0–100 %, got " + dutyPercent);
            }
        }
    }

    /** Immersion cooling: fans off, no fan checks. */
    record Immersion() implements FanMode {
    }
}
