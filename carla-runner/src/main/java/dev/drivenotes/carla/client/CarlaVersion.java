package dev.drivenotes.carla.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The release this client speaks. The server's {@code version} call answers {@code carla::version()}
 * (CarlaServer.cpp:259-262), a string that the build fills with {@code git describe --tags --dirty
 * --always} (Util/BuildTools/Setup.sh:878-885, Environment.sh:35-37): {@code "0.9.15"} for the
 * release, {@code "0.9.15-dirty"} or {@code "0.9.15-12-gabcdef"} for builds near it, {@code
 * "0.9.15.2"} for its hot-fix packages. Every one of those is the 0.9.15 protocol; any other release
 * (0.9.14, 0.9.16, 0.10.0) is refused, because the wire layouts change between releases (the
 * size of {@code ActorDynamicState}, the fields of {@code EpisodeSettings}).
 */
public final class CarlaVersion {

    public static final String EXPECTED = "0.9.15";

    private static final Pattern RELEASE = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)(?![\\d])");

    private CarlaVersion() {}

    /** Whether a server answering {@code version} with this string speaks {@link #EXPECTED}. */
    public static boolean compatible(String serverVersion) {
        if (serverVersion == null) {
            return false;
        }
        Matcher m = RELEASE.matcher(serverVersion.strip());
        return m.find() && (m.group(1) + "." + m.group(2) + "." + m.group(3)).equals(EXPECTED);
    }

    /** Throws a one-line {@link CarlaVersionException} naming both versions unless compatible. */
    public static void require(String endpoint, String serverVersion) {
        if (!compatible(serverVersion)) {
            throw new CarlaVersionException("CARLA server " + endpoint + " runs version '" + serverVersion
                    + "'; this client speaks CARLA " + EXPECTED + " only");
        }
    }
}
