package io.hashdesk.drivers.sim;

/**
 * How good one unit's chips are: how much more (or less) voltage than an average unit each board and each chip
 * needs for a clean hash. Drawn once from the unit's seed and never changed.
 */
final class Silicon {

    private static final long UNIT_STREAM = 11;
    private static final long BOARD_STREAM = 12;
    private static final long CHIP_STREAM = 13;
    /** Chip numbers per board never reach this, so (board, chip) pairs map to distinct noise indexes. */
    private static final long CHIPS_PER_BOARD_STRIDE = 10_000;

    private final long seed;
    private final double unitOffsetVolts;
    private final double[] boardOffsetsVolts;
    private final double chipSpreadVolts;

    Silicon(long seed, SimulationParameters common, int boards) {
        this.seed = seed;
        this.unitOffsetVolts = common.siliconSpreadVolts() * Noise.gaussian(seed, UNIT_STREAM, 0);
        this.boardOffsetsVolts = new double[boards];
        for (int b = 0; b < boards; b++) {
            boardOffsetsVolts[b] = unitOffsetVolts + common.boardSpreadVolts() * Noise.gaussian(seed, BOARD_STREAM, b);
        }
        this.chipSpreadVolts = common.chipSpreadVolts();
    }

    /** Extra voltage the whole unit needs over an average unit of its model (negative = better silicon). */
    double unitOffsetVolts() {
        return unitOffsetVolts;
    }

    double boardOffsetVolts(int board) {
        return boardOffsetsVolts[board];
    }

    double[] boardOffsetsVolts() {
        return boardOffsetsVolts.clone();
    }

    double chipOffsetVolts(int board, int chip) {
        return boardOffsetsVolts[board]
                + chipSpreadVolts * Noise.gaussian(seed, CHIP_STREAM, board * CHIPS_PER_BOARD_STRIDE + chip);
    }
}
