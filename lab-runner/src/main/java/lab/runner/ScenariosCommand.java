package lab.runner;

import java.util.concurrent.Callable;
import lab.scenario.Catalogue;
import picocli.CommandLine.Command;

/** {@code ./lab scenarios}: the catalogue, one line each. */
@Command(
        name = "scenarios",
        mixinStandardHelpOptions = true,
        description = "List the scenarios of the catalogue (scenarios/*.yaml), one line each; "
                + "run one with ./lab compare --scenario NAME.")
final class ScenariosCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Catalogue.load(RepoRoot.find()).lines().forEach(spec.commandLine().getOut()::println);
        return 0;
    }
}
