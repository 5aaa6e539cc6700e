package lab.runner;

import lab.runner.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./lab}: compare the variants, list the scenarios, serve them for curl, demo them live, size
 * pods, re-render a report, or diff two runs.
 */
@Command(
        name = "lab",
        mixinStandardHelpOptions = true,
        version = "lab 1.0",
        description = "Blocking vs Reactive Lab: measures Spring MVC (threads), MVC on virtual threads and "
                + "WebFlux (event loop) in front of the same slow downstream.",
        subcommands = {
            CompareCommand.class,
            ScenariosCommand.class,
            ServeCommand.class,
            DemoCommand.class,
            SizeCommand.class,
            ReportCommand.class,
            DiffCommand.class,
            CommandLine.HelpCommand.class
        })
public final class LabMain implements Runnable {

    /** Exit status of bad input (picocli's and the shell's convention). */
    static final int USAGE_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LabMain()).setCaseInsensitiveEnumValuesAllowed(true);
        // bad input: one line naming the value and what is accepted, exit 2, nothing started
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            c.getErr()
                    .println("ERROR: " + e.getMessage() + " (see ./"
                            + c.getCommandSpec().qualifiedName() + " --help)");
            return USAGE_ERROR;
        });
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
