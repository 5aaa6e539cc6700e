package lab.stub.faults;

import java.util.List;
import lab.stub.problem.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes the fault mix while load runs (e.g. raise latency mid-run). Anyone who can reach it
 * can degrade the stub for every caller, so it exists only with {@code stub.admin.enabled=true};
 * otherwise {@code /admin/**} is an unknown path like any other (404).
 */
@RestController
@RequestMapping(path = "/admin/faults", produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnBooleanProperty("stub.admin.enabled")
class FaultAdminController {

    private static final Logger log = LoggerFactory.getLogger(FaultAdminController.class);

    private static final String SHAPE = "the body must be a JSON object with integer members "
            + "extraLatencyMs, jitterMs, errorPercent, resetPercent, hangPercent, closePercent";

    private final FaultMixHolder holder;
    // Strict on its own, whatever the application's Jackson defaults: a misspelt member must not
    // silently reset a fault to 0 in the middle of a load test.
    private final ObjectReader reader;

    FaultAdminController(FaultMixHolder holder, JsonMapper jsonMapper) {
        this.holder = holder;
        this.reader = jsonMapper
                .readerFor(FaultMix.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    @GetMapping
    FaultMix show() {
        return holder.current();
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    FaultMix replace(@RequestBody String body) {
        FaultMix applied = holder.replace(read(body));
        log.info("Fault mix set to {}", applied);
        return applied;
    }

    @DeleteMapping
    FaultMix reset() {
        log.info("Fault mix reset");
        return holder.reset();
    }

    private FaultMix read(String body) {
        try {
            FaultMix mix = reader.readValue(body);
            if (mix == null) {
                throw new InvalidParameterException(null, SHAPE);
            }
            return mix;
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidParameterException(e.getPropertyName(), "unknown member " + e.getPropertyName());
        } catch (JacksonException e) {
            List<JacksonException.Reference> path = e.getPath();
            String member = path.isEmpty() ? null : path.getLast().getPropertyName();
            throw new InvalidParameterException(member, member == null ? SHAPE : member + " must be an integer");
        }
    }
}
