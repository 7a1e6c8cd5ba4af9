package io.hashdesk.core.market;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.settings.JsonFileProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The coins Hashdesk knows, read from the bundled {@code coins.json}. Immutable; on loading every coin's halving
 * figures are checked against its subsidy schedule, merge-mining companions must exist and share the parent's
 * algorithm, and each coin's expected height on the catalog's date must lie between its last and next halving.
 */
public final class CoinCatalog {

    /** The bundled catalog, a resource beside this class. */
    public static final String RESOURCE = "coins.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

    private final List<Coin> coins;
    private final Map<String, Coin> bySymbol;

    private CoinCatalog(List<Coin> coins) {
        this.coins = List.copyOf(coins);
        Map<String, Coin> index = new LinkedHashMap<>();
        coins.forEach(c -> index.put(c.symbol(), c));
        this.bySymbol = Map.copyOf(index);
    }

    /** The catalog shipped with Hashdesk. A failure here is a packaging bug, reported as such. */
    public static CoinCatalog bundled() {
        try (InputStream in = CoinCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Bundled " + RESOURCE + " is missing from the build");
            }
            return of(JSON.readValue(in, CoinDocument.class));
        } catch (JsonProcessingException e) {
            String field = JsonFileProblem.field(e);
            throw new IllegalStateException("Bundled " + RESOURCE + (field.isEmpty() ? "" : " at " + field) + ": "
                    + JsonFileProblem.describe(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Bundled " + RESOURCE + " is unreadable", e);
        }
    }

    static CoinCatalog of(CoinDocument document) {
        Map<String, Coin> seen = new LinkedHashMap<>();
        for (Coin coin : document.coins()) {
            if (seen.putIfAbsent(coin.symbol(), coin) != null) {
                throw new IllegalArgumentException("coin " + coin.symbol() + " is listed twice");
            }
        }
        for (Coin coin : document.coins()) {
            checkAuxiliaries(coin, seen);
            checkHalvingsOnCatalogDate(coin, document.asOf().atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        return new CoinCatalog(document.coins());
    }

    /** Every coin, in catalog order. */
    public List<Coin> all() {
        return coins;
    }

    /** The coin with this ticker, in any case. */
    public Optional<Coin> bySymbol(String symbol) {
        return symbol == null ? Optional.empty()
                : Optional.ofNullable(bySymbol.get(symbol.strip().toUpperCase(Locale.ROOT)));
    }

    /** The coin with this ticker, or an error listing the known ones. */
    public Coin require(String symbol) {
        return bySymbol(symbol).orElseThrow(() -> new IllegalArgumentException("coin '" + symbol
                + "' is not in the catalog (known: " + String.join(", ", bySymbol.keySet().stream().sorted().toList())
                + ")"));
    }

    /** The coins this miner model can mine: those of its algorithm. */
    public List<Coin> mineableBy(MinerModel model) {
        return coins.stream().filter(c -> c.algorithm() == model.algorithm()).toList();
    }

    /** The miner models in {@code models} that can mine this coin. */
    public List<MinerModel> minersFor(String symbol, MinerModelCatalog models) {
        Coin coin = require(symbol);
        return models.all().stream().filter(m -> m.algorithm() == coin.algorithm()).toList();
    }

    /**
     * The coins earned together with this one from the same work: a parent's auxiliaries, or an auxiliary's parent
     * and that parent's other auxiliaries.
     */
    public List<Coin> mergeMinedWith(String symbol) {
        Coin coin = require(symbol);
        List<Coin> out = new ArrayList<>();
        coin.mergeMinedAuxiliaries().forEach(aux -> out.add(bySymbol.get(aux)));
        mergeMiningParent(symbol).ifPresent(parent -> {
            out.add(parent);
            parent.mergeMinedAuxiliaries().stream().filter(aux -> !aux.equals(coin.symbol()))
                    .forEach(aux -> out.add(bySymbol.get(aux)));
        });
        return List.copyOf(out);
    }

    /** The parent chain whose work also mines this coin (Dogecoin: Litecoin). */
    public Optional<Coin> mergeMiningParent(String symbol) {
        Coin coin = require(symbol);
        return coins.stream().filter(c -> c.mergeMinedAuxiliaries().contains(coin.symbol())).findFirst();
    }

    private static void checkAuxiliaries(Coin coin, Map<String, Coin> known) {
        for (String aux : coin.mergeMinedAuxiliaries()) {
            Coin auxiliary = known.get(aux);
            if (auxiliary == null) {
                throw new IllegalArgumentException("coin " + coin.symbol() + ": merge-mined auxiliary '" + aux
                        + "' is not in the catalog");
            }
            if (auxiliary.algorithm() != coin.algorithm()) {
                throw new IllegalArgumentException("coin " + coin.symbol() + ": merge-mined auxiliary " + aux
                        + " uses " + auxiliary.algorithm() + ", not " + coin.algorithm());
            }
            if (aux.equals(coin.symbol())) {
                throw new IllegalArgumentException("coin " + coin.symbol() + " lists itself as merge-mined auxiliary");
            }
        }
    }

    private static void checkHalvingsOnCatalogDate(Coin coin, Instant asOf) {
        long height = coin.estimatedHeightAt(asOf);
        ChainReference chain = coin.chain();
        boolean afterLast = height >= chain.lastHalvingHeight();
        boolean beforeNext = chain.nextHalvingHeight() == null || height < chain.nextHalvingHeight();
        if (!afterLast || !beforeNext) {
            throw new IllegalArgumentException("coin " + coin.symbol() + ": its expected height on the catalog date ("
                    + height + ") is not between chain.lastHalvingHeight " + chain.lastHalvingHeight()
                    + " and chain.nextHalvingHeight " + chain.nextHalvingHeight());
        }
    }
}
