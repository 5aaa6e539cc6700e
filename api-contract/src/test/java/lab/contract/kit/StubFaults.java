package lab.contract.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The real stub's runtime fault mix, through its admin endpoint ({@code /admin/faults}, enabled
 * with {@code --stub.admin.enabled=true}): every later {@code /delay} call fails as set, on top of
 * its own parameters. The one client for it in every module's tests.
 */
public final class StubFaults {

    /** The kinds of failure the mix can inject, by JSON member. */
    public enum Fault {
        SERVER_ERROR("errorPercent"),
        RESET("resetPercent"),
        HANG("hangPercent"),
        CLOSE("closePercent");

        private final String member;

        Fault(String member) {
            this.member = member;
        }
    }

    private final URI admin;

    private StubFaults(String stubBaseUrl) {
        this.admin = URI.create(stubBaseUrl + "/admin/faults");
    }

    /** The fault mix of the stub at {@code stubBaseUrl}. */
    public static StubFaults of(String stubBaseUrl) {
        return new StubFaults(stubBaseUrl);
    }

    public static StubFaults of(DownstreamStub stub) {
        return of(stub.baseUrl());
    }

    /** Every later {@code /delay} call fails this way with the given percentages. */
    public void set(Map<Fault, Integer> percents) {
        String members = percents.entrySet().stream()
                .map(e -> "\"" + e.getKey().member + "\":" + e.getValue())
                .collect(Collectors.joining(","));
        String json = "{\"extraLatencyMs\":0,\"jitterMs\":0" + (members.isEmpty() ? "" : "," + members) + "}";
        send(HttpRequest.newBuilder(admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public void set(Fault fault, int percent) {
        set(Map.of(fault, percent));
    }

    public void clear() {
        send(HttpRequest.newBuilder(admin).DELETE().build());
    }

    /**
     * On a connection of its own: tests kill and restart the stub, and a pooled connection to the
     * old process would fail the first call after the restart.
     */
    private void send(HttpRequest request) {
        try (HttpClient client = Http.newClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        request.method() + " " + admin + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + admin + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + admin, e);
        }
    }
}
