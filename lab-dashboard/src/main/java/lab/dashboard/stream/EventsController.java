package lab.dashboard.stream;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The stream ({@code /events}) and the history behind the page's charts ({@code /api/history}). */
@RestController
class EventsController {

    static final String EVENT = "sample";

    private final Sampler sampler;

    EventsController(Sampler sampler) {
        this.sampler = sampler;
    }

    /** One {@code sample} event per interval, the latest one first so a new client draws at once. */
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Snapshot>> events() {
        return Flux.concat(Mono.justOrEmpty(sampler.latest()), sampler.live())
                .map(s -> ServerSentEvent.builder(s)
                        .id(Long.toString(s.seq()))
                        .event(EVENT)
                        .build());
    }

    @GetMapping(path = "/api/history", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Snapshot> history() {
        return sampler.history();
    }
}
