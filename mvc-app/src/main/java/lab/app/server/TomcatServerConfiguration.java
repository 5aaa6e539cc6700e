package lab.app.server;

import lab.app.core.render.ProblemRenderer;
import org.apache.catalina.Container;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tomcat customisations: its own error pages rendered from the problem catalogue. */
@Configuration(proxyBeanMethods = false)
class TomcatServerConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(ProblemRenderer renderer) {
        return factory -> factory.addEngineValves(new ErrorReportValveSwap(renderer));
    }

    /**
     * Each Host creates its ErrorReportValve while starting, before any Boot hook can reach it, and
     * engine valves start after the hosts: so this pass-through engine valve swaps them on start.
     */
    static final class ErrorReportValveSwap extends ValveBase {

        private final ProblemRenderer renderer;

        ErrorReportValveSwap(ProblemRenderer renderer) {
            super(true);
            this.renderer = renderer;
        }

        @Override
        protected void startInternal() throws LifecycleException {
            for (Container child : getContainer().findChildren()) {
                if (child instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve.getClass() == ErrorReportValve.class) {
                            host.getPipeline().removeValve(valve);
                            host.getPipeline().addValve(new ProblemErrorReportValve(renderer));
                        }
                    }
                }
            }
            super.startInternal();
        }

        @Override
        public void invoke(Request request, Response response)
                throws java.io.IOException, jakarta.servlet.ServletException {
            getNext().invoke(request, response);
        }
    }
}
