package org.imssim.firmware.demo;

/** The demo could not start; the message is a sentence for the person who ran it. */
public final class DemoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DemoException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
