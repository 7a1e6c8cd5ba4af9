package io.hashdesk.drivers.sim.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hashdesk.drivers.sim.MinerReading;
import io.hashdesk.drivers.sim.MinerSettings;
import io.hashdesk.drivers.sim.SimulatedMiner;
import java.util.List;
import java.util.Locale;

/**
 * The firmware's live replies: {@code /summary}, the per-chip {@code /chains} (1.2.x) or {@code /boards} (1.3.x),
 * and the deprecated {@code /chips}. Units as the firmware uses them: hashrates in {@code hr_measure} (GH/s, MH/s
 * for Scrypt), the deprecated {@code instant_hashrate}/{@code average_hashrate} one unit up (TH/s), voltage in mV,
 * temperatures as integers, chain ids 1-based.
 */
final class TelemetryDocuments {

    private static final double ONE_UNIT_UP = 1e-3;
    private static final double PERCENT = 100.0;
    private static final int SENSORS_PER_BOARD = 4;
    private static final double KILO = 1000;
    private static final String[] DIFF_SUFFIXES = {"", "K", "M", "G", "T"};
    /** How far the PSU stages run above room air per kW drawn. */
    private static final double PSU_RISE_C_PER_KW = 4;

    private TelemetryDocuments() {
    }

    static ObjectNode summary(SimulatedMiner miner, MinerReading r) {
        boolean v13 = miner.firmware().boardsApi();
        ObjectNode m = Json.object();
        DeviceDocuments.minerStatus(m.putObject("miner_status"), miner, r);
        m.put("miner_type", miner.identity().minerType());
        m.put("hr_stock", round2(r.hrStock()));
        m.put("average_hashrate", round2(r.hrAverage() * ONE_UNIT_UP));
        m.put("instant_hashrate", round2(r.hrRealtime() * ONE_UNIT_UP));
        m.put("hr_realtime", round2(r.hrRealtime()));
        m.put("hr_nominal", round2(r.hrNominal()));
        m.put("hr_average", round2(r.hrAverage()));
        m.set("pcb_temp", Json.range(r.pcbTempMinC(), r.pcbTempMaxC()));
        m.set("chip_temp", Json.range(r.chipTempMinC(), r.chipTempMaxC()));
        m.put("power_consumption", r.powerWatts());
        m.put("power_usage", r.powerWatts());
        double ths = miner.model().hashrateUnit().toThs(r.hrRealtime());
        m.put("power_efficiency", ths > 0 ? round2(r.powerWatts() / ths) : 0);
        m.put("hw_errors_percent", round2(r.hwErrorPercent()));
        m.put("hr_error", round2(r.hwErrorPercent()));
        m.put("hw_errors", r.hwErrors());
        m.put("devfee_percent", r.devfeePercent());
        m.put("devfee", round2(r.hrAverage() * r.devfeePercent() / PERCENT));
        ArrayNode pools = m.putArray("pools");
        r.pools().forEach(pool -> pools.add(pool(pool, v13)));
        m.set("cooling", cooling(miner, r));
        ArrayNode chains = m.putArray("chains");
        r.boards().forEach(board -> chains.add(board(board)));
        m.put("found_blocks", 0);
        m.put("best_share", r.bestShare());
        if (v13) {
            m.put("restart_count", r.restartCount());
            m.set("psu", psu(miner, r));
        }
        ObjectNode summary = Json.object();
        summary.set("miner", m);
        return summary;
    }

    /** 1.3.x PSU block: metering on the S21 generation, stage temperatures a few degrees over room air per kW. */
    private static ObjectNode psu(SimulatedMiner miner, MinerReading r) {
        ObjectNode psu = Json.object();
        psu.put("psu_power_metering", miner.model().parameters().series().equals("x21"));
        ObjectNode temps = psu.putObject("temps");
        int psuTemp = (int) Math.round(r.ambientC() + r.powerWatts() / KILO * PSU_RISE_C_PER_KW);
        temps.put("pfc_temp", psuTemp);
        temps.put("llc1_temp", psuTemp + 2);
        temps.put("llc2_temp", psuTemp + 1);
        return psu;
    }

    private static ObjectNode pool(MinerReading.PoolReading pool, boolean v13) {
        ObjectNode node = Json.object();
        node.put("id", pool.id());
        node.put("url", pool.url());
        node.put("pool_type", pool.devFee() ? "DevFee" : "UserPool");
        node.put("user", pool.user());
        node.put("status", pool.status().wireName());
        node.put("asic_boost", !v13);
        node.put("diff", shortDifficulty(pool.difficulty()));
        node.put("accepted", pool.accepted());
        node.put("rejected", pool.rejected());
        node.put("stale", pool.stale());
        node.put("ls_diff", pool.lastShareDifficulty());
        node.put("ls_time", clock(pool.secondsSinceShare()));
        node.put("diffa", pool.difficultyAccepted());
        node.put("ping", pool.pingMs());
        return node;
    }

    private static ObjectNode cooling(SimulatedMiner miner, MinerReading r) {
        ObjectNode cooling = Json.object();
        cooling.put("fan_num", r.fans().size());
        ArrayNode fans = cooling.putArray("fans");
        for (MinerReading.FanReading fan : r.fans()) {
            ObjectNode node = fans.addObject();
            node.put("id", fan.id());
            node.put("rpm", fan.rpm());
            node.put("status", fan.lost() ? "lost" : "ok");
            node.put("max_rpm", fan.maxRpm());
        }
        MinerSettings.Cooling settings = miner.settings().cooling();
        ObjectNode mode = cooling.putObject("settings").putObject("mode");
        mode.put("name", settings.mode().summaryName());
        if (settings.mode() != MinerSettings.FanMode.IMMERSION) {
            mode.put("param", settings.modeParam());
        }
        cooling.put("fan_duty", r.fanDutyPercent());
        return cooling;
    }

    private static ObjectNode board(MinerReading.BoardReading board) {
        ObjectNode node = Json.object();
        node.put("id", board.id());
        node.put("frequency", round2(board.freqMhz()));
        node.put("voltage", board.voltageMv());
        node.put("power_consumption", board.powerWatts());
        node.put("hashrate_ideal", round2(board.hrIdeal()));
        node.put("hashrate_rt", round2(board.hrRealtime()));
        node.put("hashrate_percentage", board.hrIdeal() > 0 ? round2(PERCENT * board.hrRealtime() / board.hrIdeal())
                : 0);
        node.put("hr_error", round2(board.errorPercent()));
        node.put("hw_errors", board.hwErrors());
        node.set("pcb_temp", Json.range(board.pcbTempMinC(), board.pcbTempMaxC()));
        node.set("chip_temp", Json.range(board.chipTempMinC(), board.chipTempMaxC()));
        ObjectNode statuses = node.putObject("chip_statuses");
        statuses.put("red", board.chipsRed());
        statuses.put("orange", board.chipsOrange());
        statuses.put("grey", board.chipsGrey());
        ObjectNode status = node.putObject("status");
        status.put("state", board.state().wireName());
        // Real captures carry an empty description on healthy chains.
        status.put("description", board.description() == null ? "" : board.description());
        return node;
    }

    /** {@code /chains} (1.2.x) and {@code /boards} (1.3.x): per-board chip detail. */
    static ArrayNode chipsPerBoard(SimulatedMiner miner, MinerReading r) {
        ArrayNode boards = Json.array();
        for (MinerReading.BoardReading board : r.boards()) {
            List<MinerReading.ChipReading> chips = miner.chips(board.id());
            ObjectNode node = boards.addObject();
            node.put("id", board.id());
            node.put("freq", round2(board.freqMhz()));
            node.put("hr_nominal", round2(board.hrIdeal()));
            node.put("hr_realtime", round2(board.hrRealtime()));
            ObjectNode status = node.putObject("status");
            status.put("state", board.state().wireName());
            if (board.description() != null) {
                status.put("failure_message", board.description());
            }
            ArrayNode sensors = node.putArray("sensors");
            for (int s = 0; s < SENSORS_PER_BOARD; s++) {
                int loc = s * (chips.size() - 1) / (SENSORS_PER_BOARD - 1);
                ObjectNode sensor = sensors.addObject();
                double chipTemp = chips.get(loc).tempC();
                sensor.put("board", (int) Math.round(r.ambientC() + (chipTemp - r.ambientC()) * pcbShare(board)));
                sensor.put("chip", (int) Math.round(chipTemp));
                sensor.put("loc", loc);
                sensor.put("state", board.present() ? "measure" : "error");
            }
            ArrayNode chipNodes = node.putArray("chips");
            for (MinerReading.ChipReading chip : chips) {
                ObjectNode c = chipNodes.addObject();
                c.put("id", chip.id());
                c.put("hr", round2(chip.hr()));
                c.put("freq", chip.freqMhz());
                c.put("volt", chip.voltageMv());
                c.put("temp", round2(chip.tempC()));
                c.put("errs", chip.errors());
                c.put("grade", chip.grade().wireName());
                c.put("throttled", false);
            }
        }
        return boards;
    }

    /** PCB temperature as a share of the chip's rise over ambient, from the board's own summary figures. */
    private static double pcbShare(MinerReading.BoardReading board) {
        return board.chipTempMaxC() > 0 ? (double) board.pcbTempMaxC() / board.chipTempMaxC() : 1;
    }

    /** {@code /chips} (1.2.x, deprecated). */
    static ObjectNode chips(SimulatedMiner miner, MinerReading r) {
        ObjectNode root = Json.object();
        root.put("chips_per_chain", miner.model().chipsPerBoard());
        ArrayNode chains = root.putArray("chains");
        for (MinerReading.BoardReading board : r.boards()) {
            ObjectNode chain = chains.addObject();
            chain.put("id", board.id());
            ArrayNode chips = chain.putArray("chips");
            for (MinerReading.ChipReading chip : miner.chips(board.id())) {
                ObjectNode c = chips.addObject();
                c.put("id", chip.id());
                c.put("status", chip.grade().wireName());
                c.put("hashrate", round2(chip.hr()));
                c.put("freq", chip.freqMhz());
                c.put("temp", round2(chip.tempC()));
                c.put("errors", chip.errors());
            }
        }
        return root;
    }

    /** {@code "262K"}-style difficulty, as the firmware prints it. */
    static String shortDifficulty(long difficulty) {
        double value = difficulty;
        int suffix = 0;
        while (value >= KILO && suffix < DIFF_SUFFIXES.length - 1) {
            value /= KILO;
            suffix++;
        }
        return Math.round(value) + DIFF_SUFFIXES[suffix];
    }

    /** {@code "0:02:40"}: hours, minutes, seconds since the last share. */
    static String clock(long seconds) {
        long s = Math.max(0, seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    static double round2(double value) {
        return Math.round(value * PERCENT) / PERCENT;
    }
}
