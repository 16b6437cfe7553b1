package dev.drivenotes.carla.fake;

import java.io.IOException;
import java.util.List;
import org.msgpack.core.MessagePacker;
import org.msgpack.value.ArrayValue;
import org.msgpack.value.Value;

/**
 * The server side's msgpack layouts, written out field by field from LibCarla's {@code
 * MSGPACK_DEFINE_ARRAY} declarations (independently of the client's protocol package), and the
 * reading of call arguments from generic msgpack values.
 */
final class FakeWire {

    private FakeWire() {}

    /** {@code Response<T>} with a value: {@code [[1, value]]} (rpc/Response.h:97-101; MsgPackAdaptors.h:139-150). */
    static void value(MessagePacker p) throws IOException {
        p.packArrayHeader(1).packArrayHeader(2).packInt(1);
    }

    /** {@code Response<T>} with an error: {@code [[0, [message]]]}; also a default-constructed {@code Response<T>}. */
    static void error(MessagePacker p, String message) throws IOException {
        p.packArrayHeader(1).packArrayHeader(2).packInt(0).packArrayHeader(1).packString(message);
    }

    /** {@code Response<void>} success: {@code [[false]]} (Response.h:138-146; MsgPackAdaptors.h:64-66). */
    static void voidSuccess(MessagePacker p) throws IOException {
        p.packArrayHeader(1).packArrayHeader(1).packBoolean(false);
    }

    /** {@code Response<void>} error, and a default-constructed one: {@code [[true, [message]]]}. */
    static void voidError(MessagePacker p, String message) throws IOException {
        p.packArrayHeader(1)
                .packArrayHeader(2)
                .packBoolean(true)
                .packArrayHeader(1)
                .packString(message);
    }

    /** {@code geom::Transform}: {@code [[x, y, z], [pitch, yaw, roll]]} as float32 (Transform.h:34). */
    static void transform(MessagePacker p, float[] t) throws IOException {
        p.packArrayHeader(2);
        p.packArrayHeader(3).packFloat(t[0]).packFloat(t[1]).packFloat(t[2]);
        p.packArrayHeader(3).packFloat(t[3]).packFloat(t[4]).packFloat(t[5]);
    }

    /** {@code rpc::Actor}: {@code [id, parent_id, description, bounding_box, semantic_tags, stream_token]} (Actor.h:54). */
    static void actor(MessagePacker p, FakeActor a) throws IOException {
        p.packArrayHeader(6);
        p.packLong(Integer.toUnsignedLong(a.id()));
        p.packLong(Integer.toUnsignedLong(a.parentId()));
        p.packArrayHeader(3).packLong(a.uid()).packString(a.typeId());
        p.packArrayHeader(a.attributes().size());
        for (String[] attribute : a.attributes()) {
            p.packArrayHeader(3)
                    .packString(attribute[0])
                    .packInt(Integer.parseInt(attribute[1]))
                    .packString(attribute[2]);
        }
        float[] box = a.box();
        p.packArrayHeader(3);
        p.packArrayHeader(3).packFloat(box[0]).packFloat(box[1]).packFloat(box[2]);
        p.packArrayHeader(3).packFloat(box[3]).packFloat(box[4]).packFloat(box[5]);
        p.packArrayHeader(3).packFloat(0).packFloat(0).packFloat(0);
        p.packBinaryHeader(a.semanticTags().length).writePayload(a.semanticTags());
        byte[] token = a.streamId() == 0 ? new byte[0] : FakeStreams.token(a.streamId(), a.streamPort());
        p.packBinaryHeader(token.length).writePayload(token);
    }

    static float[] transform(Value v) {
        List<Value> parts = v.asArrayValue().list();
        List<Value> l = parts.get(0).asArrayValue().list();
        List<Value> r = parts.get(1).asArrayValue().list();
        return new float[] {f(l.get(0)), f(l.get(1)), f(l.get(2)), f(r.get(0)), f(r.get(1)), f(r.get(2))};
    }

    static float f(Value v) {
        return v.isFloatValue()
                ? v.asFloatValue().toFloat()
                : v.asIntegerValue().toInt();
    }

    static int u32(Value v) {
        return (int) v.asIntegerValue().toLong();
    }

    static ArrayValue array(Value v) {
        return v.asArrayValue();
    }
}
