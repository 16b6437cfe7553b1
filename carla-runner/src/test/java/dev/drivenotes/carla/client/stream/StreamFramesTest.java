package dev.drivenotes.carla.client.stream;

import static dev.drivenotes.carla.client.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.client.Hex;
import dev.drivenotes.carla.client.protocol.ActorState;
import dev.drivenotes.carla.client.protocol.TrafficLightState;
import org.junit.jupiter.api.Test;

/**
 * Stream messages written byte by byte from LibCarla 0.9.15's packed structs (little endian, as the
 * x86-64 server copies them), decoded by the client.
 */
class StreamFramesTest {

    /** SensorHeaderSerializer::Header (SensorHeaderSerializer.h:20-27), 48 bytes. */
    static final String WORLD_OBSERVER_HEADER = """
            10 00 00 00 00 00 00 00   # sensor_type 16: FWorldObserver's index in SensorRegistry (SensorRegistry.h)
            2a 00 00 00 00 00 00 00   # frame 42
            cd cc cc cc cc cc 00 40   # timestamp 2.1 (double)
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # sensor_transform: 6 floats, 0
            """;

    /** EpisodeStateSerializer::Header (EpisodeStateSerializer.h:36-43), 36 bytes. */
    static final String EPISODE_HEADER = """
            07 00 00 00 00 00 00 00   # episode_id 7
            00 00 00 00 00 44 8f 40   # platform_timestamp 1000.5 (double)
            cd cc 4c 3d               # delta_seconds 0.05f
            00 00 00 00 00 00 00 00 00 00 00 00   # map_origin (Vector3DInt, 3 × int32): 0, 0, 0
            00 00 00 00               # simulation_state None (an int-sized enum)
            """;

    /** A vehicle's ActorDynamicState (ActorDynamicState.h:121-146), 119 bytes. */
    static final String VEHICLE_24 = """
            18 00 00 00               # id 24
            01                        # actor_state Active (rpc/ActorState.h:14-19)
            00 00 20 41  00 00 20 c0  00 00 80 3e   # location x 10, y -2.5, z 0.25
            00 00 00 00  00 00 b4 42  00 00 00 00   # rotation pitch 0, yaw 90, roll 0
            00 00 00 00  00 00 a0 40  00 00 00 00   # velocity (0, 5, 0) m/s
            00 00 00 00  00 00 00 00  00 00 20 c1   # angular_velocity (0, 0, -10) deg/s
            00 00 00 00  00 00 00 00  00 00 00 00   # acceleration 0
            00 00 00 3f  00 00 80 be  00 00 00 00   # VehicleData.control: throttle 0.5, steer -0.25, brake 0 (ActorDynamicState.h:27-54)
            00 00 00  01 00 00 00                   # hand_brake, reverse, manual_gear_shift false; gear 1
            00 00 f0 41                             # speed_limit 30
            02 00  00 00 00 00  00                  # traffic_light_state Green, has_traffic_light false, traffic_light_id 0, failure_state None
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # rest of the 54-byte union
            """;

    /** A traffic light's ActorDynamicState: TrafficLightData in the union (ActorDynamicState.h:97-108). */
    static final String TRAFFIC_LIGHT_5 = """
            05 00 00 00  01
            00 00 a0 41  00 00 f0 41  00 00 00 00  00 00 00 00  00 00 00 00  00 00 00 00   # at (20, 30, 0)
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # velocities, acceleration 0
            31 31 30 34 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # sign_id "1104", char[32]
            00 00 20 41  00 00 40 40  00 00 00 40  00 00 c0 3f   # green 10, yellow 3, red 2, elapsed 1.5
            00 00 00 00  00  00       # pole_index 0, time_is_frozen false, state Red (rpc/TrafficLightState.h:16-17)
            """;

    @Test
    void episodeStateFrameWithTwoActorsDecodesEveryField() {
        byte[] message = bytes(WORLD_OBSERVER_HEADER + EPISODE_HEADER + VEHICLE_24 + TRAFFIC_LIGHT_5);
        assertThat(message).hasSize(48 + 36 + 2 * 119);
        EpisodeState state = new EpisodeState();

        assertThat(state.copyFrom(message, message.length)).isTrue();

        assertThat(state.frame()).isEqualTo(42);
        assertThat(state.timestampS()).isEqualTo(2.1);
        assertThat(state.episodeId()).isEqualTo(7);
        assertThat(state.deltaSeconds()).isEqualTo(0.05f);
        assertThat(state.actorCount()).isEqualTo(2);
        assertThat(state.actorId(0)).isEqualTo(24);
        assertThat(state.actorState(0)).isEqualTo(ActorState.ACTIVE);
        assertThat(new float[] {state.x(0), state.y(0), state.z(0)}).containsExactly(10f, -2.5f, 0.25f);
        assertThat(state.yawDeg(0)).isEqualTo(90f);
        assertThat(state.velocityY(0)).isEqualTo(5f);
        assertThat(state.angularVelocityZDegps(0)).isEqualTo(-10f);
        assertThat(new float[] {state.throttle(0), state.steer(0), state.brake(0)})
                .containsExactly(0.5f, -0.25f, 0f);
        assertThat(state.indexOf(5)).isEqualTo(1);
        assertThat(state.x(1)).isEqualTo(20f);
        assertThat(state.trafficLightState(1)).isEqualTo(TrafficLightState.RED);
        assertThat(state.indexOf(99)).isEqualTo(-1);
    }

    @Test
    void messagesOfAnotherSensorOrACutSizeAreNotTakenForEpisodeStates() {
        byte[] collision = bytes(WORLD_OBSERVER_HEADER.replaceFirst("10", "00") + EPISODE_HEADER);
        byte[] cut = bytes(WORLD_OBSERVER_HEADER + EPISODE_HEADER + VEHICLE_24);
        EpisodeState state = new EpisodeState();

        assertThat(state.copyFrom(collision, collision.length)).isFalse();
        assertThat(state.copyFrom(cut, cut.length - 1)).isFalse();
        assertThat(state.empty()).isTrue();
    }

    @Test
    void collisionEventNamesBothActorsAndTheImpulse() {
        String actorHeadAndEmptyBox =
                " 93 93 ca 00 00 00 00 ca 00 00 00 00 ca 00 00 00 00 93 ca 00 00 00 00 ca 00 00 00 00 ca 00 00 00 00"
                        + " 93 ca 00 00 00 00 ca 00 00 00 00 ca 00 00 00 00 ";
        byte[] message = bytes("""
                00 00 00 00 00 00 00 00   # sensor_type 0: ACollisionSensor, first in SensorRegistry
                2b 00 00 00 00 00 00 00   # frame 43
                33 33 33 33 33 33 01 40   # timestamp 2.15
                00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
                93                        # CollisionEventSerializer::Data: [self_actor, other_actor, normal_impulse] (CollisionEventSerializer.h:27-35)
                96 18 00                  # rpc::Actor [id 24, parent_id 0, ...] (Actor.h:54)
                93 03 b4"""
                + " " + Hex.of("vehicle.tesla.model3") + " 90 " + actorHeadAndEmptyBox
                + """
                c4 00 c4 00               # semantic_tags and stream_token: empty bin
                96 00 00                  # a building, not a registered actor: id 0 (CarlaEpisode.cpp:267-291)
                93 00 af"""
                + " " + Hex.of("static.building") + " 90 " + actorHeadAndEmptyBox
                + """
                c4 01 03 c4 00            # semantic tag 3 (Building)
                93 ca 42 c8 00 00 ca 00 00 00 00 ca 00 00 00 00   # normal_impulse (100, 0, 0)
                """);

        CollisionEvent event = CollisionEvent.decode(message, message.length);

        assertThat(event.frame()).isEqualTo(43);
        assertThat(event.self().id()).isEqualTo(24);
        assertThat(event.self().typeId()).isEqualTo("vehicle.tesla.model3");
        assertThat(event.other().id()).isZero();
        assertThat(event.other().typeId()).isEqualTo("static.building");
        assertThat(event.other().semanticTags()).containsExactly(3);
        assertThat(event.normalImpulse().x()).isEqualTo(100f);
    }
}
