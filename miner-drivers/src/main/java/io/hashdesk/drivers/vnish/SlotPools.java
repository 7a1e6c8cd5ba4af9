package io.hashdesk.drivers.vnish;

/**
 * The request slots of one driver factory, in two pools: one for miners that answer and one for miners whose last
 * request went unanswered (timed out, or found no TCP connection). Each pool lets a request that waits long hand its
 * slot on, but only after a while; a poll cycle starts with the miners that failed last time, and with one pool their
 * requests took every slot at once and held them until they straggled, so the answering miners sat idle for the
 * first second of the cycle (docs/BENCHMARKS.md). With their own pool, hung and dead miners wait among themselves.
 *
 * @param answering  requests to miners whose last request was answered (or that have not been asked yet)
 * @param unanswered requests to miners whose last request got no answer
 */
record SlotPools(RequestSlots answering, RequestSlots unanswered) implements AutoCloseable {

    /** The pool for a miner, by whether its last request went unanswered. */
    RequestSlots forMiner(boolean lastUnanswered) {
        return lastUnanswered ? unanswered : answering;
    }

    @Override
    public void close() {
        answering.close();
        unanswered.close();
    }
}
