package lab.runner.sampling;

/** One request the lab sent straight to the stub: when, and how long it took (-1 when it failed). */
public record StubProbe(long epochMs, double latencyMs) {}
