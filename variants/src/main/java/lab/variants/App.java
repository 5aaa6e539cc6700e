package lab.variants;

import java.nio.file.Path;

/** The executable jars of the lab, each built by the module of the same name. */
public enum App {
    MVC("mvc", "mvc-app"),
    WEBFLUX("webflux", "webflux-app"),
    STUB("stub", "downstream-stub");

    private final String id;
    private final String module;

    App(String id, String module) {
        this.id = id;
        this.module = module;
    }

    /** What the app calls itself in its answers ({@code "app":"mvc"}) and in process names. */
    public String id() {
        return id;
    }

    /** The Maven module (and folder) that builds it. */
    public String module() {
        return module;
    }

    /** The Boot-repackaged jar, relative to the repository root. */
    public Path jar() {
        return Path.of(module, "target", module + ".jar");
    }
}
