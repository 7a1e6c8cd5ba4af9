package io.hashdesk.drivers.sim;

import java.time.Instant;

/**
 * Puts one unit together from its blueprint: identity, silicon, fans (aged, some worn towards a known failure),
 * boards with their failure times, and a warm start so that the unit begins at its settled temperature.
 */
final class UnitAssembly {

    /** Long enough for every lag in the model to settle; the exact figure does not matter. */
    private static final double WARM_UP_SECONDS = 3_600;
    private static final int WARM_UP_ROUNDS = 3;

    private UnitAssembly() {
    }

    static SimulatedMiner build(MinerBlueprint blueprint, ModelKit kit, Instant start, double ambientC) {
        ModelSpec spec = kit.physics().spec();
        SimulationParameters common = kit.physics().common();
        long seed = blueprint.seed();
        MinerIdentity identity = MinerIdentity.draw(blueprint.id(), spec, blueprint.firmware(), seed, blueprint.room());
        Silicon silicon = new Silicon(seed, common, spec.boards());
        FanBank fans = new FanBank(seed, common, spec.fans(), spec.parameters().fanMaxRpm(), start,
                blueprint.ageDays());
        for (MinerBlueprint.WornFan worn : blueprint.wornFans()) {
            requireIndex(blueprint, "fan", worn.fan(), 0, spec.fans() - 1);
            fans.wearOut(worn.fan(), start, worn.failsInDays());
        }
        Hashboard[] boards = new Hashboard[spec.boards()];
        for (int b = 0; b < boards.length; b++) {
            boards[b] = new Hashboard(b, spec.chipsPerBoard(), ambientC, Hashboard.lifeEnd(seed, b, 0, start, common));
        }
        for (MinerBlueprint.BoardFailure failure : blueprint.boardFailures()) {
            requireIndex(blueprint, "board", failure.board(), 1, spec.boards());
            boards[failure.board() - 1].failAt(start.plus(FanBank.days(failure.failsInDays())));
        }
        for (Fault fault : blueprint.faults()) {
            if (fault instanceof Fault.FanFailure(int fan)) {
                requireIndex(blueprint, "fan", fan, 0, spec.fans() - 1);
            } else if (fault instanceof Fault.HashboardFailure(int board)) {
                requireIndex(blueprint, "board", board, 1, spec.boards());
            }
        }
        UnitPhysics unit = new UnitPhysics(kit.physics(), silicon, fans, boards, seed, blueprint.dustDays(), ambientC);
        SimulatedMiner miner = new SimulatedMiner(identity, kit, unit, blueprint, start);
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            miner.warmUp(WARM_UP_SECONDS, ambientC);
        }
        return miner;
    }

    private static void requireIndex(MinerBlueprint blueprint, String what, int index, int min, int max) {
        if (index < min || index > max) {
            throw new IllegalArgumentException("unit '" + blueprint.id() + "': " + what + " " + index
                    + " does not exist on a " + blueprint.modelId() + " (valid: " + min + ".." + max + ")");
        }
    }
}
