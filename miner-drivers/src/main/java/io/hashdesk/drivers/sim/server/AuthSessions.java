package io.hashdesk.drivers.sim.server;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One miner's unlock sessions: {@code POST /unlock} with the right password hands out a 32-character token; wrong
 * passwords count up and, after too many in a row, unlocking is refused (429) for a while, right password or not.
 * Tokens last until the miner reboots or the caller locks; they are accepted as {@code Authorization: Bearer <t>}
 * or as the raw token, as real clients send both.
 */
final class AuthSessions {

    private static final String TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int TOKEN_LENGTH = 32;
    private static final String BEARER = "bearer ";

    private final int maxBadAttempts;
    private final Duration lockout;
    private final Set<String> tokens = new HashSet<>();
    private int badAttempts;
    private Instant lockedUntil = Instant.MIN;
    private int bootCount;

    /** The outcome of an unlock attempt. */
    sealed interface Unlock {
        record Granted(String token) implements Unlock {
        }

        record WrongPassword() implements Unlock {
        }

        /** Too many wrong passwords; try again after {@code retryAfter}. */
        record RateLimited(Duration retryAfter) implements Unlock {
        }
    }

    AuthSessions(int maxBadAttempts, Duration lockout) {
        this.maxBadAttempts = maxBadAttempts;
        this.lockout = lockout;
    }

    synchronized Unlock unlock(String offered, String password, Instant now) {
        if (now.isBefore(lockedUntil)) {
            return new Unlock.RateLimited(Duration.between(now, lockedUntil));
        }
        if (password.equals(offered)) {
            badAttempts = 0;
            String token = newToken();
            tokens.add(token);
            return new Unlock.Granted(token);
        }
        badAttempts++;
        if (badAttempts >= maxBadAttempts) {
            badAttempts = 0;
            lockedUntil = now.plus(lockout);
            return new Unlock.RateLimited(lockout);
        }
        return new Unlock.WrongPassword();
    }

    /** Whether the request's Authorization header carries a live token. */
    synchronized boolean authorized(Optional<String> authorization) {
        return token(authorization).filter(tokens::contains).isPresent();
    }

    /** Drops the caller's session ({@code POST /lock}). */
    synchronized void lock(Optional<String> authorization) {
        token(authorization).ifPresent(tokens::remove);
    }

    /** Drops every session but the caller's ({@code POST /lock/others}). */
    synchronized void lockOthers(Optional<String> authorization) {
        Optional<String> own = token(authorization).filter(tokens::contains);
        tokens.clear();
        own.ifPresent(tokens::add);
    }

    /** A rebooted miner forgets every session. */
    synchronized void onBoot(int currentBootCount) {
        if (currentBootCount != bootCount) {
            bootCount = currentBootCount;
            tokens.clear();
        }
    }

    private static Optional<String> token(Optional<String> authorization) {
        return authorization.map(String::strip).filter(value -> !value.isEmpty()).map(value ->
                value.toLowerCase(Locale.ROOT).startsWith(BEARER) ? value.substring(BEARER.length()).strip() : value);
    }

    private static String newToken() {
        StringBuilder token = new StringBuilder(TOKEN_LENGTH);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            token.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        return token.toString();
    }
}
