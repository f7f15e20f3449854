package org.imssim.firmware.cli;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.util.Map;
import org.imssim.firmware.web.Json;
import org.slf4j.LoggerFactory;

/**
 * Start-up help for {@code run} and {@code demo}: while the main thread parses the command line and
 * the configuration, a background thread loads what the unit needs next — SQLite's native library,
 * the JSON mapper, the HTTP codec — so that the store opens and the first API answer comes sooner
 * on a machine with a second core. It changes no state; a failure here only costs the time saved.
 */
final class Warmup {

    private Warmup() {
    }

    static void start() {
        Thread thread = new Thread(Warmup::run, "imssim-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void run() {
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
            Json.write(Map.of("status", "up"));
            EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(), new HttpObjectAggregator(1024));
            channel.finishAndReleaseAll();
        } catch (Exception | LinkageError e) {
            LoggerFactory.getLogger(Warmup.class).debug("Warm-up skipped", e);
        }
    }
}
