package io.hashdesk.drivers.probe;

import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.drivers.api.MinerCredentials;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The probe's command line: {@code [probe] <host[:port]> [--rpc-port N] [--password-env VAR] [--rpc-only]}. The
 * password is never taken from the command line (it would show in the process list and shell history), only from the
 * named environment variable; without one, Vnish's factory password is tried.
 */
record ProbeArguments(MinerAddress address, MinerCredentials credentials, boolean rpcOnly, boolean help) {

    static final String USAGE = """
            usage: probe <host[:port]> [--rpc-port N] [--password-env VAR] [--rpc-only]
              host[:port]         the miner; port is its web API port (default 80); IPv6 as [addr]:port
              --rpc-port N        its CGMiner RPC port (default 4028)
              --password-env VAR  read the web password from environment variable VAR (default: Vnish's "admin")
              --rpc-only          read only the read-only CGMiner RPC, not the web API
            exit codes: 0 ok, 1 other failure, 2 usage, 3 unreachable or timed out, 4 credentials refused,
                        5 reply not understood""";

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:%-]{1,253}");

    /**
     * @param environment looks up environment variables (the real environment, or a map in tests)
     * @throws IllegalArgumentException with a sentence for the user when the arguments are wrong
     */
    static ProbeArguments parse(String[] args, UnaryOperator<String> environment) {
        String target = null;
        Integer rpcPort = null;
        String passwordVariable = null;
        boolean rpcOnly = false;
        int start = args.length > 0 && args[0].equals("probe") ? 1 : 0;
        for (int i = start; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> {
                    return new ProbeArguments(null, null, false, true);
                }
                case "--rpc-only" -> rpcOnly = true;
                case "--rpc-port" -> rpcPort = port(valueAfter(args, ++i, arg), arg);
                case "--password-env" -> passwordVariable = valueAfter(args, ++i, arg);
                default -> {
                    if (arg.startsWith("-") || target != null) {
                        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                    }
                    target = arg;
                }
            }
        }
        if (target == null) {
            throw new IllegalArgumentException("no miner given");
        }
        MinerCredentials credentials = MinerCredentials.vnishDefault();
        if (passwordVariable != null) {
            String password = environment.apply(passwordVariable);
            if (password == null) {
                throw new IllegalArgumentException("environment variable " + passwordVariable + " is not set");
            }
            credentials = MinerCredentials.of(password);
        }
        return new ProbeArguments(address(target, rpcPort == null ? MinerAddress.DEFAULT_RPC_PORT : rpcPort),
                credentials, rpcOnly, false);
    }

    /** {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 address. */
    private static MinerAddress address(String target, int rpcPort) {
        String host = target;
        int httpPort = MinerAddress.DEFAULT_HTTP_PORT;
        if (target.startsWith("[")) {
            int close = target.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in '" + target + "'");
            }
            host = target.substring(1, close);
            String rest = target.substring(close + 1);
            if (rest.startsWith(":")) {
                httpPort = port(rest.substring(1), "the port after " + host);
            } else if (!rest.isEmpty()) {
                throw new IllegalArgumentException("unexpected '" + rest + "' after [" + host + "]");
            }
        } else if (target.indexOf(':') >= 0 && target.indexOf(':') == target.lastIndexOf(':')) {
            host = target.substring(0, target.indexOf(':'));
            httpPort = port(target.substring(target.indexOf(':') + 1), "the port after " + host);
        }
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("'" + host + "' is not a host name or IP address");
        }
        return new MinerAddress(host, httpPort, rpcPort);
    }

    private static String valueAfter(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int port(String text, String what) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below with the same sentence as an out-of-range number.
        }
        throw new IllegalArgumentException(what + " must be a port number 1–65535, got '" + text + "'");
    }
}
