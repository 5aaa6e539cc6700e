package lab.dashboard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says where the page is, and warns when it is reachable from other machines: anyone who can
 * reach it can slow the stub down for everybody and start load.
 */
@Component
class ServerAnnouncement implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ServerAnnouncement.class);

    private final Environment environment;

    ServerAnnouncement(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String address = environment.getProperty("server.address", "");
        int port = event.getWebServer().getPort();
        if (!isLoopback(address)) {
            log.warn(
                    "The dashboard listens on {} (not only on this machine): anyone who can reach port {} can "
                            + "start load and change the stub's faults",
                    address.isBlank() ? "every interface" : address,
                    port);
        }
        String host = address.isBlank() || "0.0.0.0".equals(address) || "::".equals(address) ? "127.0.0.1" : address;
        log.info("Dashboard: http://{}:{}/  (stream: /events)", host.contains(":") ? "[" + host + "]" : host, port);
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
