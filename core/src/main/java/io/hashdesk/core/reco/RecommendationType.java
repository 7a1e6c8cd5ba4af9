package io.hashdesk.core.reco;

/** What a recommendation is about. The first six change miners' settings; the last three are advice. */
public enum RecommendationType {
    /** A power preset or power target. */
    POWER(true),
    /** Manual chip frequency and chain voltage. */
    OVERCLOCK(true),
    /** Fan minimum and target temperature; room-level advice on which units to derate, clean or move. */
    COOLING(true),
    /** A time-of-use power plan for the next 24 h, strike-price curtailment, a site power cap. */
    SCHEDULE(true),
    /** Mine another coin (a pool paying it). */
    COIN_SWITCH(true),
    /** Same coin, a better pool. */
    POOL_SWITCH(true),
    /** Inspect, clean or repair a unit; becomes a work order. */
    MAINTENANCE(false),
    /** Replace one model with another. */
    UPGRADE(false),
    /** Exposure the operator should know about. */
    RISK(false);

    private final boolean changesMiners;

    RecommendationType(boolean changesMiners) {
        this.changesMiners = changesMiners;
    }

    /** True when applying it writes settings to miners through the action executor. */
    public boolean changesMiners() {
        return changesMiners;
    }
}
