package io.hashdesk.drivers.cgminer;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.drivers.api.Deadline;
import io.hashdesk.drivers.api.DriverOptions;
import io.hashdesk.drivers.api.MalformedReplyException;
import io.hashdesk.drivers.api.MinerOperation;
import io.hashdesk.drivers.api.MinerRejectedException;
import io.hashdesk.drivers.api.MinerTimeoutException;
import io.hashdesk.drivers.api.MinerUnreachableException;
import io.hashdesk.drivers.api.OperationNotSupportedException;
import io.hashdesk.drivers.api.ReplyNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CGMiner-style RPC command over TCP (vnish-api.md §8.1): connect, send {@code {"command":"…"}}, read one reply
 * up to its NUL terminator or the end of the stream, repair known JSON defects, parse, and turn an error
 * {@code STATUS} into an exception. Every read is bounded by the call's deadline and by a size limit, so a server
 * that drips a byte at a time or sends endless data cannot hold the caller.
 */
final class RpcClient {

    private static final Logger LOG = LoggerFactory.getLogger(RpcClient.class);
    /** CGMiner's code for "Invalid command": the build does not know the command. */
    private static final long INVALID_COMMAND = 14;
    private static final int CHUNK = 8192;
    private static final int MAX_MESSAGE = 200;

    private final MinerAddress address;
    private final DriverOptions options;

    RpcClient(MinerAddress address, DriverOptions options) {
        this.address = address;
        this.options = options;
    }

    /**
     * Runs {@code command} and returns its checked reply.
     *
     * @throws OperationNotSupportedException when the build answers nothing or "Invalid command"
     */
    ReplyNode command(String command, MinerOperation operation, Deadline deadline) throws MinerAccessException {
        String where = "RPC '" + command + "' to " + address.host() + ":" + address.rpcPort();
        long started = System.nanoTime();
        byte[] raw = exchange(command, where, deadline);
        LOG.debug("{} → {} bytes in {} ms", where, raw.length, (System.nanoTime() - started) / 1_000_000);
        String text = RpcJsonRepair.repair(new String(raw, StandardCharsets.UTF_8));
        if (text.isEmpty()) {
            // Newer Vnish builds leave some commands (version, pools) unanswered (vnish-api.md §8.4, §8.5).
            throw new OperationNotSupportedException(operation, where + " was answered with nothing");
        }
        ReplyNode reply = ReplyNode.parse(command, text.getBytes(StandardCharsets.UTF_8)).requireObject();
        checkStatus(reply, where, operation);
        return reply;
    }

    private byte[] exchange(String command, String where, Deadline deadline) throws MinerAccessException {
        Duration budget = deadline.forRequest(options.requestTimeout(), where);
        long end = System.nanoTime() + budget.toNanos();
        try (Socket socket = new Socket(Proxy.NO_PROXY)) {
            connect(socket, where, budget);
            OutputStream out = socket.getOutputStream();
            out.write(("{\"command\":\"" + command + "\"}").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readReply(socket, end, where, command);
        } catch (SocketTimeoutException e) {
            throw new MinerTimeoutException(where + ": reply not complete within " + budget.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new MinerUnreachableException(where + ": connection lost: " + e.getMessage(), e);
        }
    }

    private void connect(Socket socket, String where, Duration budget) throws MinerUnreachableException {
        long connectMillis = Math.max(1, Math.min(options.connectTimeout().toMillis(), budget.toMillis()));
        try {
            socket.connect(new InetSocketAddress(address.host(), address.rpcPort()), (int) connectMillis);
        } catch (IOException e) {
            throw new MinerUnreachableException(where + ": cannot connect: " + e.getMessage(), e);
        }
    }

    /** Reads until the NUL that ends a CGMiner reply or the end of the stream, within the deadline and size limit. */
    private byte[] readReply(Socket socket, long endNanos, String where, String command)
            throws IOException, MinerAccessException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        while (true) {
            long leftMillis = (endNanos - System.nanoTime()) / 1_000_000;
            if (leftMillis < 1) {
                throw new MinerTimeoutException(where + ": reply not complete in time (" + reply.size()
                        + " bytes so far)");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMillis));
            int read = in.read(chunk);
            if (read < 0) {
                return reply.toByteArray();
            }
            int nul = indexOfNul(chunk, read);
            int keep = nul < 0 ? read : nul;
            if (reply.size() + keep > options.maxReplyBytes()) {
                throw new MalformedReplyException(command, "reply is over the " + options.maxReplyBytes()
                        + "-byte limit");
            }
            reply.write(chunk, 0, keep);
            if (nul >= 0) {
                return reply.toByteArray();
            }
        }
    }

    private static int indexOfNul(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code STATUS[0].STATUS}: S/I (and W) are answers; E/F are errors, "Invalid command" meaning unsupported. */
    private static void checkStatus(ReplyNode reply, String where, MinerOperation operation)
            throws MinerAccessException {
        List<ReplyNode> statuses = reply.array("STATUS");
        if (statuses.isEmpty()) {
            throw reply.field("STATUS").problem("empty status list");
        }
        ReplyNode status = statuses.getFirst().requireObject();
        String code = status.optionalLenientText("STATUS");
        if (code == null || !(code.equals("E") || code.equals("F"))) {
            return;
        }
        Long number = status.optionalLenientLong("Code");
        String message = status.optionalLenientText("Msg");
        String shown = message == null ? "" : message.replaceAll("\\p{Cntrl}", " ").strip();
        if (shown.length() > MAX_MESSAGE) {
            shown = shown.substring(0, MAX_MESSAGE) + "…";
        }
        if ((number != null && number == INVALID_COMMAND)
                || shown.toLowerCase(Locale.ROOT).contains("invalid command")) {
            throw new OperationNotSupportedException(operation, where + ": the miner does not know this command ("
                    + shown + ")");
        }
        throw new MinerRejectedException(where + " failed: " + code + " " + number + " " + shown);
    }
}
