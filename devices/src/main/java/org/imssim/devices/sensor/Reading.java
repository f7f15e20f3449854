package org.imssim.devices.sensor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What an input reads: a number with its unit ({@code 72.0 F}, {@code 45.5 %RH}, {@code 120.0 VAC})
 * or a binary sensor's word ({@code ok}, {@code wet}, {@code closed}).
 *
 * <p>Text is locale-independent: numbers always with {@code .} and one decimal, rounded half up,
 * whatever the machine's locale. A reading is a plain value; calibration and rounding of a
 * probe's raw value happen in the input that produces it.
 */
public sealed interface Reading permits Reading.Analog, Reading.Binary {

    /** A number in {@code unit} ({@code F}, {@code C}, {@code %RH}, {@code VAC}, {@code A}, {@code %}, {@code dB}). */
    static Analog analog(double value, String unit) {
        return new Analog(value, unit);
    }

    /** A binary sensor's word. */
    static Binary binary(String word) {
        return new Binary(word);
    }

    /** The whole reading as mails and reports write it: {@code 72.0 F}, {@code wet}. */
    String text();

    /** The value alone: {@code 72.0}, {@code wet}. */
    String valueText();

    /** {@code value} rounded half up to the unit's resolution of 0.1. */
    static double roundToTenth(double value) {
        if (!Double.isFinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code value} with {@code .} and one decimal, whatever the locale: {@code 72.0}, {@code -3.5}. */
    static String formatNumber(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("A reading must be a finite number, not " + value + ".");
        }
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * A number with its unit.
     *
     * @param value a finite number
     * @param unit  the unit as written after the number, not blank
     */
    record Analog(double value, String unit) implements Reading {

        public Analog {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("A reading must be a finite number, not " + value + ".");
            }
            Objects.requireNonNull(unit, "unit");
            if (unit.isBlank()) {
                throw new IllegalArgumentException("An analog reading needs a unit.");
            }
        }

        /** This reading with {@code offset} added, as a calibration is. */
        public Analog plus(double offset) {
            return new Analog(value + offset, unit);
        }

        @Override
        public String text() {
            return valueText() + " " + unit;
        }

        @Override
        public String valueText() {
            return formatNumber(value);
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /**
     * A binary sensor's word.
     *
     * @param word the word, not blank
     */
    record Binary(String word) implements Reading {

        public Binary {
            Objects.requireNonNull(word, "word");
            if (word.isBlank()) {
                throw new IllegalArgumentException("A binary reading needs a word.");
            }
        }

        @Override
        public String text() {
            return word;
        }

        @Override
        public String valueText() {
            return word;
        }

        @Override
        public String toString() {
            return word;
        }
    }
}
