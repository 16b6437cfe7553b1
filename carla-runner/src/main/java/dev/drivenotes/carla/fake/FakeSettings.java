package dev.drivenotes.carla.fake;

import java.io.IOException;
import java.util.List;
import org.msgpack.core.MessagePacker;
import org.msgpack.value.Value;

/**
 * The fake world's {@code rpc::EpisodeSettings}: eleven fields packed in the order of
 * EpisodeSettings.h:52-54, {@code fixed_delta_seconds} as a {@code boost::optional<double>} ({@code
 * [false]} or {@code [true, seconds]}, MsgPackAdaptors.h:53-69); null here when unset.
 */
public record FakeSettings(
        boolean synchronousMode,
        boolean noRenderingMode,
        Double fixedDeltaSeconds,
        boolean substepping,
        double maxSubstepDeltaTime,
        int maxSubsteps,
        float maxCullingDistance,
        boolean deterministicRagdolls,
        float tileStreamDistance,
        float actorActiveDistance,
        boolean spectatorAsEgo) {

    /** A fresh CARLA 0.9.15 server's settings (EpisodeSettings.h:30-50 defaults). */
    public static final FakeSettings DEFAULT =
            new FakeSettings(false, false, null, true, 0.01, 10, 0f, true, 3000f, 2000f, true);

    void pack(MessagePacker p) throws IOException {
        p.packArrayHeader(11).packBoolean(synchronousMode).packBoolean(noRenderingMode);
        if (fixedDeltaSeconds == null) {
            p.packArrayHeader(1).packBoolean(false);
        } else {
            p.packArrayHeader(2).packBoolean(true).packDouble(fixedDeltaSeconds);
        }
        p.packBoolean(substepping)
                .packDouble(maxSubstepDeltaTime)
                .packInt(maxSubsteps)
                .packFloat(maxCullingDistance)
                .packBoolean(deterministicRagdolls)
                .packFloat(tileStreamDistance)
                .packFloat(actorActiveDistance)
                .packBoolean(spectatorAsEgo);
    }

    static FakeSettings of(Value v) {
        List<Value> f = v.asArrayValue().list();
        if (f.size() != 11) {
            throw new IllegalArgumentException("rpc::EpisodeSettings has 11 fields, got " + f.size());
        }
        List<Value> fixed = f.get(2).asArrayValue().list();
        return new FakeSettings(
                f.get(0).asBooleanValue().getBoolean(),
                f.get(1).asBooleanValue().getBoolean(),
                fixed.get(0).asBooleanValue().getBoolean()
                        ? fixed.get(1).asFloatValue().toDouble()
                        : null,
                f.get(3).asBooleanValue().getBoolean(),
                f.get(4).asFloatValue().toDouble(),
                f.get(5).asIntegerValue().toInt(),
                f.get(6).asFloatValue().toFloat(),
                f.get(7).asBooleanValue().getBoolean(),
                f.get(8).asFloatValue().toFloat(),
                f.get(9).asFloatValue().toFloat(),
                f.get(10).asBooleanValue().getBoolean());
    }
}
