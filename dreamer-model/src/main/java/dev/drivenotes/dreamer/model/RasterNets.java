package dev.drivenotes.dreamer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;

/**
 * DreamerV3's image encoder and decoder for the bird's-eye raster. Encoder: stages of (kernel-4
 * stride-2 convolution, channel LayerNorm, SiLU) with {@code depth, 2·depth, 4·depth, …} channels
 * until the map is {@value #MIN_RES}×{@value #MIN_RES}, then flattened. Decoder: a dense layer to
 * that {@value #MIN_RES}×{@value #MIN_RES} map, then transposed convolutions mirroring the encoder
 * (the last without norm and activation) back to the raster. Pixels are {@code byte/255 − 0.5}.
 */
final class RasterNets {

    /** Resolution at which the encoder stops halving (DreamerV3's {@code minres}). */
    static final int MIN_RES = 4;

    private RasterNets() {}

    /** Convolution stages: log2(size / {@value #MIN_RES}). */
    static int stages(DreamerConfig c) {
        return Integer.numberOfTrailingZeros(c.rasterSize() / MIN_RES);
    }

    /** Channels after stage {@code i} (0-based). */
    static int channels(DreamerConfig c, int i) {
        return c.cnnDepth() << i;
    }

    /** Length of the flattened encoder output. */
    static int embedSize(DreamerConfig c) {
        return channels(c, stages(c) - 1) * MIN_RES * MIN_RES;
    }

    /** Adds the encoder ({@code enc.cnn.i}) and decoder ({@code dec.cnn.*}) parameters. */
    static Layout addTo(Layout l, DreamerConfig c) {
        int stages = stages(c);
        for (int i = 0; i < stages; i++) {
            int in = i == 0 ? c.rasterChannels() : channels(c, i - 1);
            l.conv("enc.cnn." + i, in, channels(c, i), Layers.KERNEL).norm("enc.cnn." + i + ".n", channels(c, i));
        }
        l.linear("dec.cnn.in", c.feat(), embedSize(c), false);
        for (int i = stages - 1; i >= 0; i--) {
            int out = i == 0 ? c.rasterChannels() : channels(c, i - 1);
            l.deconv("dec.cnn." + i, channels(c, i), out, Layers.KERNEL);
            if (i > 0) {
                l.norm("dec.cnn." + i + ".n", out);
            }
        }
        return l;
    }

    /** Encoder embedding {@code [B, embedSize]} of normalised rasters {@code [B, C, S, S]}. */
    static NDArray encode(Params p, DreamerConfig c, NDArray raster) {
        NDArray h = raster;
        for (int i = 0; i < stages(c); i++) {
            String name = "enc.cnn." + i;
            h = Layers.silu(Layers.channelNorm(p, name + ".n", Layers.convDown(p, name, h)));
        }
        return h.reshape(h.getShape().get(0), embedSize(c));
    }

    /** Predicted normalised rasters {@code [B, C, S, S]} from model features {@code [B, feat]}. */
    static NDArray decode(Params p, DreamerConfig c, NDArray feat) {
        int stages = stages(c);
        NDArray h = Layers.linear(p, "dec.cnn.in", feat)
                .reshape(feat.getShape().get(0), channels(c, stages - 1), MIN_RES, MIN_RES);
        for (int i = stages - 1; i >= 0; i--) {
            String name = "dec.cnn." + i;
            h = Layers.convUp(p, name, h);
            if (i > 0) {
                h = Layers.silu(Layers.channelNorm(p, name + ".n", h));
            }
        }
        return h;
    }

    /**
     * Rasters as the networks see them: {@code count} rasters of {@link DreamerConfig#rasterBytes()}
     * unsigned bytes each (channel-major, row-major) → float {@code [count, C, S, S]} in [−0.5, 0.5].
     */
    static NDArray input(NDManager m, byte[] data, int count, DreamerConfig c) {
        if (data.length != count * c.rasterBytes()) {
            throw new IllegalArgumentException(
                    "expected " + count + " rasters of " + c.rasterBytes() + " bytes, had " + data.length + " bytes");
        }
        Shape shape = new Shape(count, c.rasterChannels(), c.rasterSize(), c.rasterSize());
        ByteBuffer buffer = ByteBuffer.allocateDirect(data.length).put(data).flip();
        try (NDArray bytes = m.create(buffer, shape, DataType.UINT8)) {
            return bytes.toType(DataType.FLOAT32, false).div(255f).sub(0.5f);
        }
    }
}
