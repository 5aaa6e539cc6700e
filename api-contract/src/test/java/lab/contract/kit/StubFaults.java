package lab.contract.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sets the real stub's runtime fault mix through its admin endpoint ({@code /admin/faults}). */
public final class StubFaults {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private StubFaults() {}

    public static void set(DownstreamStub stub, String mixJson) {
        send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/admin/faults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(mixJson))
                .build());
    }

    public static void clear(DownstreamStub stub) {
        send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/admin/faults"))
                .DELETE()
                .build());
    }

    private static void send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "stub admin answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
