package lab.variants;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one notion of a variant: a way of running an app, named the same in the runner, the report,
 * results.json and every test. Each is an app jar plus the Spring profiles that select its model.
 */
public enum Variant {
    /** Tomcat, 200 platform threads (Boot's default), blocking {@code RestClient}. */
    MVC("mvc", App.MVC, List.of(), Model.THREAD_PER_REQUEST),
    /** The same app on virtual threads ({@code spring.threads.virtual.enabled=true}). */
    MVC_VT("mvc-vt", App.MVC, List.of("virtual"), Model.VIRTUAL_THREADS),
    /** Reactor Netty's event loop, non-blocking {@code WebClient}. */
    WEBFLUX("webflux", App.WEBFLUX, List.of(), Model.EVENT_LOOP),
    /** "Why not just add threads?": Tomcat with 10,000 platform threads (the c10k scenario). */
    MVC_10K("mvc-10k", App.MVC, List.of("threads-10k"), Model.THREAD_PER_REQUEST);

    /** The variants a comparison runs unless told otherwise. */
    public static final List<Variant> COMPARED = List.of(MVC, MVC_VT, WEBFLUX);

    private final String id;
    private final App app;
    private final List<String> profiles;
    private final Model model;

    Variant(String id, App app, List<String> profiles, Model model) {
        this.id = id;
        this.app = app;
        this.profiles = profiles;
        this.model = model;
    }

    /** The name users type and every output shows: {@code mvc}, {@code mvc-vt}, {@code webflux}, {@code mvc-10k}. */
    public String id() {
        return id;
    }

    public App app() {
        return app;
    }

    public List<String> profiles() {
        return profiles;
    }

    public Model model() {
        return model;
    }

    /** The Spring Boot argument that selects the profiles, if any. */
    public List<String> profileArgs() {
        return profiles.isEmpty() ? List.of() : List.of("--spring.profiles.active=" + String.join(",", profiles));
    }

    /** The variant of that name; an unknown name is refused with the list of known ones. */
    public static Variant named(String id) {
        return Arrays.stream(values())
                .filter(v -> v.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown variant '" + id + "'; known: " + known()));
    }

    /** The known names, comma-separated, for messages. */
    public static String known() {
        return Arrays.stream(values()).map(Variant::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
