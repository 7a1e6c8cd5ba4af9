package io.hashdesk.drivers.discovery;

/** Receives a scan's progress; called from scanning threads, so implementations hand work to their own thread. */
public interface ScanProgress {

    /** After each address: how many of the total are done and how many miners were found so far. */
    void scanned(int done, int total, int found);

    /** Each miner as it is found. */
    void found(DiscoveredMiner miner);

    /** Ignores everything; for callers that only want the result. */
    ScanProgress NONE = new ScanProgress() {
        @Override
        public void scanned(int done, int total, int found) {
            // nothing to report to
        }

        @Override
        public void found(DiscoveredMiner miner) {
            // nothing to report to
        }
    };
}
