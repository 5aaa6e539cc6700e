package lab.app.core.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The success body of every endpoint; member order is part of the contract. */
@JsonPropertyOrder({"app", "model", "thread", "virtual", "calls", "delayMs", "elapsedMs"})
public record ApiResult(
        String app, String model, String thread, boolean virtual, int calls, int delayMs, long elapsedMs) {}
