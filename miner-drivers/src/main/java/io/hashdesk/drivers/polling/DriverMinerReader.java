package io.hashdesk.drivers.polling;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.polling.MinerReader;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerDriver;
import io.hashdesk.drivers.api.MinerDriverFactory;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The poller's {@link MinerReader} over the drivers: the web API first, the CGMiner RPC when the web API is down
 * or answers nonsense. One driver pair per miner, kept while its address and credentials stay the same, so the web
 * session (token) is reused from poll to poll.
 */
public final class DriverMinerReader implements MinerReader, AutoCloseable {

    private final MinerDriverFactory web;
    private final MinerDriverFactory rpc;
    private final Function<Miner, MinerCredentials> credentials;
    private final Map<MinerId, Drivers> drivers = new ConcurrentHashMap<>();

    private record Drivers(MinerAddress address, MinerCredentials credentials, MinerDriver web, MinerDriver rpc) {

        void close() {
            web.close();
            rpc.close();
        }
    }

    /**
     * @param credentials the web password of each miner; the factories own their connection pools and are closed
     *                    by their owner, not by this reader
     */
    public DriverMinerReader(MinerDriverFactory web, MinerDriverFactory rpc, Function<Miner, MinerCredentials> credentials) {
        this.web = Objects.requireNonNull(web, "web");
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public TelemetrySnapshot read(Miner miner) throws MinerAccessException {
        Drivers d = driversFor(miner);
        try {
            return d.web().readSnapshot(miner.id());
        } catch (MinerAccessException webFailure) {
            // interrupted: the poller gave up on this read at its deadline, and nobody will look at an RPC answer
            if (!worthTryingRpc(webFailure.failure()) || Thread.currentThread().isInterrupted()) {
                throw webFailure;
            }
            try {
                return d.rpc().readSnapshot(miner.id());
            } catch (MinerAccessException rpcFailure) {
                webFailure.addSuppressed(rpcFailure);
                throw webFailure;
            }
        }
    }

    /**
     * The RPC can stand in when the web server is down or garbled. Not after a timeout (that would double the wait)
     * and not after refused credentials, which the operator has to see rather than have papered over.
     */
    private static boolean worthTryingRpc(MinerAccessException.Failure failure) {
        return switch (failure) {
            case UNREACHABLE, MALFORMED_REPLY, UNSUPPORTED -> true;
            case TIMEOUT, AUTH_FAILED, REJECTED, RATE_LIMITED -> false;
        };
    }

    private Drivers driversFor(Miner miner) {
        MinerCredentials wanted = credentials.apply(miner);
        return drivers.compute(miner.id(), (id, current) -> {
            if (current != null && current.address().equals(miner.address()) && current.credentials().equals(wanted)) {
                return current;
            }
            if (current != null) {
                current.close();
            }
            return new Drivers(miner.address(), wanted, web.open(miner.address(), wanted), rpc.open(miner.address(), wanted));
        });
    }

    @Override
    public void close() {
        drivers.values().forEach(Drivers::close);
        drivers.clear();
    }
}
