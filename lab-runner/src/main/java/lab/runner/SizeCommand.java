package lab.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lab.k8s.sizing.SizingCalculator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./lab size ...}: the pod sizing calculator of the k8s module, arguments passed through. */
@Command(
        name = "size",
        mixinStandardHelpOptions = false,
        description =
                "How many platform threads fit in a pod: delegates to lab.k8s.sizing.SizingCalculator "
                        + "(e.g. ./lab size --memory 384Mi --heap-percent 50 --stack 1m --threads 200; --help for its options).")
final class SizeCommand implements Callable<Integer> {

    // Options are the calculator's own: LabMain makes picocli pass unknown options through as parameters.
    @Parameters(paramLabel = "ARG", arity = "0..*", description = "Arguments of the sizing calculator.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        SizingCalculator.main(args.toArray(String[]::new));
        return 0;
    }
}
