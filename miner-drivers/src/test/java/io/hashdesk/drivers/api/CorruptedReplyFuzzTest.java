package io.hashdesk.drivers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.drivers.api.ReplyMutator.Kind;
import io.hashdesk.drivers.api.ReplyMutator.Mutation;
import io.hashdesk.drivers.cgminer.CgminerRpcDrivers;
import io.hashdesk.drivers.cgminer.FakeRpcServer;
import io.hashdesk.drivers.vnish.FakeVnish;
import io.hashdesk.drivers.vnish.VnishDrivers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 3, "Bad input": 1,000 corrupted replies (mutated real captures, random bytes, huge bodies, wrong JSON types,
 * slow drips, stalls, cut connections, error statuses) served over loopback HTTP and RPC. Every driver call must end
 * normally or with a {@link MinerAccessException} subtype, never anything else, and within its time budget. Seeded:
 * rerun a failure with {@code -Dhashdesk.fuzz.seed=<seed>}.
 */
class CorruptedReplyFuzzTest {

    private static final long SEED = Long.getLong("hashdesk.fuzz.seed", 0x5EED_2026_1127L);
    /** 1,000 by default (the number); raise it with -Dhashdesk.fuzz.cases for a longer hunt. */
    private static final int CASES = Integer.getInteger("hashdesk.fuzz.cases", 1_000);
    private static final int WORKERS = 8;
    private static final DriverOptions OPTIONS = DriverOptions.defaults()
            .withTimeouts(Duration.ofMillis(300), Duration.ofMillis(400), Duration.ofMillis(900))
            .withMaxReplyBytes(256 * 1024);
    /** Scheduling slack on top of the operation timeout (eight workers share the CPU with the fake servers). */
    private static final long MARGIN_MILLIS = 1_000;
    private static final MinerId ID = MinerId.of("fuzzed");

    /** A driver call and the replies it reads (the ones a case may corrupt). */
    private enum Operation {
        SNAPSHOT(false, "POST /unlock", "GET /info", "GET /summary", "GET /perf-summary"),
        IDENTIFY(false, "GET /info"),
        CAPABILITIES(false, "GET /info", "GET /model"),
        PRESETS(false, "POST /unlock", "GET /autotune/presets"),
        APPLY(false, "POST /unlock", "GET /info", "POST /settings", "GET /settings", "GET /perf-summary"),
        BLINK(false, "GET /info", "POST /find-miner"),
        BACKUP(false, "POST /unlock", "POST /settings/backup", "GET /settings"),
        RPC_SNAPSHOT(true, "summary", "stats", "pools"),
        RPC_IDENTIFY(true, "stats", "version");

        final boolean rpc;
        final List<String> replies;

        Operation(boolean rpc, String... replies) {
            this.rpc = rpc;
            this.replies = List.of(replies);
        }

        void run(MinerDriver driver) throws MinerAccessException {
            switch (this) {
                case SNAPSHOT, RPC_SNAPSHOT -> driver.readSnapshot(ID);
                case IDENTIFY, RPC_IDENTIFY -> driver.identify();
                case CAPABILITIES -> driver.capabilities();
                case PRESETS -> driver.presets();
                case APPLY -> driver.apply(SettingsChange.none().withPreset("3000"));
                case BLINK -> driver.blink(true);
                case BACKUP -> driver.backup();
            }
        }
    }

    private final Map<String, byte[]> good = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Map<Kind, AtomicInteger> kinds = new EnumMap<>(Kind.class);
    private final AtomicInteger typedErrors = new AtomicInteger();
    private final AtomicInteger successes = new AtomicInteger();
    private final AtomicInteger rpcCases = new AtomicInteger();

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void corruptedRepliesOnlyEverGiveTypedErrorsWithinTheTimeout() throws Exception {
        loadGoodReplies();
        Arrays.stream(Kind.values()).forEach(k -> kinds.put(k, new AtomicInteger()));
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try (VnishDrivers vnish = new VnishDrivers(OPTIONS); CgminerRpcDrivers rpc = new CgminerRpcDrivers(OPTIONS)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                workers.add(pool.submit(() -> runWorker(worker, vnish, rpc)));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }

        String rerun = "seed " + SEED + " (rerun with -Dhashdesk.fuzz.seed=" + SEED + ")";
        assertTrue(failures.isEmpty(), failures.size() + " of " + CASES + " cases misbehaved, " + rerun + ":\n"
                + String.join("\n", failures.subList(0, Math.min(15, failures.size()))));
        assertEquals(CASES, successes.get() + typedErrors.get(), rerun);
        assertTrue(typedErrors.get() > CASES / 3, "only " + typedErrors + " cases failed: mutations too mild, "
                + rerun);
        assertTrue(rpcCases.get() > CASES / 10, "RPC barely exercised: " + rpcCases);
        kinds.forEach((kind, count) -> assertTrue(count.get() > 0, kind + " never drawn, " + rerun));
    }

    private void runWorker(int worker, VnishDrivers vnish, CgminerRpcDrivers rpcDrivers) {
        try (FakeVnish web = new FakeVnish("1.2.6"); FakeRpcServer rpc = new FakeRpcServer()) {
            for (int c = worker; c < CASES; c += WORKERS) {
                runCase(c, web, rpc, vnish, rpcDrivers);
            }
        } catch (IOException e) {
            failures.add("worker " + worker + " could not start its fake miner: " + e);
        }
    }

    private void runCase(int index, FakeVnish web, FakeRpcServer rpc, VnishDrivers vnish,
                         CgminerRpcDrivers rpcDrivers) {
        Random random = new Random(SEED * 1_000_003L + index);
        Operation operation = Operation.values()[random.nextInt(Operation.values().length)];
        String reply = operation.replies.get(random.nextInt(operation.replies.size()));
        int hugeSize = OPTIONS.maxReplyBytes() + 1 + random.nextInt(OPTIONS.maxReplyBytes());
        Mutation mutation = ReplyMutator.mutate(good(reply, web), random, hugeSize);
        kinds.get(mutation.kind()).incrementAndGet();
        String label = "case " + index + ": " + operation + " with " + reply + " " + mutation.description();
        resetFakes(web, rpc);
        if (operation.rpc) {
            rpcCases.incrementAndGet();
            rpc.behave(reply, RpcFaults.of(mutation, random.nextBoolean()));
        } else if (reply.equals("POST /unlock")) {
            web.answerUnlock(r -> HttpFaults.of(mutation));
        } else {
            web.respond(reply, r -> HttpFaults.of(mutation));
        }
        MinerDriver driver = operation.rpc ? rpcDrivers.open(rpc.address(), MinerCredentials.vnishDefault())
                : vnish.open(web.address(), MinerCredentials.of(FakeVnish.PASSWORD));
        long start = System.nanoTime();
        try (driver) {
            operation.run(driver);
            successes.incrementAndGet();
        } catch (MinerAccessException e) {
            typedErrors.incrementAndGet();
        } catch (Throwable t) {
            // The point of the test: anything but a MinerAccessException escaping a driver is a bug.
            failures.add(label + " → escaped " + t);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > OPTIONS.operationTimeout().toMillis() + MARGIN_MILLIS) {
            failures.add(label + " → took " + millis + " ms");
        }
    }

    private void resetFakes(FakeVnish web, FakeRpcServer rpc) {
        web.restoreDefaults();
        web.json("POST /settings", "{\"restart_required\":false,\"reboot_required\":false}");
        web.json("POST /find-miner", "{\"on\":true}");
        web.respond("POST /settings/backup", r -> new MockResponse.Builder()
                .body(new Buffer().write(good.get("POST /settings/backup"))).build());
        for (String command : List.of("summary", "stats", "pools", "version")) {
            rpc.reply(command, new String(good.get(command), StandardCharsets.UTF_8));
        }
    }

    private byte[] good(String reply, FakeVnish web) {
        if (reply.equals("POST /unlock")) {
            return ("{\"token\":\"" + web.token() + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        return good.get(reply);
    }

    private void loadGoodReplies() {
        put("GET /info", FakeVnish.info("1.2.6"));
        put("GET /summary", Fixtures.vnish("web-summary-s19-1.2.0-beta10.json"));
        put("GET /settings", Fixtures.vnish("web-settings-s19j-1.2.x.json"));
        put("GET /autotune/presets", Fixtures.vnish("web-autotune-presets-s19.json"));
        put("GET /perf-summary", FakeVnish.perfSummary("3000"));
        put("GET /model", Fixtures.resource(FakeVnish.class, "model-s19.json"));
        put("POST /settings", "{\"restart_required\":false,\"reboot_required\":false}");
        put("POST /find-miner", "{\"on\":true}");
        byte[] archive = new byte[860];
        new Random(SEED).nextBytes(archive);
        good.put("POST /settings/backup", archive);
        put("summary", Fixtures.resource(FakeRpcServer.class, "rpc-summary.json"));
        put("stats", Fixtures.resource(FakeRpcServer.class, "rpc-stats.json"));
        put("pools", Fixtures.resource(FakeRpcServer.class, "rpc-pools.json"));
        put("version", "{\"STATUS\":[{\"STATUS\":\"S\",\"When\":1687600000,\"Code\":22,\"Msg\":\"CGMiner versions\","
                + "\"Description\":\"cgminer 4.11.1\"}],"
                + "\"VERSION\":[{\"CGMiner\":\"4.11.1\",\"API\":\"3.7\"}],\"id\":1}");
    }

    private void put(String key, String body) {
        good.put(key, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A mutation played over HTTP by MockWebServer. */
    private static final class HttpFaults {

        static MockResponse of(Mutation m) {
            MockResponse.Builder response = new MockResponse.Builder().setHeader("Content-Type", "application/json");
            return switch (m.kind()) {
                case HUGE_DECLARED -> response.body(new Buffer().write(new byte[m.hugeSize()])).build();
                case HUGE_UNDECLARED -> response.chunkedBody(new Buffer().write(new byte[m.hugeSize()]), 8192).build();
                case SLOW_DRIP -> response.throttleBody(16, 100, TimeUnit.MILLISECONDS).body(padded(m.body()))
                        .build();
                case STALL -> response.headersDelay(3, TimeUnit.SECONDS).body(new Buffer().write(m.body())).build();
                case CUT_CONNECTION -> response.body(halfOf(m.body()))
                        .onResponseEnd(new SocketEffect.CloseSocket(true, false, false)).build();
                case BAD_STATUS -> response.code(m.status()).body(new Buffer().write(m.body())).build();
                default -> response.body(new Buffer().write(m.body())).build();
            };
        }

        /** Trailing spaces keep the JSON valid and make the drip last well past the timeout. */
        private static Buffer padded(byte[] body) {
            return new Buffer().write(body).writeUtf8(" ".repeat(2_000));
        }

        /** Declares the whole length, sends half, then the socket closes. */
        private static MockResponseBody halfOf(byte[] body) {
            return new MockResponseBody() {
                @Override
                public long getContentLength() {
                    return body.length + 100L;
                }

                @Override
                public void writeTo(BufferedSink sink) throws IOException {
                    sink.write(body, 0, body.length / 2);
                    sink.flush();
                }
            };
        }
    }

    /** A mutation played over the RPC socket. */
    private static final class RpcFaults {

        static FakeRpcServer.Behaviour of(Mutation m, boolean nulTerminated) {
            return switch (m.kind()) {
                case HUGE_DECLARED, HUGE_UNDECLARED -> {
                    byte[] huge = new byte[m.hugeSize()];
                    Arrays.fill(huge, (byte) '[');
                    yield FakeRpcServer.replyWith(huge, false);
                }
                case SLOW_DRIP -> FakeRpcServer.drip((new String(m.body(), StandardCharsets.UTF_8)
                        + " ".repeat(500)).getBytes(StandardCharsets.UTF_8), 8, 50);
                case STALL -> FakeRpcServer.stall();
                case EMPTY -> FakeRpcServer.silentClose();
                case CUT_CONNECTION -> FakeRpcServer.replyWith(Arrays.copyOf(m.body(), m.body().length / 2), false);
                case BAD_STATUS -> FakeRpcServer.replyWith(("{\"STATUS\":[{\"STATUS\":\"E\",\"Code\":" + m.status()
                        % 50 + ",\"Msg\":\"error " + m.status() + "\"}],\"id\":1}").getBytes(StandardCharsets.UTF_8),
                        nulTerminated);
                default -> FakeRpcServer.replyWith(m.body(), nulTerminated);
            };
        }
    }
}
