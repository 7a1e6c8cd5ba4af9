package io.hashdesk.drivers.discovery;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerDriver;
import io.hashdesk.drivers.api.MinerDriverFactory;
import io.hashdesk.drivers.api.MinerIdentity;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identifies the miner at a target through a driver: the Vnish web API ({@code /info}, no password needed) or the
 * CGMiner RPC. Whatever fails to answer like a miner is "nothing here"; only a miner that answers counts.
 */
public final class DriverProbe implements MinerProbe {

    private static final Logger LOG = LoggerFactory.getLogger(DriverProbe.class);

    private final MinerDriverFactory drivers;
    private final DiscoveredMiner.Channel channel;

    public DriverProbe(MinerDriverFactory drivers, DiscoveredMiner.Channel channel) {
        this.drivers = drivers;
        this.channel = channel;
    }

    /** The web API first, then the RPC port, as the scan should try them. */
    public static MinerProbe webThenRpc(MinerDriverFactory web, MinerDriverFactory rpc) {
        return new DriverProbe(web, DiscoveredMiner.Channel.WEB_API).orElse(new DriverProbe(rpc, DiscoveredMiner.Channel.RPC));
    }

    @Override
    public Optional<DiscoveredMiner> probe(DiscoveryTarget target) {
        // identification reads only unauthenticated routes, so no real password is sent to an unknown host
        try (MinerDriver driver = drivers.open(target.address(), MinerCredentials.vnishDefault())) {
            MinerIdentity identity = driver.identify();
            String firmware = identity.firmwareName() == null ? "" : identity.firmwareName()
                    + (identity.firmwareVersion() == null ? "" : " " + identity.firmwareVersion());
            return Optional.of(new DiscoveredMiner(target.address(), channel, identity.modelName(), firmware,
                    identity.macAddress(), identity.hostname()));
        } catch (MinerAccessException e) {
            LOG.debug("No {} miner at {}: {}", channel, target.host(), e.getMessage());
            return Optional.empty();
        }
    }
}
