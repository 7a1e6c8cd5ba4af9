package io.hashdesk.drivers.vnish;

/**
 * The two generations of the Vnish web API. 1.3.x renamed {@code /chains} to {@code /boards}, replaced
 * {@code /find-miner} with {@code /locate-miner} and added {@code /mining/throttle}.
 */
enum RouteSet {
    V1_2("/chains", "/find-miner", false),
    V1_3("/boards", "/locate-miner", true);

    private final String chipsRoute;
    private final String locateRoute;
    private final boolean throttle;

    RouteSet(String chipsRoute, String locateRoute, boolean throttle) {
        this.chipsRoute = chipsRoute;
        this.locateRoute = locateRoute;
        this.throttle = throttle;
    }

    /** The per-chip table route. */
    String chipsRoute() {
        return chipsRoute;
    }

    String locateRoute() {
        return locateRoute;
    }

    boolean hasThrottle() {
        return throttle;
    }

    /** The other generation, tried when a route of this one answers 404. */
    RouteSet other() {
        return this == V1_2 ? V1_3 : V1_2;
    }

    /** 1.3 and later get the 1.3 routes; anything older, or a version we cannot read, the 1.2 routes. */
    static RouteSet of(FirmwareVersion version) {
        return version != null && version.atLeast(1, 3) ? V1_3 : V1_2;
    }
}
