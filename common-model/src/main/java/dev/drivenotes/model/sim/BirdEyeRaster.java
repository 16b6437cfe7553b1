package dev.drivenotes.model.sim;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.Require;
import java.util.Arrays;
import java.util.List;

/**
 * A bird's-eye raster around the ego (like CarDreamer's {@code birdeye_wpt}): {@code channels.size()}
 * planes of {@code sizePx × sizePx} bytes, channel-major then row-major, ego at the centre heading up.
 *
 * @param sizePx raster width and height in pixels (64 or 128)
 * @param metresPerPx ground resolution
 * @param channels the meaning of each plane, e.g. {@code lanes, route, vehicles}
 * @param data {@code channels.size() * sizePx * sizePx} bytes (base64 in JSON)
 */
public record BirdEyeRaster(int sizePx, double metresPerPx, List<String> channels, byte[] data) {

    /** The most planes a raster may have (a raster checkpoint takes at most 16 channels). */
    public static final int MAX_CHANNELS = 16;

    public BirdEyeRaster {
        Require.inRange("sizePx", sizePx, 8, 512);
        Require.positive("metresPerPx", metresPerPx);
        channels = List.copyOf(Require.noNullElements("channels", Require.maxSize("channels", channels, MAX_CHANNELS)));
        Require.notNull("data", data);
        if (data.length != channels.size() * sizePx * sizePx) {
            throw new InvalidInputException(
                    "data", "must hold " + channels.size() * sizePx * sizePx + " bytes, had " + data.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BirdEyeRaster b
                && sizePx == b.sizePx
                && metresPerPx == b.metresPerPx
                && channels.equals(b.channels)
                && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * sizePx + channels.hashCode()) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "BirdEyeRaster[" + sizePx + "x" + sizePx + "x" + channels + "]";
    }
}
