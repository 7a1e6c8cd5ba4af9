package io.hashdesk.drivers.sim.server;

/**
 * How a successful write with nothing to say answers: with no body, as the firmware does, or {@code {}} for clients
 * that insist on JSON ({@link ServerOptions#emptyControlReplies()}).
 */
record ControlReplies(boolean empty) {

    HttpResponse done() {
        return empty ? HttpResponse.empty(200) : HttpResponse.json(200, "{}");
    }
}
