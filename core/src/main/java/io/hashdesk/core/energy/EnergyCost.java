package io.hashdesk.core.energy;

/** What a load cost over a span: the energy it drew and what that energy cost in {@code currency}. */
public record EnergyCost(double energyKwh, double cost, String currency) {
}
