package org.imssim.firmware.alarm;

/** How an occurrence was acknowledged, with the word the {@code Acknowledged} event uses. */
public enum Via {
    EMAIL("e-mail"),
    WEB("web"),
    API("api"),
    /** The unit acknowledged the occurrence itself (see {@link UnitAcknowledgment}). */
    UNIT("unit");

    private final String word;

    Via(String word) {
        this.word = word;
    }

    /** {@code e-mail}, {@code web}, {@code api}, {@code unit}. */
    public String word() {
        return word;
    }
}
