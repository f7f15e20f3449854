package org.imssim.firmware.web;

/** The web server could not start; the message is a sentence for the operator. */
public final class WebServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WebServerException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
