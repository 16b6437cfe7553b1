package dev.drivenotes.carla.fake;

import java.util.List;

/**
 * An actor of the fake world, in CARLA's frame (left-handed; metres, degrees). Vehicles with physics
 * on move by a kinematic bicycle from their last control; with physics off they stay where a
 * transform put them.
 */
final class FakeActor {

    static final float WHEELBASE_M = 2.9f;
    static final float MAX_WHEEL_ANGLE_RAD = 0.7f;

    private final int id;
    private final int parentId;
    private final int uid;
    private final String typeId;
    private final List<String[]> attributes;
    private final float[] box;
    private final byte[] semanticTags;
    private final int streamId;
    private final int streamPort;
    final float[] transform;
    final float[] velocity = new float[3];
    float throttle;
    float steer;
    float brake;
    boolean physics = true;

    /**
     * @param attributes {@code [id, type code, value]} as the spawn request named them
     * @param box bounding box location and extent, 6 floats
     */
    FakeActor(
            int id,
            int parentId,
            int uid,
            String typeId,
            List<String[]> attributes,
            float[] box,
            byte[] semanticTags,
            int streamId,
            int streamPort,
            float[] transform) {
        this.id = id;
        this.parentId = parentId;
        this.uid = uid;
        this.typeId = typeId;
        this.attributes = List.copyOf(attributes);
        this.box = box.clone();
        this.semanticTags = semanticTags.clone();
        this.streamId = streamId;
        this.streamPort = streamPort;
        this.transform = transform.clone();
    }

    int id() {
        return id;
    }

    int parentId() {
        return parentId;
    }

    int uid() {
        return uid;
    }

    String typeId() {
        return typeId;
    }

    List<String[]> attributes() {
        return attributes;
    }

    float[] box() {
        return box;
    }

    byte[] semanticTags() {
        return semanticTags;
    }

    int streamId() {
        return streamId;
    }

    int streamPort() {
        return streamPort;
    }

    String attribute(String name) {
        return attributes.stream()
                .filter(a -> a[0].equals(name))
                .map(a -> a[2])
                .findFirst()
                .orElse("");
    }

    boolean vehicle() {
        return typeId.startsWith("vehicle.");
    }

    /** One step of the bicycle: steer positive turns right, so the yaw (clockwise) grows. */
    void drive(double dtS) {
        double speed = Math.hypot(velocity[0], velocity[1]);
        speed = Math.max(0, speed + (throttle * 3.5 - brake * 8 - 0.02 * speed) * dtS);
        double yawRad =
                Math.toRadians(transform[4]) + speed / WHEELBASE_M * Math.tan(steer * MAX_WHEEL_ANGLE_RAD) * dtS;
        transform[4] = (float) Math.toDegrees(Math.atan2(Math.sin(yawRad), Math.cos(yawRad)));
        velocity[0] = (float) (speed * Math.cos(yawRad));
        velocity[1] = (float) (speed * Math.sin(yawRad));
        transform[0] += (float) (velocity[0] * dtS);
        transform[1] += (float) (velocity[1] * dtS);
    }

    /** Whether this actor's box and another's overlap on the ground (separating axes). */
    boolean touches(FakeActor o) {
        double dx = o.transform[0] - transform[0];
        double dy = o.transform[1] - transform[1];
        double a = Math.toRadians(transform[4]);
        double b = Math.toRadians(o.transform[4]);
        double[][] axes = {
            {Math.cos(a), Math.sin(a)},
            {-Math.sin(a), Math.cos(a)},
            {Math.cos(b), Math.sin(b)},
            {-Math.sin(b), Math.cos(b)}
        };
        for (double[] axis : axes) {
            double ra = reach(box, a, axis);
            double rb = reach(o.box, b, axis);
            if (Math.abs(dx * axis[0] + dy * axis[1]) > ra + rb) {
                return false;
            }
        }
        return true;
    }

    private static double reach(float[] box, double yaw, double[] axis) {
        double c = Math.cos(yaw);
        double s = Math.sin(yaw);
        return box[3] * Math.abs(c * axis[0] + s * axis[1]) + box[4] * Math.abs(-s * axis[0] + c * axis[1]);
    }
}
