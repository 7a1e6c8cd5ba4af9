package io.hashdesk.ml.optimiser;

/**
 * A setting the optimiser suggests, with what the efficiency curve expects of it.
 *
 * @param objectiveValue               the objective's forecast in its own unit ({@link Objective#unit()})
 * @param expected                     hashrate, power, chip temperature, error rate and J/TH with intervals
 * @param probabilityConstraintsHold   the curve's probability that every operator constraint and the model's power
 *                                     limit hold at this setting (product over constraints, each from its process)
 * @param expectedImprovement          expected gain of the objective over the best feasible setting known, in the
 *                                     objective's own unit (0 for a best-known answer); small means little to gain
 * @param exploration                  true when the proposal is chosen more for what it would teach (its
 *                                     uncertainty) than for its expected value
 */
public record Proposal(Setting setting, Objective objective, Interval objectiveValue, CurvePoint expected,
                       double probabilityConstraintsHold, double expectedImprovement, boolean exploration) {
}
