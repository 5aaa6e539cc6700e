package lab.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.web.server.context.WebServerPortFileWriter;

/**
 * The live demo: scrapes the apps' Actuator meters, drives load against them, sets the stub's
 * faults, and streams one event a second to the page at {@code /} (Server-Sent Events at
 * {@code /events}). Configured entirely by properties ({@link DashboardProperties}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DashboardApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(DashboardApplication.class);
        // Tests and ./lab start the jar on port 0 and learn the real port from this file (env PORTFILE).
        if (System.getenv("PORTFILE") != null) {
            app.addListeners(new WebServerPortFileWriter());
        }
        app.run(args);
    }
}
