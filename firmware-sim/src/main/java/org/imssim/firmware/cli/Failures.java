package org.imssim.firmware.cli;

import org.imssim.firmware.web.WebServerException;

/** Turns an unexpected failure into a sentence for the operator; never a stack trace. */
final class Failures {

    private Failures() {
    }

    static String sentence(Throwable e) {
        if (e instanceof WebServerException || e instanceof org.imssim.firmware.store.StoreException) {
            return e.getMessage();
        }
        return "the command failed unexpectedly; run with -Dorg.slf4j.simpleLogger.defaultLogLevel=debug to see why.";
    }
}
