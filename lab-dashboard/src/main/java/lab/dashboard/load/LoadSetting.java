package lab.dashboard.load;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The load on one target.
 *
 * @param mode {@code off}; {@code users}: a closed model, {@code users} concurrent users each
 *     sending its next request as soon as the previous one is answered (no think time);
 *     {@code rate}: an open model, {@code rate} arrivals per second at even intervals whatever
 *     the answers do
 * @param users the number of users in mode {@code users}, else null
 * @param rate arrivals per second in mode {@code rate}, else null
 */
public record LoadSetting(Mode mode, Integer users, Integer rate) {

    public static final LoadSetting OFF = new LoadSetting(Mode.OFF, null, null);

    public enum Mode {
        @JsonProperty("off")
        OFF,
        @JsonProperty("users")
        USERS,
        @JsonProperty("rate")
        RATE
    }

    public static LoadSetting users(int users) {
        return new LoadSetting(Mode.USERS, users, null);
    }

    public static LoadSetting rate(int rate) {
        return new LoadSetting(Mode.RATE, null, rate);
    }
}
