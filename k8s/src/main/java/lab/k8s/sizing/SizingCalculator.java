package lab.k8s.sizing;

/**
 * How many platform threads fit in a container memory limit, and where a thread-per-request pod
 * runs out. Shared by {@code ./lab size} (its command line) and the manifest tests.
 */
public final class SizingCalculator {

    private SizingCalculator() {}

    public static SizingReport calculate(SizingInput in) {
        long heap = in.effectiveHeapBytes();
        long gc = (long) (heap * in.gcOverheadPercent() / 100);
        long nonHeap = in.metaspaceBytes() + in.codeCacheBytes() + in.directBytes() + in.otherNativeBytes() + gc;
        int threads = in.requestThreads() + in.otherThreads();
        long touched = Math.min(in.touchedStackBytes(), in.stackBytes());
        long left = in.memoryLimitBytes() - heap - nonHeap;
        return new SizingReport(
                in,
                heap,
                nonHeap,
                threads,
                threads * in.stackBytes(),
                threads * touched,
                fitting(left, in.stackBytes(), in.otherThreads()),
                fitting(left, touched, in.otherThreads()));
    }

    private static long fitting(long bytesLeft, long perThread, int otherThreads) {
        return Math.max(0, bytesLeft / perThread - otherThreads);
    }
}
