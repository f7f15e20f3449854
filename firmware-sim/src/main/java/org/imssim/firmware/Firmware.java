package org.imssim.firmware;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.EventExecutor;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.imssim.firmware.api.ApiRoutes;
import org.imssim.firmware.config.ImsConfig;
import org.imssim.firmware.config.ProfileConfig;
import org.imssim.firmware.loop.SystemUnitClock;
import org.imssim.firmware.store.StoreWorker;
import org.imssim.firmware.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running unit in this process: its event loop group, the unit's firmware on one of its loops,
 * and the web server. What {@code imssim run} starts and stops.
 */
public final class Firmware implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Firmware.class);

    private final EventLoopGroup group;
    private final UnitFirmware unit;
    private final WebServer web;
    private boolean closed;

    private Firmware(EventLoopGroup group, UnitFirmware unit, WebServer web) {
        this.group = group;
        this.unit = unit;
        this.web = web;
    }

    /**
     * Starts the unit with the system clock, then its web server on {@code web.bind:web.port}.
     *
     * @throws org.imssim.firmware.store.StoreException when the storage cannot be opened
     * @throws org.imssim.firmware.web.WebServerException when the web server cannot listen; the unit is stopped again
     */
    public static Firmware start(ImsConfig config) {
        return start(config, Clock.systemUTC());
    }

    /**
     * As {@link #start(ImsConfig)}, with {@code wall} as the unit's wall clock (what it stamps events
     * with and counts its rate-limit windows by); its timers still run on real time. A simulation
     * or a benchmark that runs one unit for longer than an hour's worth of commands moves it on.
     */
    public static Firmware start(ImsConfig config, Clock wall) {
        StoreWorker store = StoreWorker.open(config.storage().dir(), config.unit().name());
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        EventExecutor loop = group.next();
        UnitFirmware unit = new UnitFirmware(config, loop, new SystemUnitClock(loop, wall), store);
        WebServer web = new WebServer(group, config.web().bind(), config.web().port(), config.web().hosts(),
                (user, password) -> unit.profiles().authenticate(user, password).map(ProfileConfig::username),
                ApiRoutes.of(unit));
        try {
            unit.start().join();
            web.start();
        } catch (RuntimeException e) {
            unit.stop();
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            throw e;
        }
        return new Firmware(group, unit, web);
    }

    public UnitFirmware unit() {
        return unit;
    }

    /** The port the web server listens on. */
    public int webPort() {
        return web.port();
    }

    /** The API's base address, e.g. {@code http://127.0.0.1:8080/}. */
    public String webAddress() {
        String bind = unit.config().web().bind();
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        return "http://" + host + ":" + webPort() + "/";
    }

    /** Stops the web server, then the unit, then the loops. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("Shutting down");
        web.close();
        unit.stop();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
