package io.hashdesk.drivers.sim.server;

import io.hashdesk.drivers.sim.Fault;
import io.hashdesk.drivers.sim.SimulatedMiner;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two listening ports of one simulated miner (HTTP and, optionally, RPC). They are open while the miner is
 * reachable and closed — connections refused, open ones dropped — while it reboots or an unreachable fault is on;
 * reopened on the same port numbers. Each listener and each connection is a virtual thread.
 */
final class MinerPorts {

    private static final Logger LOG = LoggerFactory.getLogger(MinerPorts.class);
    private static final java.time.Duration ACCEPTOR_EXIT_WAIT = java.time.Duration.ofSeconds(2);

    private final SimulatedMiner miner;
    private final ServerOptions options;
    private final VnishApi api;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private int httpPort;
    private int rpcPort;
    private ServerSocket http;
    private ServerSocket rpc;
    private Thread httpAcceptor;
    private Thread rpcAcceptor;

    MinerPorts(SimulatedMiner miner, ServerOptions options, int httpPort, int rpcPort) {
        this.miner = miner;
        this.options = options;
        this.httpPort = httpPort;
        this.rpcPort = rpcPort;
        this.api = new VnishApi(miner, new AuthSessions(options.maxBadUnlocks(), options.unlockLockout()),
                options.emptyControlReplies());
    }

    synchronized MinerEndpoint endpoint() {
        return new MinerEndpoint(miner.id(), "127.0.0.1", httpPort, options.rpcEnabled() ? rpcPort : -1);
    }

    /**
     * Binds the ports once, so that their numbers are known even for a miner that starts unreachable, then
     * matches them to the miner's state.
     */
    synchronized void start() throws IOException {
        open();
        sync();
    }

    /** Opens or closes the ports to match whether the miner is reachable now. */
    synchronized void sync() throws IOException {
        boolean reachable = miner.reachable();
        if (reachable && http == null) {
            open();
        } else if (!reachable && http != null) {
            close();
        }
    }

    private void open() throws IOException {
        http = HttpListener.open(httpPort, options.backlog());
        httpPort = http.getLocalPort();
        if (options.rpcEnabled()) {
            try {
                rpc = HttpListener.open(rpcPort, options.backlog());
            } catch (IOException e) {
                HttpListener.closeQuietly(http);
                http = null;
                throw e;
            }
            rpcPort = rpc.getLocalPort();
            ServerSocket rpcSocket = rpc;
            rpcAcceptor = Thread.ofVirtual().name("sim-rpc-" + miner.id()).start(() -> acceptLoop(rpcSocket, false));
        }
        ServerSocket httpSocket = http;
        httpAcceptor = Thread.ofVirtual().name("sim-http-" + miner.id()).start(() -> acceptLoop(httpSocket, true));
    }

    synchronized void close() {
        if (http != null) {
            HttpListener.closeQuietly(http);
            http = null;
        }
        if (rpc != null) {
            HttpListener.closeQuietly(rpc);
            rpc = null;
        }
        connections.forEach(HttpListener::closeQuietly);
        connections.clear();
        // A socket closed while a virtual thread waits in accept() is released only when that thread wakes; until
        // then the kernel still completes handshakes. Waiting for the acceptors makes "closed" mean refused.
        awaitExit(httpAcceptor);
        awaitExit(rpcAcceptor);
        httpAcceptor = null;
        rpcAcceptor = null;
    }

    private static void awaitExit(Thread acceptor) {
        if (acceptor == null) {
            return;
        }
        try {
            acceptor.join(ACCEPTOR_EXIT_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop(ServerSocket server, boolean web) {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                LOG.warn("Simulated miner {} stopped accepting on port {}: {}", miner.id(), server.getLocalPort(),
                        e.getMessage());
                return;
            }
            if (!miner.reachable()) {
                HttpListener.closeQuietly(socket);
                continue;
            }
            connections.add(socket);
            Thread.ofVirtual().start(() -> serve(socket, web));
        }
    }

    private void serve(Socket socket, boolean web) {
        try {
            if (web) {
                HttpListener.serve(socket, options.idleTimeout(), this::answer);
            } else {
                RpcListener.serve(socket, miner, miner.rpcUnanswered(), options.rpcReadTimeout());
            }
        } catch (IOException e) {
            LOG.trace("Connection to simulated miner {} ended: {}", miner.id(), e.getMessage());
        } finally {
            connections.remove(socket);
            HttpListener.closeQuietly(socket);
        }
    }

    /** One web request: waits out a slow-reply fault, then answers unless the miner went away meanwhile. */
    private HttpResponse answer(HttpRequest request) {
        miner.faults().stream().filter(Fault.SlowReply.class::isInstance).map(Fault.SlowReply.class::cast)
                .findFirst().ifPresent(slow -> SimulatorServer.sleep(slow.delayMillis()));
        return miner.reachable() ? api.handle(request) : null;
    }
}
