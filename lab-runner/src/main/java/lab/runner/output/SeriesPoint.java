package lab.runner.output;

/** One second of a step: seconds since the step's first sample, and the readings then. */
public record SeriesPoint(
        double t,
        Double appCpuCores,
        Double appRssMiB,
        Integer appOsThreads,
        Double jvmThreadsLive,
        Double tomcatThreadsBusy,
        Double inProgress,
        Double loadGenCpuCores,
        Double stubCpuCores) {}
