package io.hashdesk.core.store;

import io.hashdesk.core.action.ActionJournal;
import io.hashdesk.core.alert.AlertStore;
import io.hashdesk.core.credentials.CredentialVault;
import io.hashdesk.core.energy.EnergyStore;
import io.hashdesk.core.market.MarketStore;
import io.hashdesk.core.pool.PoolStore;
import io.hashdesk.core.profit.ProfitHistory;
import io.hashdesk.core.reco.RecommendationStore;

/**
 * The farm's database as a whole: its inventory, telemetry, room sensors, market data, pools, tariffs and profit history, opened and closed
 * together. Callers depend on this and the interfaces it hands out, never on the database behind them.
 */
public interface FarmStore extends AutoCloseable {

    MinerRegistry registry();

    TelemetryStore telemetry();

    /** Room sensors' and power meters' reads, rolled up and expired with the telemetry. */
    SensorStore sensors();

    /** Coin market snapshots and the market data providers' last replies. */
    MarketStore market();

    /** The farm's pools and each miner's pool plan. */
    PoolStore pools();

    /** Electricity tariffs and market price series. */
    EnergyStore energy();

    /** Each miner's profit day by day. */
    ProfitHistory profitHistory();

    /** Alerts raised from telemetry, and who acknowledged them. */
    AlertStore alerts();

    /** Miner passwords and other secrets, encrypted with a key kept outside the database. */
    CredentialVault credentials();

    /** Trained model versions, their training distributions, and which version of each type and scope is champion. */
    ModelVersionStore modelVersions();

    /** The action executor's write-ahead journal and the audit trail of every write to a miner. */
    ActionJournal actions();

    /** The recommendation engine's advice, the operator's feedback, measured outcomes and work orders. */
    RecommendationStore recommendations();

    @Override
    void close();
}
