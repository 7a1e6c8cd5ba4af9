package io.hashdesk.drivers.sim.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hashdesk.drivers.sim.MinerReading;
import io.hashdesk.drivers.sim.SimulatedMiner;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Replies of the CGMiner-compatible RPC as Vnish gives them: it calls itself {@code cgminer 4.11.1}, writes
 * {@code "GHS 5s"} as a string but {@code "GHS av"} as a number, numbers boards 1..N in {@code stats} with the PCB
 * maximum in {@code tempN} and the chip maximum in {@code temp2_N}, writes pool URLs with {@code stratum+tcp://},
 * and lists a DevFee pool. Commands a build does not answer get no reply at all.
 */
final class RpcReplies {

    private static final String DESCRIPTION = "cgminer 4.11.1";
    private static final String CGMINER_VERSION = "4.11.1";
    private static final String API_VERSION = "3.7";
    private static final String MINER_VERSION = "uart_trans.1.3";
    private static final String COMPILE_TIME = "Sat Jun 24 11:17:59 UTC 2023";
    private static final int CODE_INVALID = 14;
    private static final int CODE_SUMMARY = 11;
    private static final int CODE_POOLS = 7;
    private static final int CODE_DEVS = 9;
    private static final int CODE_VERSION = 22;
    private static final int CODE_DEVDETAILS = 69;
    private static final int CODE_STATS = 70;
    private static final int CHIPS_PER_STATUS_GROUP = 8;
    private static final double MEGA_PER_GIGA = 1000;

    private RpcReplies() {
    }

    /**
     * The reply to one RPC command ({@code summary}, or {@code summary+stats} for several), empty when the build
     * leaves the command unanswered.
     */
    static Optional<String> reply(String command, SimulatedMiner miner, Set<String> unanswered) {
        String[] commands = command.strip().toLowerCase(Locale.ROOT).split("\\+");
        MinerReading reading = miner.reading();
        long when = miner.now().getEpochSecond();
        if (commands.length == 1) {
            if (unanswered.contains(commands[0])) {
                return Optional.empty();
            }
            return Optional.of(Json.write(single(commands[0], miner, reading, when)));
        }
        ObjectNode combined = Json.object();
        for (String each : commands) {
            if (!unanswered.contains(each)) {
                combined.putArray(each).add(single(each, miner, reading, when));
            }
        }
        combined.put("id", 1);
        return Optional.of(Json.write(combined));
    }

    private static ObjectNode single(String command, SimulatedMiner miner, MinerReading r, long when) {
        return switch (command) {
            case "summary" -> envelope("S", CODE_SUMMARY, "Summary", when, "SUMMARY", summary(r, miner));
            case "stats" -> stats(miner, r, when);
            case "pools" -> envelope("S", CODE_POOLS, r.pools().size() + " Pool(s)", when, "POOLS", pools(r));
            case "devs" -> envelope("S", CODE_DEVS, r.boards().size() + " ASC(s)", when, "DEVS", devs(r, miner));
            case "devdetails" -> envelope("S", CODE_DEVDETAILS, "Device Details", when, "DEVDETAILS",
                    devdetails(r, miner));
            case "version" -> envelope("S", CODE_VERSION, "CGMiner versions", when, "VERSION", version(miner));
            default -> envelope("E", CODE_INVALID, "Invalid command", when, null, null);
        };
    }

    private static ObjectNode envelope(String status, int code, String message, long when, String section,
                                       ArrayNode rows) {
        ObjectNode reply = Json.object();
        ObjectNode head = reply.putArray("STATUS").addObject();
        head.put("STATUS", status);
        head.put("When", when);
        head.put("Code", code);
        head.put("Msg", message);
        head.put("Description", DESCRIPTION);
        if (section != null) {
            reply.set(section, rows);
        }
        reply.put("id", 1);
        return reply;
    }

    /** RPC hashrates are always GH/s: the firmware unit for SHA-256, MH/s ÷ 1000 for Scrypt. */
    private static double gigahash(double hashrate, SimulatedMiner miner) {
        return miner.model().scrypt() ? hashrate / MEGA_PER_GIGA : hashrate;
    }

    private static ArrayNode summary(MinerReading r, SimulatedMiner miner) {
        long accepted = r.pools().stream().mapToLong(MinerReading.PoolReading::accepted).sum();
        long rejected = r.pools().stream().mapToLong(MinerReading.PoolReading::rejected).sum();
        long stale = r.pools().stream().mapToLong(MinerReading.PoolReading::stale).sum();
        double diffAccepted = r.pools().stream().mapToDouble(MinerReading.PoolReading::difficultyAccepted).sum();
        long difficulty = r.pools().getFirst().difficulty();
        long total = Math.max(1, accepted + rejected + stale);
        ObjectNode s = Json.object();
        s.put("Elapsed", r.elapsedSeconds());
        s.put("GHS 5s", String.format(Locale.ROOT, "%.2f", gigahash(r.hrRealtime(), miner)));
        s.put("GHS av", TelemetryDocuments.round2(gigahash(r.hrAverage(), miner)));
        s.put("Found Blocks", 0);
        s.put("Getworks", accepted / 2);
        s.put("Accepted", accepted);
        s.put("Rejected", rejected);
        s.put("Hardware Errors", r.hwErrors());
        s.put("Utility", r.elapsedSeconds() > 0 ? TelemetryDocuments.round2(accepted * 60.0 / r.elapsedSeconds()) : 0);
        s.put("Discarded", 0);
        s.put("Stale", stale);
        s.put("Get Failures", 0);
        s.put("Local Work", accepted * 4);
        s.put("Remote Failures", 0);
        s.put("Network Blocks", r.elapsedSeconds() / 600);
        s.put("Total MH", Math.round(gigahash(r.hrAverage(), miner) * MEGA_PER_GIGA * r.elapsedSeconds()));
        s.put("Work Utility", r.elapsedSeconds() > 0
                ? TelemetryDocuments.round2(diffAccepted * 60.0 / r.elapsedSeconds()) : 0);
        s.put("Difficulty Accepted", diffAccepted);
        s.put("Difficulty Rejected", (double) rejected * difficulty);
        s.put("Difficulty Stale", (double) stale * difficulty);
        s.put("Best Share", r.bestShare());
        s.put("Device Hardware%", TelemetryDocuments.round2(r.hwErrorPercent()));
        s.put("Device Rejected%", TelemetryDocuments.round2(100.0 * rejected / total));
        s.put("Pool Rejected%", TelemetryDocuments.round2(100.0 * rejected / total));
        s.put("Pool Stale%", TelemetryDocuments.round2(100.0 * stale / total));
        s.put("Last getwork", miner.now().getEpochSecond());
        s.put("Fee Percent", r.devfeePercent());
        return Json.array().add(s);
    }

    private static ObjectNode stats(SimulatedMiner miner, MinerReading r, long when) {
        ArrayNode rows = Json.array();
        ObjectNode header = rows.addObject();
        header.put("Cgminer", CGMINER_VERSION);
        header.put("Miner", MINER_VERSION);
        header.put("CompileTime", COMPILE_TIME);
        header.put("Type", miner.identity().minerType());
        ObjectNode s = rows.addObject();
        s.put("STATS", 0);
        s.put("ID", "BTM_" + miner.model().parameters().code().toUpperCase(Locale.ROOT));
        s.put("Elapsed", r.elapsedSeconds());
        s.put("Calls", 0);
        s.put("Wait", 0.0);
        s.put("Max", 0.0);
        s.put("Min", 99_999_999.0);
        s.put("GHS 5s", String.format(Locale.ROOT, "%.2f", gigahash(r.hrRealtime(), miner)));
        s.put("GHS av", TelemetryDocuments.round2(gigahash(r.hrAverage(), miner)));
        s.put("miner_count", r.boards().size());
        s.put("total_acn", r.boards().stream().mapToInt(MinerReading.BoardReading::chipsWorking).sum());
        double freq = r.boards().stream().mapToDouble(MinerReading.BoardReading::freqMhz).average().orElse(0);
        s.put("frequency", Math.round(freq));
        s.put("total_freqavg", TelemetryDocuments.round2(freq));
        s.put("total_rateideal", TelemetryDocuments.round2(gigahash(r.hrNominal(), miner)));
        s.put("total_rate", TelemetryDocuments.round2(gigahash(r.hrRealtime(), miner)));
        s.put("state", r.state().wireName());
        s.put("fan_num", r.fans().size());
        for (MinerReading.FanReading fan : r.fans()) {
            s.put("fan" + (fan.id() + 1), fan.rpm());
        }
        s.put("fan_mode", 0);
        s.put("fan_pwm", r.fanDutyPercent());
        s.put("temp_num", r.boards().size());
        r.boards().forEach(board -> boardKeys(s, board, miner));
        s.put("miner_version", MINER_VERSION);
        s.put("build_version", miner.firmware().version());
        return envelope("S", CODE_STATS, "CGMiner stats", when, "STATS", rows);
    }

    /** One board's keys of {@code STATS[1]}, suffixed with its 1-based id. */
    private static void boardKeys(ObjectNode s, MinerReading.BoardReading b, SimulatedMiner miner) {
        int i = b.id();
        s.put("temp" + i, b.pcbTempMaxC());
        s.put("temp2_" + i, b.chipTempMaxC());
        s.put("temp3_" + i, b.chipTempMaxC());
        s.put("temp_sens" + i, b.present() ? "m-m" : "e-e");
        s.put("temp_pcb" + i, b.pcbTempMinC() + "-" + b.pcbTempMaxC());
        s.put("temp_chip" + i, b.chipTempMinC() + "-" + b.chipTempMaxC());
        s.put("chain_state" + i, b.state().wireName());
        s.put("chain_acn" + i, b.chipsWorking());
        s.put("chain_vol" + i, b.voltageMv());
        s.put("freq_avg" + i, TelemetryDocuments.round2(b.freqMhz()));
        s.put("chain_rateideal" + i, TelemetryDocuments.round2(gigahash(b.hrIdeal(), miner)));
        s.put("chain_rate" + i, TelemetryDocuments.round2(gigahash(b.hrRealtime(), miner)));
        s.put("chain_hw" + i, b.hwErrors());
        s.put("chain_acs" + i, chipStatusString(b, miner.model().chipsPerBoard()));
        s.put("chain_consumption" + i, b.powerWatts());
    }

    /** {@code "oooooooo oooooooo ..."}: one letter per chip, {@code x} for a dead or red one, in groups of 8. */
    private static String chipStatusString(MinerReading.BoardReading board, int chips) {
        StringBuilder text = new StringBuilder();
        int good = chips - Math.max(board.chipsRed(), chips - board.chipsWorking());
        for (int c = 0; c < chips; c++) {
            if (c > 0 && c % CHIPS_PER_STATUS_GROUP == 0) {
                text.append(' ');
            }
            text.append(c < good ? 'o' : 'x');
        }
        return text.toString();
    }

    private static ArrayNode pools(MinerReading r) {
        ArrayNode rows = Json.array();
        r.pools().forEach(pool -> rows.add(pool(pool, r.bestShare())));
        return rows;
    }

    private static ObjectNode pool(MinerReading.PoolReading pool, long bestShare) {
        ObjectNode p = Json.object();
        long total = Math.max(1, pool.accepted() + pool.rejected() + pool.stale());
        double difficulty = pool.difficulty();
        p.put("POOL", pool.id());
        p.put("URL", pool.devFee() ? "DevFee" : "stratum+tcp://" + pool.url());
        p.put("Status", "Alive");
        p.put("Priority", pool.id());
        p.put("Quota", 1);
        p.put("Long Poll", "N");
        p.put("Getworks", pool.accepted() / 2);
        p.put("Accepted", pool.accepted());
        p.put("Rejected", pool.rejected());
        p.put("Works", pool.accepted() * 4);
        p.put("Discarded", 0);
        p.put("Stale", pool.stale());
        p.put("Get Failures", 0);
        p.put("Remote Failures", 0);
        p.put("User", pool.user());
        p.put("Last Share Time", TelemetryDocuments.clock(pool.secondsSinceShare()));
        p.put("Diff", TelemetryDocuments.shortDifficulty(pool.difficulty()));
        p.put("Diff1 Shares", Math.round(pool.difficultyAccepted()));
        p.put("Proxy Type", "");
        p.put("Proxy", "");
        p.put("Difficulty Accepted", pool.difficultyAccepted());
        p.put("Difficulty Rejected", pool.rejected() * difficulty);
        p.put("Difficulty Stale", pool.stale() * difficulty);
        p.put("Last Share Difficulty", pool.lastShareDifficulty());
        p.put("Work Difficulty", difficulty);
        p.put("Has Stratum", true);
        p.put("Stratum Active", pool.status() == MinerReading.PoolStatus.ACTIVE);
        p.put("Stratum URL", pool.devFee() ? "DevFee" : pool.url().split(":")[0]);
        p.put("Stratum Difficulty", difficulty);
        p.put("Has Vmask", true);
        p.put("Best Share", bestShare);
        p.put("Pool Rejected%", TelemetryDocuments.round2(100.0 * pool.rejected() / total));
        p.put("Pool Stale%", TelemetryDocuments.round2(100.0 * pool.stale() / total));
        p.put("Bad Work", 0);
        p.put("Current Block Height", 0);
        p.put("Current Block Version", 0);
        p.put("Type", pool.devFee() ? 1 : 0);
        return p;
    }

    private static ArrayNode devs(MinerReading r, SimulatedMiner miner) {
        ArrayNode rows = Json.array();
        for (MinerReading.BoardReading b : r.boards()) {
            ObjectNode d = rows.addObject();
            double mhs = gigahash(b.hrRealtime(), miner) * MEGA_PER_GIGA;
            d.put("ASC", b.id() - 1);
            d.put("Name", "BTM_SOC");
            d.put("ID", b.id() - 1);
            d.put("Enabled", "Y");
            d.put("Status", b.present() ? "Alive" : "Dead");
            d.put("Temperature", b.chipTempMaxC());
            d.put("MHS av", TelemetryDocuments.round2(mhs));
            d.put("MHS 5s", TelemetryDocuments.round2(mhs));
            d.put("MHS 1m", TelemetryDocuments.round2(mhs));
            d.put("MHS 5m", TelemetryDocuments.round2(mhs));
            d.put("MHS 15m", TelemetryDocuments.round2(mhs));
            d.put("Hardware Errors", b.hwErrors());
            d.put("Device Elapsed", r.elapsedSeconds());
        }
        return rows;
    }

    private static ArrayNode devdetails(MinerReading r, SimulatedMiner miner) {
        ArrayNode rows = Json.array();
        for (MinerReading.BoardReading b : r.boards()) {
            ObjectNode d = rows.addObject();
            d.put("DEVDETAILS", b.id() - 1);
            d.put("Name", "BTM_SOC");
            d.put("ID", b.id() - 1);
            d.put("Driver", "bitmain_soc");
            d.put("Kernel", "");
            d.put("Model", miner.model().fullName());
            d.put("Device Path", "");
        }
        return rows;
    }

    private static ArrayNode version(SimulatedMiner miner) {
        ObjectNode v = Json.object();
        v.put("CGMiner", CGMINER_VERSION);
        v.put("API", API_VERSION);
        v.put("Miner", MINER_VERSION);
        v.put("CompileTime", COMPILE_TIME);
        v.put("Type", miner.identity().minerType());
        return Json.array().add(v);
    }
}
