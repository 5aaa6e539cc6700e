package lab.runner;

import lab.runner.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./lab}: compare the variants, serve them for curl, demo them live, size pods, or re-render a report. */
@Command(
        name = "lab",
        mixinStandardHelpOptions = true,
        version = "lab 1.0",
        description = "Blocking vs Reactive Lab: measures Spring MVC (threads), MVC on virtual threads and "
                + "WebFlux (event loop) in front of the same slow downstream.",
        subcommands = {
            CompareCommand.class,
            ServeCommand.class,
            DemoCommand.class,
            SizeCommand.class,
            ReportCommand.class,
            CommandLine.HelpCommand.class
        })
public final class LabMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LabMain()).setCaseInsensitiveEnumValuesAllowed(true);
        // ./lab size passes its options through to the sizing calculator untouched
        cl.getSubcommands().get("size").setUnmatchedOptionsArePositionalParams(true);
        // a failed run says why in one line (the logs hold the rest); LAB_DEBUG=1 shows the stack trace
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("ERROR: " + e.getMessage());
            if (System.getenv("LAB_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
