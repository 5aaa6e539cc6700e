package lab.dashboard.control;

import java.util.List;
import java.util.Map;
import lab.dashboard.DashboardProperties;
import lab.dashboard.DashboardProperties.Limits;
import lab.dashboard.load.LoadGenerator;
import lab.dashboard.load.LoadSetting;
import lab.dashboard.stub.FaultMix;
import lab.dashboard.stub.StubAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The controls behind the page, for curl too (docs/demo.md, "The control API"): the load on all
 * targets or one, and the stub's fault mix. Every answer is the state after the change.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class ControlController {

    private static final Logger log = LoggerFactory.getLogger(ControlController.class);

    private final LoadGenerator load;
    private final StubAdmin stub;
    private final DashboardProperties properties;
    private final ControlInput input;

    ControlController(LoadGenerator load, StubAdmin stub, DashboardProperties properties, JsonMapper json) {
        this.load = load;
        this.stub = stub;
        this.properties = properties;
        this.input = new ControlInput(json, properties.limits());
    }

    /** What the page needs to draw its controls. */
    record State(
            List<Target> targets,
            String loadPath,
            Map<String, LoadSetting> load,
            String stub,
            FaultMix faults,
            Limits limits) {

        record Target(String name, String url) {}
    }

    @GetMapping("/state")
    State state() {
        return new State(
                properties.targets().stream()
                        .map(t -> new State.Target(t.name(), t.url().toString()))
                        .toList(),
                properties.load().path(),
                load.settings(),
                properties.stub() == null ? null : properties.stub().toString(),
                stub.current(),
                properties.limits());
    }

    @GetMapping("/load")
    Map<String, LoadSetting> loadSettings() {
        return load.settings();
    }

    @PutMapping(path = "/load", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, LoadSetting> setLoad(@RequestBody(required = false) String body) {
        LoadSetting setting = input.load(body);
        load.apply(null, setting);
        log.info("Load on every target: {}", setting);
        return load.settings();
    }

    @PutMapping(path = "/load/{target}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, LoadSetting> setLoad(@PathVariable String target, @RequestBody(required = false) String body) {
        if (!load.has(target)) {
            throw new UnknownTargetException(target, load.settings().keySet());
        }
        LoadSetting setting = input.load(body);
        load.apply(target, setting);
        log.info("Load on {}: {}", target, setting);
        return load.settings();
    }

    @DeleteMapping("/load")
    Map<String, LoadSetting> stopLoad() {
        load.apply(null, LoadSetting.OFF);
        log.info("Load off");
        return load.settings();
    }

    @GetMapping("/faults")
    Mono<FaultMix> faults() {
        return stub.read();
    }

    /** Changes the members given, keeps the others as the stub has them now. */
    @PutMapping(path = "/faults", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<FaultMix> setFaults(@RequestBody(required = false) String body) {
        Map<String, Integer> given = input.faults(body);
        return stub.read()
                .map(current -> ControlInput.merge(current, given))
                .flatMap(stub::replace)
                .doOnNext(mix -> log.info("Stub faults set to {}", mix));
    }

    @DeleteMapping("/faults")
    Mono<FaultMix> clearFaults() {
        return stub.clear().doOnNext(mix -> log.info("Stub faults cleared"));
    }
}
