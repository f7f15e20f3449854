package org.imssim.firmware.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.imssim.firmware.config.ConfigLoader;
import org.imssim.firmware.config.ConfigResult;
import org.imssim.firmware.hardware.BackendAvailability;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code imssim check-config FILE}: validates, prints the warnings; exit 0, or the errors and exit 2. */
@Command(name = "check-config", description = "Validate a configuration file: exit 0 (warnings printed) or 2 (errors printed).")
final class CheckConfigCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The YAML configuration file.")
    private Path file;

    @Override
    public Integer call() {
        ConfigResult result = ConfigLoader.load(file, System::getenv);
        result.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        if (result.ok()) {
            BackendAvailability.warnings(result.config()).forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        }
        if (!result.ok()) {
            result.errors().forEach(e -> spec.commandLine().getErr().println(e));
            return ExitCodes.CONFIG_ERROR;
        }
        spec.commandLine().getOut().println(file + ": configuration is valid"
                + (result.warnings().isEmpty() ? "." : ", with warnings."));
        return ExitCodes.OK;
    }
}
