package io.hashdesk.drivers.vnish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hashdesk.core.domain.MinerAccessException.Failure;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.drivers.api.MinerAuthException;
import io.hashdesk.drivers.api.MinerCredentials;
import io.hashdesk.drivers.api.MinerRateLimitedException;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The unlock flow of vnish-api.md §2: one unlock per miner, one renewal on 401, the raw-token fallback, 403, 429. */
class VnishAuthTest {

    private static final MinerId ID = MinerId.of("m1");

    private FakeVnish miner;
    private VnishDrivers drivers;

    @BeforeEach
    void start() throws Exception {
        miner = new FakeVnish("1.2.6");
        drivers = new VnishDrivers(TestOptions.fast());
    }

    @AfterEach
    void stop() {
        drivers.close();
        miner.close();
    }

    @Test
    void unlocksOnceAndReusesTheBearerToken() throws Exception {
        try (VnishDriver driver = drivers.open(miner.address(), MinerCredentials.of(FakeVnish.PASSWORD))) {
            driver.readSnapshot(ID);
            driver.readSnapshot(ID);
            driver.presets();
        }

        assertEquals(1, miner.unlockCount());
        List<RecordedRequest> summaries = miner.requests("GET /summary");
        assertEquals(2, summaries.size());
        summaries.forEach(r -> assertEquals("Bearer tok1OwpWakIHG7ZE7xg7MGd6uL6UWOMe",
                r.getHeaders().get("Authorization")));
        assertEquals("{\"pw\":\"" + FakeVnish.PASSWORD + "\"}", miner.lastBody("POST /unlock"));
    }

    @Test
    void unlocksAgainOnceWhenTheTokenExpires() throws Exception {
        try (VnishDriver driver = drivers.open(miner.address(), MinerCredentials.of(FakeVnish.PASSWORD))) {
            driver.readSnapshot(ID);
            miner.expireToken();

            driver.readSnapshot(ID);
        }

        assertEquals(2, miner.unlockCount());
        assertEquals(3, miner.requests("GET /summary").size(), "one refused, then one retried");
    }

    @Test
    void fallsBackToTheRawTokenWhenBearerIsRefused() throws Exception {
        miner.acceptTokenForms(false, true);
        try (VnishDriver driver = drivers.open(miner.address(), MinerCredentials.of(FakeVnish.PASSWORD))) {
            driver.readSnapshot(ID);
            driver.readSnapshot(ID);
        }

        List<RecordedRequest> summaries = miner.requests("GET /summary");
        assertEquals("tok1OwpWakIHG7ZE7xg7MGd6uL6UWOMe", summaries.getLast().getHeaders().get("Authorization"),
                "the form that worked is kept");
        assertEquals(4, summaries.size(), "bearer, bearer after re-unlock, raw; then raw straight away");
        assertEquals(2, miner.unlockCount());
    }

    @Test
    void refusedFreshTokenIsAnAuthFailureAfterOneRenewal() throws Exception {
        miner.acceptTokenForms(false, false);
        try (VnishDriver driver = drivers.open(miner.address(), MinerCredentials.of(FakeVnish.PASSWORD))) {
            MinerAuthException e = assertThrows(MinerAuthException.class, () -> driver.readSnapshot(ID));
            assertEquals(Failure.AUTH_FAILED, e.failure());
        }
        assertEquals(2, miner.unlockCount(), "no unlock storm: unlocking is rate-limited");
    }

    @Test
    void wrongPasswordIsAnAuthFailureThatDoesNotShowThePassword() throws Exception {
        String wrong = "wrong-Secret-42";
        try (VnishDriver driver = drivers.open(miner.address(), MinerCredentials.of(wrong))) {
            MinerAuthException e = assertThrows(MinerAuthException.class, driver::presets);
            assertFalse(e.getMessage().contains(wrong), e.getMessage());
            assertFalse(String.valueOf(driver).contains(wrong));
        }
        assertEquals(1, miner.unlockCount());
        assertFalse(MinerCredentials.of(wrong).toString().contains(wrong));
    }

    @Test
    void tooManyUnlockAttemptsGiveTheRetryHintFromRetryAfter() throws Exception {
        miner.answerUnlock(r -> new MockResponse.Builder().code(429).setHeader("Retry-After", "90")
                .body("{\"unlock_timeout\":30}").build());
        try (VnishDriver driver = drivers.open(miner.address(), MinerCredentials.of(FakeVnish.PASSWORD))) {
            MinerRateLimitedException e = assertThrows(MinerRateLimitedException.class, () -> driver.readSnapshot(ID));
            assertEquals(Duration.ofSeconds(90), e.retryAfter());
        }
    }

    @Test
    void tooManyUnlockAttemptsFallBackToUnlockTimeoutForTheHint() throws Exception {
        miner.answerUnlock(r -> FakeVnish.jsonResponse(429, "{\"unlock_timeout\":30}"));
        try (VnishDriver driver = drivers.open(miner.address(), MinerCredentials.of(FakeVnish.PASSWORD))) {
            MinerRateLimitedException e = assertThrows(MinerRateLimitedException.class, driver::presets);
            assertEquals(Duration.ofSeconds(30), e.retryAfter());
        }
    }

    @Test
    void openRoutesNeedNoUnlock() throws Exception {
        try (VnishDriver driver = drivers.open(miner.address(), MinerCredentials.of("not-the-password"))) {
            assertEquals("Antminer S19", driver.identify().modelName());
            assertEquals(3, driver.capabilities().boardCount());
        }
        assertEquals(0, miner.unlockCount());
    }
}
