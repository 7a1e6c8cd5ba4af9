package io.hashdesk.core.reco;

import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The thresholds of the economic advisors (schedule, coin and pool switching, upgrades, market risk). Defaults live in
 * {@code economic-advice-defaults.json} beside this class; an operator's {@value #OVERRIDES_FILE} in the data folder
 * overrides any subset of them, block by block and field by field.
 *
 * @param backtestWindow how much of the farm's own stored history a what-if replays (default 7 days)
 */
public record EconomicAdviceSettings(Schedule schedule, Switching switching, Upgrade upgrade, Risk risk,
                                     Duration backtestWindow) {

    /** The operator's overrides, in the data folder. */
    public static final String OVERRIDES_FILE = "economic-advice-settings.json";
    private static final String DEFAULTS = "economic-advice-defaults.json";
    /** The word an operator writes instead of a price to pause where each group stops earning its electricity. */
    public static final String BREAK_EVEN = "break-even";

    public EconomicAdviceSettings {
        Objects.requireNonNull(schedule, "schedule is missing");
        Objects.requireNonNull(switching, "switching is missing");
        Objects.requireNonNull(upgrade, "upgrade is missing");
        Objects.requireNonNull(risk, "risk is missing");
        positive(backtestWindow, "backtestWindow");
    }

    /**
     * The time-of-use plan and strike-price curtailment.
     *
     * @param interval                        the plan's step; a whole number of minutes dividing an hour (PT15M,
     *                                        PT30M, PT1H); default one hour, the usual day-ahead resolution
     * @param strikePrice                     price per kWh (tariff currency) above which miners pause, as a decimal,
     *                                        or {@code "break-even"} (default): each group's own break-even price
     * @param pauseAfterIntervalsAbove        pause after this many consecutive intervals above the strike (default 2)
     * @param resumeAfterIntervalsBelow       resume after this many consecutive intervals at or below it (default 2)
     * @param lookBack                        how far back the price series is replayed to know whether the farm is
     *                                        paused now (default 24 h); at least one interval
     * @param rampMaxKwPerRoomStep            a room's load changes by at most this many kW per ramp step (default 50)
     * @param rampStepSpacing                 time between ramp steps (default 5 min)
     * @param sitePowerCapKw                  the site's power cap in kW, or {@code null} for none (default none)
     * @param fallbackPriceUncertaintyPercent ± spread put on an interval priced by a market tariff's fallback, for
     *                                        want of a market price (default 25 %)
     */
    public record Schedule(Duration interval, String strikePrice, int pauseAfterIntervalsAbove,
                           int resumeAfterIntervalsBelow, Duration lookBack, double rampMaxKwPerRoomStep,
                           Duration rampStepSpacing, Double sitePowerCapKw, double fallbackPriceUncertaintyPercent) {

        public Schedule {
            if (interval == null || interval.toMinutes() < 1 || !interval.equals(Duration.ofMinutes(interval.toMinutes()))
                    || 60 % interval.toMinutes() != 0) {
                throw new IllegalArgumentException("schedule.interval must be a whole number of minutes dividing an hour"
                        + " (PT15M, PT30M, PT1H), got " + interval);
            }
            strikePrice = strikePrice == null ? null : strikePrice.strip();
            parseStrike(strikePrice);
            atLeast(pauseAfterIntervalsAbove, 1, "schedule.pauseAfterIntervalsAbove");
            atLeast(resumeAfterIntervalsBelow, 1, "schedule.resumeAfterIntervalsBelow");
            if (lookBack == null || lookBack.compareTo(interval) < 0) {
                throw new IllegalArgumentException("schedule.lookBack must be at least one interval (" + interval
                        + "), got " + lookBack);
            }
            positive(rampMaxKwPerRoomStep, "schedule.rampMaxKwPerRoomStep");
            positive(rampStepSpacing, "schedule.rampStepSpacing");
            if (sitePowerCapKw != null) {
                positive(sitePowerCapKw, "schedule.sitePowerCapKw (or null for no cap)");
            }
            percent(fallbackPriceUncertaintyPercent, "schedule.fallbackPriceUncertaintyPercent");
        }

        /** The fixed strike price per kWh, or empty for each group's break-even price. */
        public OptionalDouble strikePricePerKwh() {
            return parseStrike(strikePrice);
        }

        private static OptionalDouble parseStrike(String text) {
            if (BREAK_EVEN.equals(text)) {
                return OptionalDouble.empty();
            }
            try {
                double price = Double.parseDouble(Objects.requireNonNull(text));
                if (Double.isFinite(price)) {
                    return OptionalDouble.of(price);
                }
            } catch (NumberFormatException | NullPointerException e) {
                // falls through to the error below, which says what is accepted
            }
            throw new IllegalArgumentException("schedule.strikePrice must be a price per kWh such as \"0.12\" or \""
                    + BREAK_EVEN + "\", got " + (text == null ? "nothing" : "\"" + text + "\""));
        }
    }

    /**
     * Coin and pool switching.
     *
     * @param minimumGainPercent    a switch must raise the group's net revenue by at least this much (default 5 %);
     *                              switching back needs the same margin the other way, so it does not flap
     * @param checkInterval         profitability is judged at most once per this interval, on the market figures as
     *                              of its start, and a group that changed coin within it is left alone (default 6 h)
     * @param outlierMads           a coin's latest hashprice further than this many median absolute deviations from
     *                              its recent median is ignored as an outlier (default 5)
     * @param marketHistory         the recent market history the outlier check looks at (default 14 days)
     * @param switchingCostMinutes  revenue lost to a switch (reconnect, new difficulty, pool warm-up), in minutes of
     *                              the group's revenue (default 10)
     * @param switchingCostUsd      fixed cost per switch and miner, USD (default 0)
     * @param forecastHorizon       the gain must repay the switching cost within this horizon (default 1 day)
     * @param noForecastSpreadPercent ± spread put on revenue where no hashprice forecast exists (default 20 %)
     * @param poolMeasurementWindow how far back reject rates and pool URLs are measured (default 24 h)
     * @param devFeeLeakagePercent  share of a miner's hashing on URLs outside its pool plan above which it is
     *                              flagged (default 1 %)
     */
    public record Switching(double minimumGainPercent, Duration checkInterval, double outlierMads,
                            Duration marketHistory, double switchingCostMinutes, double switchingCostUsd,
                            Duration forecastHorizon, double noForecastSpreadPercent, Duration poolMeasurementWindow,
                            double devFeeLeakagePercent) {

        public Switching {
            percent(minimumGainPercent, "switching.minimumGainPercent");
            positive(checkInterval, "switching.checkInterval");
            positive(outlierMads, "switching.outlierMads");
            positive(marketHistory, "switching.marketHistory");
            notNegative(switchingCostMinutes, "switching.switchingCostMinutes");
            notNegative(switchingCostUsd, "switching.switchingCostUsd");
            positive(forecastHorizon, "switching.forecastHorizon");
            percent(noForecastSpreadPercent, "switching.noForecastSpreadPercent");
            positive(poolMeasurementWindow, "switching.poolMeasurementWindow");
            percent(devFeeLeakagePercent, "switching.devFeeLeakagePercent");
        }
    }

    /**
     * Replacing miners. Unit prices move weekly; the bundled ones are EXAMPLE prices for illustration only
     * ({@code pricesAreExamples} true), and advice built on them says so.
     *
     * @param pricesAsOf             the date the prices were taken
     * @param pricesAreExamples      true while the prices are the bundled examples rather than quotes
     * @param candidates             models one could buy, with their unit price in USD
     * @param resaleUsdByModel       what an old unit of each model fetches, USD; a model not listed counts as 0
     * @param maxPaybackDays         an upgrade that does not pay back within this many days is not advised (default
     *                               3 years)
     * @param ratingTolerancePercent ± spread on a new model's catalog figures (default 5 %)
     * @param trendWindow            telemetry history the degradation trend is fitted on (default 30 days)
     * @param minTrendDays           fewest days with data before a trend is fitted (default 7)
     */
    public record Upgrade(LocalDate pricesAsOf, boolean pricesAreExamples, List<Candidate> candidates,
                          Map<String, Double> resaleUsdByModel, int maxPaybackDays, double ratingTolerancePercent,
                          Duration trendWindow, int minTrendDays) {

        public Upgrade {
            Objects.requireNonNull(pricesAsOf, "upgrade.pricesAsOf is missing (the date the unit prices were taken)");
            candidates = List.copyOf(Objects.requireNonNull(candidates, "upgrade.candidates is missing (use [])"));
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < candidates.size(); i++) {
                if (candidates.get(i) == null) {
                    throw new IllegalArgumentException("upgrade.candidates[" + i + "] is empty");
                }
                if (!seen.add(candidates.get(i).modelId())) {
                    throw new IllegalArgumentException("upgrade.candidates[" + i + "]: model "
                            + candidates.get(i).modelId() + " is listed twice");
                }
            }
            resaleUsdByModel = Map.copyOf(Objects.requireNonNull(resaleUsdByModel,
                    "upgrade.resaleUsdByModel is missing (use {})"));
            resaleUsdByModel.forEach((model, usd) -> notNegative(usd == null ? Double.NaN : usd,
                    "upgrade.resaleUsdByModel." + model));
            atLeast(maxPaybackDays, 1, "upgrade.maxPaybackDays");
            percent(ratingTolerancePercent, "upgrade.ratingTolerancePercent");
            positive(trendWindow, "upgrade.trendWindow");
            atLeast(minTrendDays, 2, "upgrade.minTrendDays");
        }

        /** What an old unit of {@code modelId} fetches, USD. */
        public double resaleUsd(String modelId) {
            return resaleUsdByModel.getOrDefault(modelId, 0.0);
        }
    }

    /** A model one could buy and its unit price, USD. */
    public record Candidate(String modelId, double unitPriceUsd) {

        public Candidate {
            if (modelId == null || modelId.isBlank()) {
                throw new IllegalArgumentException("an upgrade candidate needs a modelId");
            }
            positive(unitPriceUsd, "upgrade candidate " + modelId + ": unitPriceUsd");
        }
    }

    /**
     * Market risk.
     *
     * @param marginNearBreakEvenPercent a group whose profit is below this share of its revenue is near break-even
     *                                   (default 15 %)
     * @param hashpriceStressDropPercent the hashprice drop profit is stress-tested at (default 25 %)
     * @param poolConcentrationShare     a pool carrying more than this share of a coin's hashrate as everyone's first
     *                                   choice is a concentration risk (default 0.8)
     */
    public record Risk(double marginNearBreakEvenPercent, double hashpriceStressDropPercent,
                       double poolConcentrationShare) {

        public Risk {
            percent(marginNearBreakEvenPercent, "risk.marginNearBreakEvenPercent");
            percent(hashpriceStressDropPercent, "risk.hashpriceStressDropPercent");
            if (!(poolConcentrationShare > 0 && poolConcentrationShare <= 1)) {
                throw new IllegalArgumentException("risk.poolConcentrationShare must be above 0 and at most 1, got "
                        + poolConcentrationShare);
            }
        }
    }

    public static EconomicAdviceSettings defaults() {
        return JsonSettings.defaults(EconomicAdviceSettings.class, DEFAULTS);
    }

    /** The defaults with the data folder's {@value #OVERRIDES_FILE} over them. */
    public static EconomicAdviceSettings inDataFolder(Path dataFolder) {
        return withOverrides(dataFolder.resolve(OVERRIDES_FILE));
    }

    public static EconomicAdviceSettings withOverrides(Path overridesFile) {
        return JsonSettings.withOverrides(EconomicAdviceSettings.class, DEFAULTS, overridesFile);
    }

    private static void atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }

    private static void positive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be more than 0, got " + value);
        }
    }

    private static void notNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be 0 or more, got " + value);
        }
    }

    private static void percent(double value, String name) {
        if (!(value >= 0 && value < 100)) {
            throw new IllegalArgumentException(name + " must be a percentage from 0 to below 100, got "
                    + String.format(Locale.ROOT, "%s", value));
        }
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration such as \"PT1H\", got " + value);
        }
    }
}
