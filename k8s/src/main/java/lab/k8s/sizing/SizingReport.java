package lab.k8s.sizing;

import static lab.k8s.units.Quantities.humanBytes;
import static lab.k8s.units.Quantities.mebibytes;

import java.util.Locale;

/**
 * The calculator's answer for one container, in bytes.
 *
 * <p>Two totals, because the JVM's own accounting and the kernel's disagree: every platform thread
 * <em>reserves</em> {@code -Xss} of address space, but Linux commits a stack page only when the
 * thread touches it. The cgroup memory limit (and so the OOM killer) charges resident pages: RSS,
 * the {@link #typicalBytes() typical} case. The {@link #worstCaseBytes() worst case} assumes every
 * stack is touched to its end, which only deep recursion does; it is the seed's "1 MB per thread".
 *
 * @param input              what was asked
 * @param heapBytes          the maximum heap, counted as resident (under load the young generation is touched)
 * @param nonHeapBytes       metaspace + code cache + direct + other native + GC structures
 * @param threads            platform threads: request threads plus the others
 * @param reservedStackBytes {@code threads x -Xss}
 * @param typicalStackBytes  {@code threads x touched stack}
 * @param maxThreadsWorstCase request threads that fit if every stack were fully touched
 * @param maxThreadsTypical   request threads that fit at the typical touched depth: where the pod runs out
 */
public record SizingReport(
        SizingInput input,
        long heapBytes,
        long nonHeapBytes,
        int threads,
        long reservedStackBytes,
        long typicalStackBytes,
        long maxThreadsWorstCase,
        long maxThreadsTypical) {

    private static final double PERCENT = 100;

    /** Resident set if every thread stack were touched to its {@code -Xss} end. */
    public long worstCaseBytes() {
        return heapBytes + nonHeapBytes + reservedStackBytes;
    }

    /** Expected resident set under load: what the cgroup charges and the OOM killer compares with the limit. */
    public long typicalBytes() {
        return heapBytes + nonHeapBytes + typicalStackBytes;
    }

    /** Fraction of the limit left over in the typical case; negative when it does not fit. */
    public double typicalHeadroom() {
        return 1 - typicalBytes() / (double) input.memoryLimitBytes();
    }

    public double worstCaseHeadroom() {
        return 1 - worstCaseBytes() / (double) input.memoryLimitBytes();
    }

    public boolean fitsTypical(double minHeadroom) {
        return typicalHeadroom() >= minHeadroom;
    }

    public boolean fitsWorstCase(double minHeadroom) {
        return worstCaseHeadroom() >= minHeadroom;
    }

    /** A plain-text table for the terminal and the docs. */
    public String render() {
        SizingInput in = input;
        StringBuilder out = new StringBuilder();
        line(out, "memory limit", mebibytes(in.memoryLimitBytes()));
        line(
                out,
                "max heap",
                mebibytes(heapBytes)
                        + (in.heapBytes() > 0
                                ? " (-Xmx)"
                                : String.format(Locale.ROOT, " (MaxRAMPercentage=%s)", trim(in.heapPercent()))));
        line(
                out,
                "non-heap",
                mebibytes(nonHeapBytes)
                        + String.format(
                                Locale.ROOT,
                                " (metaspace %s, code cache %s, direct %s, other native %s, GC %s%% of heap)",
                                mebibytes(in.metaspaceBytes()),
                                mebibytes(in.codeCacheBytes()),
                                mebibytes(in.directBytes()),
                                mebibytes(in.otherNativeBytes()),
                                trim(in.gcOverheadPercent())));
        line(
                out,
                "platform threads",
                threads + " (" + in.requestThreads() + " request + " + in.otherThreads() + " other)");
        line(
                out,
                "stacks reserved",
                mebibytes(reservedStackBytes) + " (" + threads + " x -Xss " + humanBytes(in.stackBytes()) + ")");
        line(
                out,
                "stacks touched",
                mebibytes(typicalStackBytes) + " (" + threads + " x ~" + humanBytes(in.touchedStackBytes()) + ")");
        line(out, "worst case total", mebibytes(worstCaseBytes()) + headroom(worstCaseHeadroom()));
        line(out, "typical RSS", mebibytes(typicalBytes()) + headroom(typicalHeadroom()));
        line(
                out,
                "threads that fit",
                maxThreadsTypical + " request threads at typical depth, " + maxThreadsWorstCase
                        + " if every stack were full");
        out.append("The OOM killer sees RSS (the typical line): stack pages count only once touched.\n");
        if (typicalHeadroom() < 0) {
            out.append("=> does NOT fit: the kernel kills the container (OOMKilled) once load touches these pages.\n");
        } else if (worstCaseHeadroom() < 0) {
            out.append("=> fits as measured, not on paper: deep recursion in every thread would be OOMKilled.\n");
        } else {
            out.append("=> fits even if every stack were fully touched.\n");
        }
        return out.toString();
    }

    private static String headroom(double fraction) {
        return fraction < 0
                ? String.format(Locale.ROOT, " -> %.0f%% OVER the limit", -fraction * PERCENT)
                : String.format(Locale.ROOT, " -> %.0f%% of the limit free", fraction * PERCENT);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-18s %s%n", label, value));
    }
}
