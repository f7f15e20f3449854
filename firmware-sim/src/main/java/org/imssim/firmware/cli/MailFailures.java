package org.imssim.firmware.cli;

import jakarta.mail.AuthenticationFailedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Short, fixed descriptions of why a mail server could not be used, for the command line. */
final class MailFailures {

    private MailFailures() {
    }

    static String describe(Exception e) {
        if (e instanceof AuthenticationFailedException) {
            return "the login was refused";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "the connection was refused";
            }
            if (t instanceof SocketTimeoutException) {
                return "the server did not answer in time";
            }
            if (t instanceof UnknownHostException) {
                return "the host name is unknown";
            }
        }
        return "the server did not accept it";
    }
}
