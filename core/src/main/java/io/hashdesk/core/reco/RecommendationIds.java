package io.hashdesk.core.reco;

import io.hashdesk.core.action.PoolTarget;
import io.hashdesk.core.action.SettingChange;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.MinerId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Stable recommendation ids: the same advice on the same miners gets the same id on every pass, so a re-run updates
 * the stored one (and its feedback still applies) instead of adding a duplicate. Every advisor makes its ids here.
 */
public final class RecommendationIds {

    /** 16 hex digits: collisions among a farm's recommendations are out of reach, and the id stays readable. */
    private static final int HEX_DIGITS = 16;

    private RecommendationIds() {
    }

    /**
     * An id for setting changes: the type, and each miner with what it runs and what it should run (so the same
     * target on a miner that has since moved is new advice).
     */
    public static String forChanges(RecommendationType type, Collection<SettingChange> changes) {
        String key = changes.stream()
                .sorted((a, b) -> a.miner().compareTo(b.miner()))
                .map(c -> c.miner().value() + ":" + canonical(c.from()) + ">" + canonical(c.to()))
                .collect(Collectors.joining(";"));
        return id(type, key);
    }

    /**
     * An id for advice that changes nothing (or not only settings): the type, the miners (order does not matter)
     * and what it is about, e.g. {@code clean}, {@code FAN}, {@code firmware-drift}.
     */
    public static String forAdvice(RecommendationType type, Collection<MinerId> miners, String subject) {
        String key = miners.stream().map(MinerId::value).sorted().collect(Collectors.joining(",")) + "|" + subject;
        return id(type, key);
    }

    /**
     * An id for advice about something other than a set of miners: a model pair (upgrade), a target and a pool
     * (switching), a risk's key.
     */
    public static String forSubject(RecommendationType type, String... parts) {
        return id(type, String.join("|", parts));
    }

    private static String id(RecommendationType type, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((type + "|" + key)
                    .getBytes(StandardCharsets.UTF_8));
            return type.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
                    + HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Every part in a fixed order; pool passwords never take part (they are not advice). */
    private static String canonical(SettingValues v) {
        List<PoolTarget> pools = v.pools();
        String poolKey = pools == null ? "" : pools.stream().map(p -> p.url() + "#" + p.user())
                .collect(Collectors.joining("+"));
        return String.join("/", String.valueOf(v.preset()), String.valueOf(v.powerTargetWatts()),
                String.valueOf(v.frequencyMhz()), String.valueOf(v.voltageVolts()), String.valueOf(v.targetTempC()),
                String.valueOf(v.fanMinDutyPercent()), String.valueOf(v.throttlePercent()),
                String.valueOf(v.miningPaused()), poolKey);
    }
}
