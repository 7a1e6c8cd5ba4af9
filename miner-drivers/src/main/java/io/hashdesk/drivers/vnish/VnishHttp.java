package io.hashdesk.drivers.vnish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.drivers.api.Deadline;
import io.hashdesk.drivers.api.DriverOptions;
import io.hashdesk.drivers.api.MalformedReplyException;
import io.hashdesk.drivers.api.MinerAuthException;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerOperation;
import io.hashdesk.drivers.api.MinerRateLimitedException;
import io.hashdesk.drivers.api.MinerRejectedException;
import io.hashdesk.drivers.api.MinerTimeoutException;
import io.hashdesk.drivers.api.MinerUnreachableException;
import io.hashdesk.drivers.api.OperationNotSupportedException;
import io.hashdesk.drivers.api.ReplyNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP conversation with one miner's {@code /api/v1}: the unlock token and its renewal (vnish-api.md §2), time
 * and size bounds on every request, and HTTP failures turned into the driver exception family. Knows nothing of what
 * the replies mean.
 */
final class VnishHttp {

    /** Whether a route needs the unlock token (vnish-api.md §2.3). */
    enum Access { OPEN, AUTHENTICATED }

    private static final Logger LOG = LoggerFactory.getLogger(VnishHttp.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final MediaType BINARY = MediaType.get("application/octet-stream");
    /** When a 429 does not say how long to wait, a minute keeps us clear of a typical unlock lock-out. */
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofMinutes(1);
    /** Tokens seen are 32 alphanumerics; anything unprintable would be an invalid header (and a corrupt reply). */
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{1,512}");
    private static final int MAX_ERROR_TEXT = 200;
    static final String RESTORE_ROUTE = "/settings/restore";

    /** The token and the Authorization form the miner accepts; {@code toString} hides the token. */
    private record Session(String token, boolean rawForm) {
        String header() {
            return rawForm ? token : "Bearer " + token;
        }

        @Override
        public String toString() {
            return "Session[rawForm=" + rawForm + "]";
        }
    }

    /** A complete, size-checked answer. */
    private record HttpReply(int code, byte[] body, String retryAfter) {
    }

    private final OkHttpClient client;
    private final MinerAddress address;
    private final MinerCredentials credentials;
    private final DriverOptions options;
    private final HttpUrl base;
    private final SlotPools slots;
    private final ReentrantLock sessionLock = new ReentrantLock();
    private volatile Session session;
    /** The last request got no answer: the next ones take their slots from the pool kept for such miners. */
    private volatile boolean lastUnanswered;

    /**
     * @param slots permits shared by every driver of one factory, bounding the requests open at once (OkHttp's
     *              dispatcher limits only asynchronous calls, and drivers call synchronously)
     */
    VnishHttp(OkHttpClient client, MinerAddress address, MinerCredentials credentials, DriverOptions options,
              SlotPools slots) {
        this.client = client;
        this.slots = slots;
        this.address = address;
        this.credentials = credentials;
        this.options = options;
        this.base = new HttpUrl.Builder().scheme("http").host(address.host()).port(address.httpPort())
                .addPathSegments("api/v1").build();
    }

    /** GET a JSON reply; {@code route} like {@code /summary}. */
    ReplyNode get(String route, MinerOperation operation, Access access, Deadline deadline)
            throws MinerAccessException {
        byte[] body = send(route, null, operation, access, deadline);
        return ReplyNode.parse(nameOf(route), body);
    }

    /** POST a JSON body (or none); an empty reply reads as an absent node, as Vnish answers many POSTs with nothing. */
    ReplyNode post(String route, JsonNode json, MinerOperation operation, Access access, Deadline deadline)
            throws MinerAccessException {
        JsonNode payload = json == null ? JsonNodeFactory.instance.objectNode() : json;
        byte[] body = send(route, RequestBody.create(payload.toString(), JSON), operation, access, deadline);
        return isBlank(body) ? ReplyNode.root(nameOf(route), null) : ReplyNode.parse(nameOf(route), body);
    }

    /** POST with no body and return the reply's raw bytes (the settings backup archive). */
    byte[] postForBytes(String route, MinerOperation operation, Deadline deadline) throws MinerAccessException {
        return send(route, RequestBody.create(new byte[0], null), operation, Access.AUTHENTICATED, deadline);
    }

    /** POST a multipart form with one file field, as {@code /settings/restore} wants it. */
    ReplyNode postFile(String route, String field, byte[] content, MinerOperation operation, Deadline deadline)
            throws MinerAccessException {
        RequestBody form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart(field, "settings-backup.tar.gz", RequestBody.create(content, BINARY)).build();
        byte[] body = send(route, form, operation, Access.AUTHENTICATED, deadline);
        return isBlank(body) ? ReplyNode.root(nameOf(route), null) : ReplyNode.parse(nameOf(route), body);
    }

    /** Forgets the token, so the next protected request unlocks again. */
    void forgetSession() {
        session = null;
    }

    private byte[] send(String route, RequestBody body, MinerOperation operation, Access access, Deadline deadline)
            throws MinerAccessException {
        HttpReply reply = access == Access.OPEN
                ? exchange(route, body, null, deadline)
                : authenticated(route, body, operation, deadline);
        if (reply.code() == 401 && access == Access.OPEN) {
            // A build that protects a route the spec lists as open: ask again with the token.
            reply = authenticated(route, body, operation, deadline);
        }
        return successBody(route, body, reply, operation);
    }

    private HttpReply authenticated(String route, RequestBody body, MinerOperation operation, Deadline deadline)
            throws MinerAccessException {
        Session current = session;
        if (current == null) {
            current = unlock(null, operation, deadline);
        }
        HttpReply reply = exchange(route, body, current.header(), deadline);
        if (reply.code() != 401) {
            return reply;
        }
        LOG.debug("{} {} answered 401; unlocking again", address.host(), route);
        current = unlock(current, operation, deadline);
        reply = exchange(route, body, current.header(), deadline);
        if (reply.code() != 401) {
            return reply;
        }
        // vnish-api.md §2.2: clients send both "Bearer <token>" and the raw token; no source says every build takes
        // both, so try the other form once before calling the credentials bad.
        Session otherForm = new Session(current.token(), !current.rawForm());
        reply = exchange(route, body, otherForm.header(), deadline);
        if (reply.code() != 401) {
            session = otherForm;
            return reply;
        }
        throw new MinerAuthException(where(route, body) + " refused a freshly unlocked token (HTTP 401)");
    }

    /**
     * Unlocks with the password. {@code stale} is the session that just failed; when another thread has already
     * replaced it, that newer session is used instead of unlocking twice (unlocking is rate-limited).
     */
    private Session unlock(Session stale, MinerOperation operation, Deadline deadline) throws MinerAccessException {
        lockSession(deadline);
        try {
            Session current = session;
            if (current != null && current != stale) {
                return current;
            }
            String pw = JsonNodeFactory.instance.objectNode().put("pw", credentials.webPassword()).toString();
            HttpReply reply = exchange("/unlock", RequestBody.create(pw, JSON), null, deadline);
            if (reply.code() == 403) {
                throw new MinerAuthException("POST " + base + "/unlock: the miner rejected the web password"
                        + " (HTTP 403)");
            }
            if (reply.code() == 429) {
                throw rateLimited("/unlock", reply);
            }
            byte[] body = successBody("/unlock", null, reply, operation);
            ReplyNode token = ReplyNode.parse("unlock", body).requireObject().field("token");
            if (!TOKEN.matcher(token.asText()).matches()) {
                throw token.problem("token is empty or holds characters a header cannot carry");
            }
            Session fresh = new Session(token.asText(), stale != null && stale.rawForm());
            session = fresh;
            return fresh;
        } finally {
            sessionLock.unlock();
        }
    }

    /** Waits for another thread's unlock to finish, but no longer than this call may take. */
    private void lockSession(Deadline deadline) throws MinerTimeoutException {
        String what = "unlocking " + address.host();
        try {
            if (!sessionLock.tryLock(deadline.requireTimeLeft(what).toNanos(), TimeUnit.NANOSECONDS)) {
                throw new MinerTimeoutException("Out of time waiting for another request's unlock of "
                        + address.host());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MinerTimeoutException("Interrupted while " + what, e);
        }
    }

    private HttpReply exchange(String route, RequestBody body, String authorization, Deadline deadline)
            throws MinerAccessException {
        String where = where(route, body);
        Duration budget = deadline.forRequest(options.requestTimeout(), where);
        Request.Builder request = new Request.Builder().url(base.newBuilder().addPathSegments(route.substring(1))
                .build());
        if (body != null) {
            request.post(body);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        long started = System.nanoTime();
        try (RequestSlots.Slot slot = acquireSlot(where, budget)) {
            Duration left = deadline.forRequest(budget, where);
            Call call = client.newCall(request.build());
            call.timeout().timeout(left.toNanos(), TimeUnit.NANOSECONDS);
            return execute(call, route, where, left, started);
        }
    }

    private HttpReply execute(Call call, String route, String where, Duration budget, long started)
            throws MinerAccessException {
        Response response;
        try {
            response = call.execute();
        } catch (InterruptedIOException e) {
            lastUnanswered = true;
            if (e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT)
                    .contains("connect")) {
                // Nothing took the connection: the host is down or absent, which is unreachable rather than slow.
                throw new MinerUnreachableException(where + ": no TCP connection: " + e.getMessage(), e);
            }
            throw new MinerTimeoutException(where + ": no answer within " + budget.toMillis() + " ms", e);
        } catch (IOException e) {
            lastUnanswered = true;
            if (Thread.currentThread().isInterrupted()) {
                // the socket was closed because the caller gave up waiting (the poller's deadline), not by the miner
                throw new MinerTimeoutException(where + ": given up by the caller after "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms", e);
            }
            throw new MinerUnreachableException(where + ": " + e.getMessage(), e);
        }
        try (response) {
            byte[] bytes = readBounded(response.body(), nameOf(route));
            lastUnanswered = false;
            LOG.debug("{} → HTTP {} ({} bytes, {} ms)", where, response.code(), bytes.length,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return new HttpReply(response.code(), bytes, response.header("Retry-After"));
        } catch (InterruptedIOException e) {
            lastUnanswered = true;
            throw new MinerTimeoutException(where + ": reply not complete within " + budget.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new MalformedReplyException(nameOf(route), "reply cut off: " + e.getMessage(), e);
        }
    }

    private RequestSlots.Slot acquireSlot(String where, Duration budget) throws MinerTimeoutException {
        try {
            RequestSlots.Slot slot = slots.forMiner(lastUnanswered).acquire(budget);
            if (slot == null) {
                throw new MinerTimeoutException(where + ": no free request slot within " + budget.toMillis()
                        + " ms (too many requests to miners in flight)");
            }
            return slot;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MinerTimeoutException(where + ": interrupted while waiting for a request slot", e);
        }
    }

    /** Reads the body, refusing (without reading on) one larger than the limit. */
    private byte[] readBounded(ResponseBody body, String name) throws IOException, MalformedReplyException {
        int limit = options.maxReplyBytes();
        long declared = body.contentLength();
        if (declared > limit) {
            throw new MalformedReplyException(name, "reply of " + declared
                    + " bytes is over the " + limit + "-byte limit");
        }
        BufferedSource source = body.source();
        if (source.request(limit + 1L)) {
            throw new MalformedReplyException(name, "reply is over the " + limit + "-byte limit");
        }
        return source.readByteArray();
    }

    private byte[] successBody(String route, RequestBody body, HttpReply reply, MinerOperation operation)
            throws MinerAccessException {
        int code = reply.code();
        if (code >= 200 && code < 300) {
            return reply.body();
        }
        String where = where(route, body);
        if (code == 401) {
            throw new MinerAuthException(where + " requires credentials the miner did not accept (HTTP 401)");
        }
        if (code == 404 || code == 405) {
            throw new OperationNotSupportedException(operation, where + ": this firmware has no such route (HTTP "
                    + code + ")");
        }
        if (code == 429) {
            throw rateLimited(route, reply);
        }
        if (code == 403 && RESTORE_ROUTE.equals(route)) {
            throw new MinerRejectedException(where + " was refused (HTTP 403): Vnish refuses a settings restore while"
                    + " the miner's warranty is active");
        }
        throw new MinerRejectedException(where + " answered HTTP " + code + errorText(reply.body()));
    }

    private MinerRateLimitedException rateLimited(String route, HttpReply reply) {
        Duration wait = DEFAULT_RETRY_AFTER;
        if (reply.retryAfter() != null && reply.retryAfter().strip().matches("\\d{1,6}")) {
            wait = Duration.ofSeconds(Long.parseLong(reply.retryAfter().strip()));
        } else {
            Long unlockTimeout = unlockTimeoutOf(reply.body());
            if (unlockTimeout != null && unlockTimeout > 0) {
                wait = Duration.ofSeconds(unlockTimeout);
            }
        }
        return new MinerRateLimitedException("POST " + base + route + ": too many attempts (HTTP 429); retry after "
                + wait.toSeconds() + " s", wait);
    }

    /** {@code AuthCheck.unlock_timeout}, probably seconds (vnish-api.md §2.1), when the 429 body has it. */
    private static Long unlockTimeoutOf(byte[] body) {
        try {
            Long seconds = ReplyNode.parse("unlock", body).optionalLong("unlock_timeout");
            return seconds != null && seconds <= Duration.ofDays(1).toSeconds() ? seconds : null;
        } catch (MalformedReplyException e) {
            return null;
        }
    }

    /** The firmware's {@code {"err": "..."}} text, shortened and stripped of control characters; empty if none. */
    private static String errorText(byte[] body) {
        if (isBlank(body)) {
            return "";
        }
        try {
            String err = ReplyNode.parse("error", body).optionalText("err");
            if (err == null || err.isBlank()) {
                return "";
            }
            String clean = err.replaceAll("\\p{Cntrl}", " ").strip();
            return ": " + (clean.length() > MAX_ERROR_TEXT ? clean.substring(0, MAX_ERROR_TEXT) + "…" : clean);
        } catch (MalformedReplyException e) {
            return "";
        }
    }

    private String where(String route, RequestBody body) {
        return (body == null ? "GET " : "POST ") + base + route;
    }

    private static String nameOf(String route) {
        return route.substring(1);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }
}
