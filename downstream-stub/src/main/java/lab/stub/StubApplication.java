package lab.stub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.web.server.context.WebServerPortFileWriter;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StubApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(StubApplication.class);
        // Tests and ./lab start the jar on port 0 and learn the real port from this file (env PORTFILE).
        if (System.getenv("PORTFILE") != null) {
            app.addListeners(new WebServerPortFileWriter());
        }
        app.run(args);
    }
}
