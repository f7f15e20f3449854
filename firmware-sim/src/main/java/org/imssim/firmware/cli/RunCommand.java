package org.imssim.firmware.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.imssim.firmware.Firmware;
import org.imssim.firmware.config.ConfigLoader;
import org.imssim.firmware.config.ConfigProblem;
import org.imssim.firmware.config.ConfigResult;
import org.imssim.firmware.hardware.BackendAvailability;
import org.imssim.firmware.store.StoreException;
import org.imssim.firmware.web.WebServerException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code imssim run --config FILE}: loads and validates the configuration, starts the unit and its
 * web server, and runs until SIGTERM or Ctrl-C, which shut it down cleanly. Exit 2 on a
 * configuration error, 1 on any other failure to start.
 */
@Command(name = "run", description = "Run the firmware with a configuration file until stopped (SIGTERM, Ctrl-C).")
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The YAML configuration file.")
    private Path config;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        ConfigResult result = ConfigLoader.load(config, System::getenv);
        if (!result.ok()) {
            result.errors().forEach(err::println);
            err.println("imssim: the configuration has errors; fix them and start again (check with: imssim check-config "
                    + config + ").");
            err.flush();
            return ExitCodes.CONFIG_ERROR;
        }
        java.util.List<ConfigProblem> warnings = new java.util.ArrayList<>(result.warnings());
        warnings.addAll(BackendAvailability.warnings(result.config()));
        warnings.forEach(w -> err.println("warning: " + w));
        err.flush();

        Firmware firmware;
        try {
            firmware = Firmware.start(result.config());
        } catch (WebServerException | StoreException e) {
            err.println("imssim: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            firmware.close();
            stopped.countDown();
        }, "imssim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.println("imssim: " + result.config().unit().name() + " is running; API at " + firmware.webAddress()
                + " (stop with Ctrl-C).");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
