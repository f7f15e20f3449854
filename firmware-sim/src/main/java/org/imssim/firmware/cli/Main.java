package org.imssim.firmware.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code imssim} command line (SPEC §14). Exit codes: 0 success, 1 a failure to start or
 * to do the work, 2 a configuration error or a wrong command line.
 */
@Command(name = "imssim",
        description = "Firmware simulator of the Sensaphone IMS-4000 Host and its PowerGates.",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        subcommands = {DemoCommand.class, RunCommand.class, CheckConfigCommand.class, SendCommand.class,
            PowerGateCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("run") || args[0].equals("demo"))) {
            Warmup.start();
        }
        int code = commandLine().execute(args);
        // Netty's global executor outlives the unit by a second; the CLI ends when its work is done.
        System.exit(code);
    }

    /** The command tree with the house's error handling, for {@code main} and for tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("imssim: " + Failures.sentence(e));
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("Command failed", e);
            return ExitCodes.FAILURE;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"imssim " + (v == null ? "development" : v)};
        }
    }
}
