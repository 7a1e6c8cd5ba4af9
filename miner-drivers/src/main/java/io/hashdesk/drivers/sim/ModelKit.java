package io.hashdesk.drivers.sim;

/** The per-model pieces every unit of a model shares: calibrated physics, its preset table and the optimum search. */
record ModelKit(ModelPhysics physics, PresetTable presets, BestPointSearch search) {

    static ModelKit of(ModelSpec spec, SimulationParameters common) {
        ModelPhysics physics = new ModelPhysics(spec, common);
        return new ModelKit(physics, new PresetTable(physics), new BestPointSearch(physics));
    }
}
