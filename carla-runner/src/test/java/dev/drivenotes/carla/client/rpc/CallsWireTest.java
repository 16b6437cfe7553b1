package dev.drivenotes.carla.client.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.client.CarlaClient;
import dev.drivenotes.carla.client.protocol.Actor;
import dev.drivenotes.carla.client.protocol.ActorAttributeType;
import dev.drivenotes.carla.client.protocol.ActorAttributeValue;
import dev.drivenotes.carla.client.protocol.ActorDescription;
import dev.drivenotes.carla.client.protocol.AttachmentType;
import dev.drivenotes.carla.client.protocol.BatchResult;
import dev.drivenotes.carla.client.protocol.CommandBatch;
import dev.drivenotes.carla.client.protocol.EpisodeInfo;
import dev.drivenotes.carla.client.protocol.EpisodeSettings;
import dev.drivenotes.carla.client.protocol.Transform;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bytes of the calls a simulation makes, derived by hand from LibCarla 0.9.15's definitions. */
class CallsWireTest {

    ScriptedServer server;
    CarlaClient client;

    @BeforeEach
    void connect() throws Exception {
        server = new ScriptedServer();
        client = CarlaClient.connect(server.endpoint(Duration.ofSeconds(5)));
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        server.close();
    }

    private ScriptedServer.Exchange answer(String request, String reply) {
        return server.exchange(request, reply);
    }

    @Test
    void applyBatchOfVehicleControlsAndItsCommandResponses() throws Exception {
        ScriptedServer.Exchange s = answer("""
                94 00 01 ab 61 70 70 6c 79 5f 62 61 74 63 68   # "apply_batch"
                93 91 c2        # metadata + 2 arguments: commands, do_tick_cue (Client.cpp:645-650)
                92              # std::vector<rpc::Command> of 2
                91 92 02        # Command: MSGPACK_DEFINE_ARRAY(command) (Command.h:310) = [variant [index 2 = ApplyVehicleControl (Command.h:284-287), ...]]
                92 18           # ApplyVehicleControl: MSGPACK_DEFINE_ARRAY(actor, control) (Command.h:84); actor 24
                97 ca 3f 00 00 00 ca be 80 00 00 ca 00 00 00 00 c2 c2 c2 00   # VehicleControl (VehicleControl.h:89-96): throttle 0.5f, steer -0.25f, brake 0f, hand_brake, reverse, manual_gear_shift false, gear 0
                91 92 02 92 cc c8   # actor 200 (uint8)
                97 ca 00 00 00 00 ca 3f 80 00 00 ca 3f 80 00 00 c2 c2 c2 00   # throttle 0, steer 1, brake 1
                c2              # do_tick_cue false
                """, """
                94 01 01 c0
                92              # std::vector<CommandResponse>, not wrapped in a Response (CarlaServer.cpp:2506-2520)
                91 92 01 18     # Response<ActorId> (CommandResponse.h:15): [[1, 24]]
                91 92 00 91 af 41 63 74 6f 72 20 6e 6f 74 20 66 6f 75 6e 64   # [[0, ["Actor not found"]]]
                """);
        CommandBatch batch =
                new CommandBatch().vehicleControl(24, 0.5f, -0.25f, 0f).vehicleControl(200, 0f, 1f, 1f);

        BatchResult result = client.applyBatch(batch, false, new BatchResult());

        s.join();
        assertThat(result.size()).isEqualTo(2);
        assertThat(result.actor(0)).isEqualTo(24);
        assertThat(result.error(0)).isNull();
        assertThat(result.error(1)).isEqualTo("Actor not found");
        assertThat(result.failures()).isEqualTo(1);
    }

    @Test
    void spawnTransformAndDestroyCommands() throws Exception {
        ScriptedServer.Exchange s =
                answer("""
                94 00 01 ab 61 70 70 6c 79 5f 62 61 74 63 68 93 91 c2
                93                  # 3 commands
                91 92 00 94         # SpawnActor (index 0): [description, transform, parent, do_after] (Command.h:62-66)
                  93 05 af 76 65 68 69 63 6c 65 2e 61 75 64 69 2e 61 32   # ActorDescription [uid 5, "vehicle.audi.a2", attributes] (ActorDescription.h:60)
                  91 93 a9 72 6f 6c 65 5f 6e 61 6d 65 03 a3 6e 70 63      # [ActorAttributeValue ["role_name", String = 3, "npc"]] (ActorAttribute.h:101; ActorAttributeType.h:14-18)
                  92 93 ca 41 20 00 00 ca c0 20 00 00 ca 00 00 00 00      # Transform [location [10f, -2.5f, 0f] ...] (Transform.h:34, Vector3D.h:187-201)
                     93 ca 00 00 00 00 ca 42 b4 00 00 ca 00 00 00 00      #   ... rotation [pitch 0, yaw 90f, roll 0]] (Rotation.h:35)
                  91 c2             # boost::optional<ActorId> parent, empty: [false] (MsgPackAdaptors.h:64-66)
                  91 91 92 0e 92 00 c2   # do_after: [SetSimulatePhysics (index 14) [actor 0, enabled false]] (Command.h:206-214)
                91 92 06 92 18      # ApplyTransform (index 6) [actor 24, transform] (Command.h:124)
                  92 93 ca 3f 80 00 00 ca 40 00 00 00 ca 40 40 00 00 93 ca 00 00 00 00 ca c3 34 00 00 ca 00 00 00 00   # [1, 2, 3] [0, -180, 0]
                91 92 01 91 cd 01 2c    # DestroyActor (index 1) [actor 300] (Command.h:73-74)
                c2
                """, "94 01 01 c0 93 91 92 01 cd 01 2d 91 92 01 18 91 92 01 cd 01 2c   # spawned 301; 24; 300");
        ActorDescription audi = new ActorDescription(
                5, "vehicle.audi.a2", List.of(new ActorAttributeValue("role_name", ActorAttributeType.STRING, "npc")));
        CommandBatch batch = new CommandBatch()
                .spawn(audi, 10f, -2.5f, 0f, 0f, 90f, 0f, true)
                .transform(24, 1f, 2f, 3f, 0f, -180f, 0f)
                .destroy(300);

        BatchResult result = client.applyBatch(batch, false, new BatchResult());

        s.join();
        assertThat(result.actor(0)).isEqualTo(301);
        assertThat(result.failures()).isZero();
    }

    @Test
    void episodeInfoCarriesTheEpisodeStreamsToken() throws Exception {
        ScriptedServer.Exchange s = answer("94 00 01 b0 67 65 74 5f 65 70 69 73 6f 64 65 5f 69 6e 66 6f 91 91 c2", """
                94 01 01 c0 91 92 01
                92 07               # EpisodeInfo: MSGPACK_DEFINE_ARRAY(id, token) (EpisodeInfo.h:28), id 7
                91 c4 18            # streaming::Token: MSGPACK_DEFINE_ARRAY(data), std::array<unsigned char, 24> as bin 24 (Token.h:20-22)
                01 00 00 00         # token_data.stream_id = 1, uint32 little endian (detail/Token.h:25)
                d1 07               # port 2001, uint16 little endian (detail/Token.h:27)
                01                  # protocol tcp (detail/Token.h:29-33)
                00                  # address_type not_set (detail/Token.h:35-39)
                00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # address union, unset (detail/Token.h:41-44)
                """);

        EpisodeInfo info = client.episodeInfo();

        s.join();
        assertThat(info.id()).isEqualTo(7);
        assertThat(info.token().streamId()).isEqualTo(1);
        assertThat(info.token().port()).isEqualTo(2001);
        assertThat(info.token().protocol()).isEqualTo(1);
        assertThat(info.token().address()).isEmpty();
    }

    @Test
    void setEpisodeSettingsSendsAllElevenFieldsAndReadsTheFrame() throws Exception {
        ScriptedServer.Exchange s =
                answer("""
                94 00 01 b4 73 65 74 5f 65 70 69 73 6f 64 65 5f 73 65 74 74 69 6e 67 73   # "set_episode_settings"
                92 91 c2
                9b                  # EpisodeSettings, 11 fields (EpisodeSettings.h:52-54)
                c3 c2               # synchronous_mode true, no_rendering_mode false
                92 c3 cb 3f a9 99 99 99 99 99 9a   # boost::optional<double> fixed_delta_seconds = [true, 0.05] (MsgPackAdaptors.h:59-62)
                c3                  # substepping
                cb 3f 84 7a e1 47 ae 14 7b         # max_substep_delta_time 0.01 (double)
                0a                  # max_substeps 10 (int)
                ca 00 00 00 00      # max_culling_distance 0f (float)
                c3                  # deterministic_ragdolls
                ca 45 3b 80 00      # tile_stream_distance 3000f
                ca 44 fa 00 00      # actor_active_distance 2000f
                c3                  # spectator_as_ego
                """, "94 01 01 c0 91 92 01 0c   # Response<uint64_t>: frame 12 (CarlaServer.cpp:539-557)");
        EpisodeSettings settings =
                new EpisodeSettings(true, false, OptionalDouble.of(0.05), true, 0.01, 10, 0f, true, 3000f, 2000f, true);

        assertThat(client.setEpisodeSettings(settings)).isEqualTo(12L);
        s.join();
    }

    @Test
    void spawnActorWithParentSendsParentAndAttachmentAndReadsTheSensorActor() throws Exception {
        ScriptedServer.Exchange s = answer("""
                94 00 01 b7 73 70 61 77 6e 5f 61 63 74 6f 72 5f 77 69 74 68 5f 70 61 72 65 6e 74   # "spawn_actor_with_parent"
                95 91 c2            # metadata + description, transform, parent, attachment_type (Client.cpp:347-351)
                93 cc 8c b6 73 65 6e 73 6f 72 2e 6f 74 68 65 72 2e 63 6f 6c 6c 69 73 69 6f 6e 90   # [uid 140, "sensor.other.collision", []]
                92 93 ca 00 00 00 00 ca 00 00 00 00 ca 00 00 00 00 93 ca 00 00 00 00 ca 00 00 00 00 ca 00 00 00 00
                18                  # parent actor 24
                00                  # AttachmentType::Rigid (AttachmentType.h:16-17)
                """, """
                94 01 01 c0 91 92 01
                96 19 18            # rpc::Actor [id 25, parent_id 24, ...] (Actor.h:54)
                93 cc 8c b6 73 65 6e 73 6f 72 2e 6f 74 68 65 72 2e 63 6f 6c 6c 69 73 69 6f 6e 90
                93 93 ca 00 00 00 00 ca 00 00 00 00 ca 00 00 00 00   # bounding_box [location, extent, rotation] (BoundingBox.h:144)
                   93 ca 00 00 00 00 ca 00 00 00 00 ca 00 00 00 00
                   93 ca 00 00 00 00 ca 00 00 00 00 ca 00 00 00 00
                c4 00               # semantic_tags, std::vector<uint8_t> as bin: none
                c4 18 05 00 00 00 d1 07 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # stream_token: stream 5, port 2001, tcp, no address
                """);
        ActorDescription sensor = new ActorDescription(140, "sensor.other.collision", List.of());

        Actor actor = client.spawnActorWithParent(sensor, Transform.IDENTITY, 24, AttachmentType.RIGID);

        s.join();
        assertThat(actor.id()).isEqualTo(25);
        assertThat(actor.parentId()).isEqualTo(24);
        assertThat(actor.typeId()).isEqualTo("sensor.other.collision");
        assertThat(actor.token())
                .hasValueSatisfying(t -> assertThat(t.streamId()).isEqualTo(5));
    }

    @Test
    void getSensorTokenSendsTheStreamIdAndTickCueReadsTheFrame() throws Exception {
        ScriptedServer.Exchange s = answer(
                "94 00 01 b0 67 65 74 5f 73 65 6e 73 6f 72 5f 74 6f 6b 65 6e 92 91 c2 05   # get_sensor_token(stream_id 5) (Client.cpp:593)",
                "94 01 01 c0 91 92 01 91 c4 18 05 00 00 00 d2 07 01 01 7f 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00");

        assertThat(client.sensorToken(5)).satisfies(t -> {
            assertThat(t.port()).isEqualTo(2002);
            assertThat(t.address())
                    .hasValueSatisfying(a -> assertThat(a.getHostAddress()).isEqualTo("127.0.0.1"));
        });
        s.join();

        ScriptedServer.Exchange tick = answer(
                "94 00 02 a8 74 69 63 6b 5f 63 75 65 91 91 c2",
                "94 01 02 c0 91 92 01 ce 00 01 11 70   # Response<uint64_t>: frame 70000 (CarlaServer.cpp:266-272)");
        assertThat(client.tickCue()).isEqualTo(70_000L);
        tick.join();
    }
}
