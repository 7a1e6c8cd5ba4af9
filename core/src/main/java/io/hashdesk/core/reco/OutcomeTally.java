package io.hashdesk.core.reco;

/** A type's measured outcomes: how many were judged against their interval and how many fell inside it. */
public record OutcomeTally(int judged, int inside) {

    public OutcomeTally {
        if (judged < 0 || inside < 0 || inside > judged) {
            throw new IllegalArgumentException("need 0 ≤ inside ≤ judged, got " + inside + " of " + judged);
        }
    }
}
