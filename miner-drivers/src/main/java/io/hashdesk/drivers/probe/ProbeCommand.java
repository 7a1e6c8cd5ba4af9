package io.hashdesk.drivers.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerAccessException.Failure;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.drivers.api.DriverOptions;
import io.hashdesk.drivers.api.MalformedReplyException;
import io.hashdesk.drivers.api.MinerDriver;
import io.hashdesk.drivers.api.MinerDriverFactory;
import io.hashdesk.drivers.api.MinerIdentity;
import io.hashdesk.drivers.cgminer.CgminerRpcDrivers;
import io.hashdesk.drivers.vnish.VnishDrivers;
import java.io.PrintStream;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code probe <host[:port]>}: reads one miner and prints what Hashdesk makes of it (identity, normalised snapshot,
 * implausible values) as JSON, for technicians and support. Tries the Vnish web API, and when that is unreachable or
 * absent, the read-only CGMiner RPC. Contacts only the address it is given.
 */
public final class ProbeCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;
    static final int AUTH_FAILED = 4;
    static final int MALFORMED = 5;

    /** Failures after which the RPC may still answer: the web server is down, slow, or not Vnish's. */
    private static final Set<Failure> TRY_RPC = Set.of(Failure.UNREACHABLE, Failure.TIMEOUT, Failure.UNSUPPORTED);
    private static final int MAX_ID_LENGTH = 64;

    private final PrintStream out;
    private final PrintStream err;
    private final DriverOptions options;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    ProbeCommand(PrintStream out, PrintStream err, DriverOptions options) {
        this.out = out;
        this.err = err;
        this.options = options;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the probe, printing the JSON to {@code out} and diagnostics to {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System::getenv, DriverOptions.defaults());
    }

    static int run(String[] args, PrintStream out, PrintStream err, UnaryOperator<String> environment,
                   DriverOptions options) {
        ProbeArguments arguments;
        try {
            arguments = ProbeArguments.parse(args, environment);
        } catch (IllegalArgumentException e) {
            err.println("probe: " + e.getMessage());
            err.println(ProbeArguments.USAGE);
            return USAGE;
        }
        if (arguments.help()) {
            out.println(ProbeArguments.USAGE);
            return OK;
        }
        return new ProbeCommand(out, err, options).probe(arguments);
    }

    private int probe(ProbeArguments arguments) {
        MinerAddress address = arguments.address();
        MinerAccessException webFailure = null;
        if (!arguments.rpcOnly()) {
            try (VnishDrivers drivers = new VnishDrivers(options)) {
                return read(drivers, arguments, "vnish-http", null);
            } catch (MinerAccessException e) {
                if (!TRY_RPC.contains(e.failure())) {
                    return failed("web API", e);
                }
                err.println("probe: web API on port " + address.httpPort() + " failed (" + e.failure() + ": "
                        + e.getMessage() + "); trying the CGMiner RPC on port " + address.rpcPort());
                webFailure = e;
            }
        }
        try (CgminerRpcDrivers drivers = new CgminerRpcDrivers(options)) {
            return read(drivers, arguments, "cgminer-rpc", webFailure);
        } catch (MinerAccessException e) {
            return failed("CGMiner RPC", e);
        }
    }

    private int read(MinerDriverFactory drivers, ProbeArguments arguments, String source,
                     MinerAccessException webFailure) throws MinerAccessException {
        MinerAddress address = arguments.address();
        try (MinerDriver driver = drivers.open(address, arguments.credentials())) {
            MinerIdentity identity = driver.identify();
            TelemetrySnapshot snapshot = driver.readSnapshot(idFor(address));
            ObjectNode report = json.createObjectNode();
            report.put("source", source);
            report.set("address", json.valueToTree(address));
            report.set("identity", json.valueToTree(identity));
            report.put("catalogModel", identity.catalogModel(MinerModelCatalog.bundled())
                    .map(MinerModel::id).orElse(null));
            report.set("snapshot", json.valueToTree(snapshot));
            report.put("efficiencyJPerTh", snapshot.efficiencyJPerTh());
            report.set("problems", json.valueToTree(snapshot.problems()));
            if (webFailure != null) {
                report.put("webApiFailure", webFailure.failure() + ": " + webFailure.getMessage());
            }
            out.println(json.writeValueAsString(report));
            return OK;
        } catch (JsonProcessingException e) {
            // Our own records failed to serialise: a bug in this build, not something the miner did.
            throw new IllegalStateException("Could not write the probe report as JSON", e);
        }
    }

    private int failed(String interfaceName, MinerAccessException e) {
        err.println("probe: " + interfaceName + " failed (" + e.failure() + "): " + e.getMessage());
        if (e instanceof MalformedReplyException malformed) {
            err.println("probe: offending field: " + malformed.fieldPath());
        }
        return switch (e.failure()) {
            case UNREACHABLE, TIMEOUT -> UNREACHABLE;
            case AUTH_FAILED -> AUTH_FAILED;
            case MALFORMED_REPLY -> MALFORMED;
            case UNSUPPORTED, REJECTED, RATE_LIMITED -> FAILED;
        };
    }

    /** The snapshot's miner id: the host, or a fixed name for host names too long to be an id. */
    private static MinerId idFor(MinerAddress address) {
        return MinerId.of(address.host().length() <= MAX_ID_LENGTH ? address.host() : "probe");
    }
}
