package io.hashdesk.core.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads Prohashing's {@code /api/v1/wallet} reply ({@code {"status":"success","data":{"balances":{"Bitcoin":
 * {"abbreviation":"BTC","balance":…,"unpaid":…,"paid24h":…}}}}}) and {@code /api/v1/walletEx} reply
 * ({@code {"status":"success","data":{"miners":[{"ID":…,"coin":…,"algo":…,"accepted":…}]}}}). An API error comes
 * as {@code {"status":"error","code":400,"message":…}} with HTTP 200.
 */
final class ProhashingReplies {

    private ProhashingReplies() {
    }

    /** The pool's own error in a reply, e.g. "code 400: Invalid API key"; empty when the reply is a success. */
    static Optional<String> apiError(String body) throws ReplyFormatException {
        JsonNode root = ReplyJson.object(body);
        String status = ReplyJson.text(root, "status", "").orElse("");
        if (status.equals("success")) {
            return Optional.empty();
        }
        String code = ReplyJson.text(root, "code", "").orElse("?");
        String message = ReplyJson.text(root, "message", "").orElse("no message");
        return Optional.of("the pool refused the request (status '" + status + "', code " + code + ": " + message
                + ")");
    }

    static PoolEarnings earnings(String pool, String walletBody, String walletExBody, Instant at)
            throws ReplyFormatException {
        JsonNode walletData = ReplyJson.requireObject(ReplyJson.object(walletBody), "data", "wallet: ");
        List<PoolEarnings.CoinEarnings> coins = coins(ReplyJson.requireObject(walletData, "balances",
                "wallet: data."));
        JsonNode data = ReplyJson.requireObject(ReplyJson.object(walletExBody), "data", "walletEx: ");
        JsonNode miners = data.get("miners");
        if (miners == null || !miners.isArray()) {
            throw new ReplyFormatException("walletEx: data.miners should be an array");
        }
        return new PoolEarnings(pool, at, coins, workers(miners, coins));
    }

    private static List<PoolEarnings.CoinEarnings> coins(JsonNode balances) throws ReplyFormatException {
        List<PoolEarnings.CoinEarnings> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : balances.properties()) {
            String where = "wallet: data.balances." + e.getKey() + ".";
            if (!e.getValue().isObject()) {
                throw new ReplyFormatException(where.substring(0, where.length() - 1) + " should be an object");
            }
            JsonNode coin = e.getValue();
            String symbol = ReplyJson.text(coin, "abbreviation", where)
                    .orElseThrow(() -> new ReplyFormatException(where + "abbreviation is missing"));
            double balance = amount(coin, "balance", where)
                    .orElseThrow(() -> new ReplyFormatException(where + "balance is missing"));
            out.add(new PoolEarnings.CoinEarnings(ReplyJson.text(coin, "name", where).orElse(e.getKey()), symbol,
                    balance, boxed(amount(coin, "unpaid", where)), boxed(amount(coin, "paid24h", where))));
        }
        return out;
    }

    private static List<PoolEarnings.WorkerEarnings> workers(JsonNode miners, List<PoolEarnings.CoinEarnings> coins)
            throws ReplyFormatException {
        record Worker(String id, String coin, String algo, double acceptedHps) {
        }
        List<Worker> workers = new ArrayList<>();
        Map<String, Double> acceptedPerCoin = new HashMap<>();
        for (int i = 0; i < miners.size(); i++) {
            JsonNode miner = miners.get(i);
            String where = "walletEx: data.miners[" + i + "].";
            if (!miner.isObject()) {
                throw new ReplyFormatException(where.substring(0, where.length() - 1) + " should be an object");
            }
            String id = ReplyJson.text(miner, "ID", where)
                    .orElseThrow(() -> new ReplyFormatException(where + "ID is missing"));
            String coin = ReplyJson.text(miner, "coin", where).orElse(null);
            double accepted = amount(miner, "accepted", where).orElse(0);
            workers.add(new Worker(id, coin, ReplyJson.text(miner, "algo", where).orElse(null), accepted));
            if (coin != null) {
                acceptedPerCoin.merge(key(coin), accepted, Double::sum);
            }
        }
        List<PoolEarnings.WorkerEarnings> out = new ArrayList<>();
        for (Worker w : workers) {
            Double estimate = null;
            if (w.coin() != null && acceptedPerCoin.get(key(w.coin())) > 0) {
                Double paid24h = coins.stream().filter(c -> key(c.coinName()).equals(key(w.coin()))
                        || key(c.symbol()).equals(key(w.coin()))).findFirst()
                        .map(PoolEarnings.CoinEarnings::paid24hCoins).orElse(null);
                estimate = paid24h == null ? null : paid24h * w.acceptedHps() / acceptedPerCoin.get(key(w.coin()));
            }
            out.add(new PoolEarnings.WorkerEarnings(w.id(), w.coin(), w.algo(), w.acceptedHps(), estimate));
        }
        return out;
    }

    /** A non-negative amount; a negative one means the reply is broken. */
    private static OptionalDouble amount(JsonNode node, String field, String where) throws ReplyFormatException {
        OptionalDouble value = ReplyJson.number(node, field, where);
        if (value.isPresent() && value.getAsDouble() < 0) {
            throw new ReplyFormatException(where + field + " is negative (" + value.getAsDouble() + ")");
        }
        return value;
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
