package io.hashdesk.core.market;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.OptionalLong;

/**
 * How many new coins a block creates at a given height. Bitcoin-style coins halve on a fixed interval; Dogecoin has
 * paid a fixed 10,000 DOGE since height 600,000.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SubsidySchedule.Halving.class, name = "halving"),
        @JsonSubTypes.Type(value = SubsidySchedule.Fixed.class, name = "fixed")})
public sealed interface SubsidySchedule {

    /**
     * Every catalogued coin counts in 10⁻⁸ units (satoshi, litoshi, koinu). Bitcoin Core computes the subsidy in these
     * units with a right shift, so halvings are exact and the subsidy reaches zero after 33 halvings, not never.
     */
    long BASE_UNITS_PER_COIN = 100_000_000L;

    /**
     * The subsidy of the block at {@code height}, in coins.
     *
     * @throws IllegalArgumentException for a negative height or one the schedule does not model
     */
    double subsidyCoinsAt(long height);

    /** The height at which the subsidy last changed at or before {@code height}; empty before the first change. */
    OptionalLong lastChangeAtOrBefore(long height);

    /** The first height after {@code height} at which the subsidy changes; empty when it never changes again. */
    OptionalLong nextChangeAfter(long height);

    /**
     * Starts at {@code initialCoins} and halves every {@code intervalBlocks} blocks (Bitcoin: 50 and 210,000).
     */
    record Halving(double initialCoins, long intervalBlocks) implements SubsidySchedule {

        /** A right shift by 64 or more is undefined in C++ and Bitcoin Core returns 0 from there on. */
        private static final int MAX_HALVINGS = 64;

        public Halving {
            if (!(initialCoins > 0) || Double.isInfinite(initialCoins)) {
                throw new IllegalArgumentException("initialCoins must be a positive number, got " + initialCoins);
            }
            if (Math.rint(initialCoins * BASE_UNITS_PER_COIN) != initialCoins * BASE_UNITS_PER_COIN) {
                throw new IllegalArgumentException("initialCoins must be a whole number of 10⁻⁸ units, got "
                        + initialCoins);
            }
            if (intervalBlocks < 1) {
                throw new IllegalArgumentException("intervalBlocks must be at least 1, got " + intervalBlocks);
            }
        }

        @Override
        public double subsidyCoinsAt(long height) {
            long halvings = halvingsAt(height);
            if (halvings >= MAX_HALVINGS) {
                return 0;
            }
            long initialUnits = Math.round(initialCoins * BASE_UNITS_PER_COIN);
            return (double) (initialUnits >> halvings) / BASE_UNITS_PER_COIN;
        }

        @Override
        public OptionalLong lastChangeAtOrBefore(long height) {
            long halvings = halvingsAt(height);
            return halvings == 0 ? OptionalLong.empty() : OptionalLong.of(halvings * intervalBlocks);
        }

        @Override
        public OptionalLong nextChangeAfter(long height) {
            long next = (halvingsAt(height) + 1) * intervalBlocks;
            return subsidyCoinsAt(next) < subsidyCoinsAt(height) ? OptionalLong.of(next) : OptionalLong.empty();
        }

        private long halvingsAt(long height) {
            requireHeight(height);
            return height / intervalBlocks;
        }
    }

    /**
     * A constant {@code coins} per block from {@code fromHeight} on; earlier heights are not modelled (Dogecoin's
     * earlier rewards were random, then stepped down).
     */
    record Fixed(double coins, long fromHeight) implements SubsidySchedule {

        public Fixed {
            if (!(coins > 0) || Double.isInfinite(coins)) {
                throw new IllegalArgumentException("coins must be a positive number, got " + coins);
            }
            if (fromHeight < 0) {
                throw new IllegalArgumentException("fromHeight must not be negative, got " + fromHeight);
            }
        }

        @Override
        public double subsidyCoinsAt(long height) {
            requireHeight(height);
            if (height < fromHeight) {
                throw new IllegalArgumentException("the subsidy before height " + fromHeight
                        + " is not modelled (only the fixed " + coins + " coins from then on), asked for " + height);
            }
            return coins;
        }

        @Override
        public OptionalLong lastChangeAtOrBefore(long height) {
            requireHeight(height);
            return height >= fromHeight ? OptionalLong.of(fromHeight) : OptionalLong.empty();
        }

        @Override
        public OptionalLong nextChangeAfter(long height) {
            requireHeight(height);
            return height < fromHeight ? OptionalLong.of(fromHeight) : OptionalLong.empty();
        }
    }

    private static void requireHeight(long height) {
        if (height < 0) {
            throw new IllegalArgumentException("block height must not be negative, got " + height);
        }
    }
}
