package io.hashdesk.drivers.cgminer;

import io.hashdesk.drivers.api.MalformedReplyException;
import io.hashdesk.drivers.api.PoolSetting;
import io.hashdesk.drivers.api.ReplyNode;
import io.hashdesk.drivers.api.ReportedValues;
import java.util.List;

/**
 * The pool a miner works on and the share counts of the operator's pools, from RPC {@code POOLS[]}
 * (vnish-api.md §8.4). The dev-fee row ({@code "URL":"DevFee"}, {@code Type 1}) is left out of both.
 */
record RpcPools(String activeUrl, Long accepted, Long rejected) {

    static final RpcPools NONE = new RpcPools(null, null, null);
    private static final long DEV_FEE_TYPE = 1;

    static RpcPools of(List<ReplyNode> pools) throws MalformedReplyException {
        String active = null;
        String alive = null;
        long bestPriority = Long.MAX_VALUE;
        Long accepted = null;
        Long rejected = null;
        for (ReplyNode pool : pools) {
            pool.requireObject();
            String url = pool.optionalLenientText("URL");
            Long type = pool.optionalLenientLong("Type");
            if ((type != null && type == DEV_FEE_TYPE) || "DevFee".equalsIgnoreCase(url)
                    || "DevFee".equalsIgnoreCase(pool.optionalLenientText("User"))) {
                continue;
            }
            accepted = ReportedValues.plus(accepted, pool.optionalLenientLong("Accepted"));
            rejected = ReportedValues.plus(rejected, pool.optionalLenientLong("Rejected"));
            if (url == null || url.isBlank() || !"Alive".equalsIgnoreCase(pool.optionalLenientText("Status"))) {
                continue;
            }
            if (active == null && "true".equalsIgnoreCase(pool.optionalLenientText("Stratum Active"))) {
                active = PoolSetting.withoutCredentials(url);
            }
            Long priority = pool.optionalLenientLong("Priority");
            long rank = priority == null ? Long.MAX_VALUE - 1 : priority;
            if (alive == null || rank < bestPriority) {
                alive = PoolSetting.withoutCredentials(url);
                bestPriority = rank;
            }
        }
        return new RpcPools(active != null ? active : alive, accepted, rejected);
    }
}
