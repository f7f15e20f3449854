package org.imssim.firmware.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.imssim.devices.powergate.PowerGateSetup;
import org.imssim.devices.powergate.serial.PowerGateDevice;
import org.imssim.hal.serial.SerialPortLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code imssim powergate --port DEVICE [--outlets N] [--baud B]}: plays a PowerGate at the device
 * end of a serial line, in the imssim PowerGate line protocol ({@code docs/powergate-protocol.md}),
 * for a unit whose PowerGate has {@code backend: serial}. Its outlets are all off at start; each
 * switch prints one line ({@code Outlet 3: ON}) on stdout. It runs until SIGTERM or Ctrl-C (the
 * port is released) or until the port is lost (exit 1).
 */
@Command(name = "powergate",
        description = "Play a PowerGate at the device end of a serial line: it answers the imssim PowerGate line "
                + "protocol and prints one line per outlet switch. Runs until Ctrl-C.")
final class PowerGateCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(PowerGateCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "DEVICE",
            description = "The serial port, such as /dev/ttyUSB0, or one end of a pty pair.")
    private String port;

    @Option(names = "--outlets", defaultValue = "8", paramLabel = "N", description = "How many outlets, 1 to 8 (default 8).")
    private int outlets;

    @Option(names = "--baud", defaultValue = "9600", paramLabel = "B", description = "The baud rate (default 9600).")
    private int baud;

    @Override
    public Integer call() throws InterruptedException {
        if (outlets < 1 || outlets > PowerGateSetup.MAX_OUTLETS) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--outlets must be 1 to 8, not " + outlets + ".");
        }
        if (baud < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--baud must be a positive number, not " + baud + ".");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SerialPortLink link;
        try {
            link = SerialPortLink.open(port, baud);
        } catch (IOException e) {
            err.println("imssim: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
        PowerGateDevice device = new PowerGateDevice(outlets);
        device.onSwitch((m, on) -> {
            out.println("Outlet " + m + ": " + (on ? "ON" : "OFF"));
            out.flush();
        });
        link.onReceive(bytes -> {
            byte[] reply = device.receive(bytes);
            if (reply.length > 0 && link.isOpen()) {
                try {
                    link.write(reply);
                } catch (RuntimeException e) {
                    log.debug("A reply could not be written", e);
                }
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Thread release = new Thread(() -> {
            link.close();
            stopped.countDown();
        }, "imssim-powergate-stop");
        Runtime.getRuntime().addShutdownHook(release);
        log.info("PowerGate with {} outlets on {}, all off; Ctrl-C stops it", outlets, link.path());
        // The port's reader thread answers; this thread only watches for the port going away.
        while (!stopped.await(200, TimeUnit.MILLISECONDS)) {
            if (!link.isOpen()) {
                err.println("imssim: the serial port " + port + " was lost.");
                err.flush();
                return ExitCodes.FAILURE;
            }
        }
        return ExitCodes.OK;
    }
}
