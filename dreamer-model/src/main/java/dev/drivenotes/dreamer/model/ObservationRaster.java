package dev.drivenotes.dreamer.model;

import dev.drivenotes.model.sim.BirdEyeRaster;

/**
 * The bird's-eye raster the encoder's CNN sees: the simulator's bytes as they are (channel-major,
 * row-major, 0..255), checked against what the model was trained on, so a raster of another size
 * or channel count is refused instead of being read as garbage.
 */
public final class ObservationRaster {

    private ObservationRaster() {}

    /**
     * The raster's bytes for a model.
     *
     * @throws IllegalArgumentException when the raster is missing or its size or channels differ from
     *     the model's
     */
    public static byte[] of(BirdEyeRaster raster, DreamerConfig c) {
        if (raster == null) {
            throw new IllegalArgumentException("missing: preset " + c.preset() + " needs a " + c.rasterSize() + " px"
                    + " bird's-eye raster (create the simulation with birdEyeSizePx " + c.rasterSize() + ")");
        }
        if (raster.sizePx() != c.rasterSize() || raster.channels().size() != c.rasterChannels()) {
            throw new IllegalArgumentException("raster is " + raster.sizePx() + " px with "
                    + raster.channels().size()
                    + " channels; preset " + c.preset() + " needs " + c.rasterSize() + " px with "
                    + c.rasterChannels());
        }
        return raster.data();
    }
}
