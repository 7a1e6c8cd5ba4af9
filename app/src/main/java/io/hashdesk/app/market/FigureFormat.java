package io.hashdesk.app.market;

import io.hashdesk.core.market.MarketSnapshot;
import java.time.Duration;
import java.util.Locale;

/** How market and energy figures read on this screen: magnitudes with SI prefixes, ages in words, sources named. */
final class FigureFormat {

    private static final String[] PREFIXES = {"", "k", "M", "G", "T", "P", "E", "Z"};

    private FigureFormat() {
    }

    /** US dollars with as many decimals as a coin's price needs: $97,250 · $412.30 · $0.1523. */
    static String usd(double value) {
        if (value >= 1_000) {
            return String.format(Locale.ROOT, "$%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 1 ? "$%,.2f" : "$%.4f", value);
    }

    /** A large number with an SI prefix and three significant digits: 126.3 T, 27.9 M. */
    static String si(double value, String unit) {
        int power = 0;
        double scaled = value;
        while (Math.abs(scaled) >= 1_000 && power < PREFIXES.length - 1) {
            scaled /= 1_000;
            power++;
        }
        String number = String.format(Locale.ROOT, Math.abs(scaled) >= 100 ? "%.0f" : Math.abs(scaled) >= 10
                ? "%.1f" : "%.2f", scaled);
        String suffix = PREFIXES[power] + unit;
        return suffix.isEmpty() ? number : number + " " + suffix;
    }

    /** Coins with up to 8 decimals and no trailing zeros: 3.125 BTC, 0.0214 BTC. */
    static String coins(double value, String symbol) {
        String text = String.format(Locale.ROOT, "%,.8f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
        return text + " " + symbol;
    }

    /** A price per kWh with four decimals, as bills print it. */
    static String perKwh(double value, String currency) {
        return String.format(Locale.ROOT, "%.4f %s/kWh", value, currency);
    }

    /** An age in the largest sensible unit: "just now", "12 min", "3 h", "5 days". */
    static String age(Duration age) {
        long minutes = age.toMinutes();
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 120) {
            return minutes + " min ago";
        }
        long hours = age.toHours();
        return hours < 48 ? hours + " h ago" : age.toDays() + " days ago";
    }

    /** A snapshot source as the operator reads it: "typed in", "CSV prices.csv", "coingecko". */
    static String source(String source) {
        if (MarketSnapshot.MANUAL.equals(source)) {
            return "typed in";
        }
        if (source.startsWith(MarketSnapshot.CSV_PREFIX)) {
            return "CSV " + source.substring(MarketSnapshot.CSV_PREFIX.length());
        }
        return source;
    }
}
