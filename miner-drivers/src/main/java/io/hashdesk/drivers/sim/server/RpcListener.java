package io.hashdesk.drivers.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashdesk.drivers.sim.Fault;
import io.hashdesk.drivers.sim.SimulatedMiner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One RPC exchange on a CGMiner-style port: read one command (JSON {@code {"command": ..., "parameter": ...}} or
 * plain {@code summary|param}), write one JSON reply followed by a NUL byte, close. Wire faults apply: a broken
 * reply has the BMMiner missing-comma defect, a truncated one stops halfway without the NUL.
 */
final class RpcListener {

    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    /** A plain-text command has no terminator; this much silence ends it. */
    private static final int PLAIN_TEXT_QUIET_MILLIS = 200;

    private RpcListener() {
    }

    static void serve(Socket socket, SimulatedMiner miner, Set<String> unanswered, Duration readTimeout)
            throws IOException {
        socket.setSoTimeout((int) readTimeout.toMillis());
        Optional<String> command = command(readRequest(socket));
        List<Fault> faults = miner.faults();
        faults.stream().filter(Fault.SlowReply.class::isInstance).map(Fault.SlowReply.class::cast).findFirst()
                .ifPresent(slow -> SimulatorServer.sleep(slow.delayMillis()));
        String reply = command.flatMap(c -> RpcReplies.reply(c, miner, unanswered)).orElse(null);
        if (command.isEmpty()) {
            reply = RpcReplies.reply("invalid", miner, Set.of()).orElseThrow();
        }
        if (reply == null) {
            return;
        }
        OutputStream out = socket.getOutputStream();
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        if (faults.stream().anyMatch(Fault.TruncatedBody.class::isInstance)) {
            out.write(bytes, 0, bytes.length / 2);
        } else {
            if (faults.stream().anyMatch(Fault.MalformedJson.class::isInstance)) {
                bytes = breakJson(reply).getBytes(StandardCharsets.UTF_8);
            }
            out.write(bytes);
            out.write(0);
        }
        out.flush();
    }

    /**
     * The defect pyasic repairs in BMMiner replies: two objects with no comma between them. A single-row reply has
     * no such boundary and gets an unrepairable missing comma between sections (see {@link Fault.MalformedJson}).
     */
    private static String breakJson(String reply) {
        int at = reply.indexOf("},{");
        if (at >= 0) {
            return reply.substring(0, at + 1) + reply.substring(at + 2);
        }
        return reply.replaceFirst("}],", "}]");
    }

    private static Optional<String> command(String request) {
        String text = request.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!text.startsWith("{")) {
            return Optional.of(text.split("\\|")[0]);
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            JsonNode command = node.get("command");
            return command != null && command.isTextual() ? Optional.of(command.textValue()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Reads until a JSON object closes, a plain-text line ends, the client stops sending, or the size limit. */
    private static String readRequest(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        ObjectEnd json = null;
        while (request.size() < MAX_REQUEST_BYTES) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException quiet) {
                break;
            }
            if (b == -1 || b == 0) {
                break;
            }
            request.write(b);
            if (request.size() == 1 && b != '{') {
                socket.setSoTimeout(Math.min(socket.getSoTimeout(), PLAIN_TEXT_QUIET_MILLIS));
            }
            if (json == null && b == '{') {
                json = new ObjectEnd();
            }
            if (json != null ? json.closedBy(b) : b == '\n') {
                break;
            }
        }
        return request.toString(StandardCharsets.UTF_8);
    }

    /** Tracks brace depth outside strings to see where a JSON object ends, without a terminator. */
    private static final class ObjectEnd {
        private int depth;
        private boolean inString;
        private boolean escaped;

        boolean closedBy(int b) {
            if (escaped) {
                escaped = false;
            } else if (b == '\\' && inString) {
                escaped = true;
            } else if (b == '"') {
                inString = !inString;
            } else if (!inString && b == '{') {
                depth++;
            } else if (!inString && b == '}') {
                depth--;
                return depth == 0;
            }
            return false;
        }
    }
}
