package dev.drivenotes.carla.client.protocol;

import dev.drivenotes.carla.client.rpc.MsgPack;
import java.io.IOException;
import java.util.OptionalDouble;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageTypeException;
import org.msgpack.core.MessageUnpacker;

/**
 * {@code carla::rpc::EpisodeSettings} at 0.9.15 (rpc/EpisodeSettings.h:30-54): eleven fields in
 * this order, {@code double}s as float64, {@code float}s as float32, {@code int max_substeps}, and
 * {@code boost::optional<double> fixed_delta_seconds} packed by MsgPackAdaptors.h:53-69 as {@code
 * [false]} (variable step) or {@code [true, seconds]}. Read and written whole, so that settings
 * saved before a simulation go back exactly as they were.
 */
public record EpisodeSettings(
        boolean synchronousMode,
        boolean noRenderingMode,
        OptionalDouble fixedDeltaSeconds,
        boolean substepping,
        double maxSubstepDeltaTime,
        int maxSubsteps,
        float maxCullingDistance,
        boolean deterministicRagdolls,
        float tileStreamDistance,
        float actorActiveDistance,
        boolean spectatorAsEgo) {

    public EpisodeSettings {
        java.util.Objects.requireNonNull(fixedDeltaSeconds, "fixedDeltaSeconds");
    }

    /** These settings in synchronous mode with a fixed step, everything else kept. */
    public EpisodeSettings synchronous(double stepSeconds) {
        return new EpisodeSettings(
                true,
                noRenderingMode,
                OptionalDouble.of(stepSeconds),
                substepping,
                maxSubstepDeltaTime,
                maxSubsteps,
                maxCullingDistance,
                deterministicRagdolls,
                tileStreamDistance,
                actorActiveDistance,
                spectatorAsEgo);
    }

    public void pack(MessagePacker p) throws IOException {
        p.packArrayHeader(11);
        p.packBoolean(synchronousMode);
        p.packBoolean(noRenderingMode);
        if (fixedDeltaSeconds.isPresent()) {
            p.packArrayHeader(2);
            p.packBoolean(true);
            p.packDouble(fixedDeltaSeconds.getAsDouble());
        } else {
            p.packArrayHeader(1);
            p.packBoolean(false);
        }
        p.packBoolean(substepping);
        p.packDouble(maxSubstepDeltaTime);
        p.packInt(maxSubsteps);
        p.packFloat(maxCullingDistance);
        p.packBoolean(deterministicRagdolls);
        p.packFloat(tileStreamDistance);
        p.packFloat(actorActiveDistance);
        p.packBoolean(spectatorAsEgo);
    }

    public static EpisodeSettings unpack(MessageUnpacker u) throws IOException {
        MsgPack.expectArray(u, 11, "rpc::EpisodeSettings");
        boolean synchronous = u.unpackBoolean();
        boolean noRendering = u.unpackBoolean();
        int optional = u.unpackArrayHeader();
        boolean present = u.unpackBoolean();
        OptionalDouble fixed;
        if (optional == 2 && present) {
            fixed = OptionalDouble.of(u.unpackDouble());
        } else if (optional == 1 && !present) {
            fixed = OptionalDouble.empty();
        } else {
            throw new MessageTypeException("boost::optional<double> of size " + optional + " flag " + present);
        }
        return new EpisodeSettings(
                synchronous,
                noRendering,
                fixed,
                u.unpackBoolean(),
                u.unpackDouble(),
                u.unpackInt(),
                u.unpackFloat(),
                u.unpackBoolean(),
                u.unpackFloat(),
                u.unpackFloat(),
                u.unpackBoolean());
    }
}
