package dev.drivenotes.carla.client.rpc;

import static dev.drivenotes.carla.client.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.carla.client.CarlaClient;
import dev.drivenotes.carla.client.CarlaConnectionException;
import dev.drivenotes.carla.client.CarlaRpcException;
import dev.drivenotes.carla.client.CarlaTimeoutException;
import dev.drivenotes.carla.client.Hex;
import dev.drivenotes.carla.client.protocol.MapLayer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes of calls and replies, derived by hand from rpclib v2.2.1_c5 and LibCarla 0.9.15
 * (each field's source in the comments), exchanged with a hand-driven loopback server.
 */
class RpcWireTest {

    /** {@code ["version"]} as LibCarla's {@code Client::GetServerVersion} calls it (Client.cpp:143-145). */
    static final String VERSION_CALL = """
            94                        # fixarray 4: rpclib's call tuple (include/rpc/client.inl:28-30)
            00                        # request type 0, a call (uint8_t)
            01                        # msgid 1: the first ++call_idx_ (lib/rpc/client.cc:195-197)
            a7 76 65 72 73 69 6f 6e   # "version" (fixstr 7)
            91                        # the argument tuple: metadata only (carla/rpc/Client.h:31-34)
            91 c2                     # rpc::Metadata::MakeSync(): MSGPACK_DEFINE_ARRAY(_asynchronous_call) = [false] (Metadata.h:20-22, 40)
            """;

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
    void versionCallCarriesSyncMetadataAndItsResponseWrapsTheString() throws Exception {
        ScriptedServer.Exchange s = answer(VERSION_CALL, """
                94 01 01 c0           # [1, msgid 1, error nil, result] (lib/rpc/detail/response.cc:26-31)
                91                    # Response<std::string>: MSGPACK_DEFINE_ARRAY(_data) (carla/rpc/Response.h:97)
                92 01                 # variant<ResponseError, std::string>: [index 1 = the value, ...] (Response.h:101; MsgPackAdaptors.h:145-147)
                a6 30 2e 39 2e 31 35  # "0.9.15"
                """);

        assertThat(client.version()).isEqualTo("0.9.15");
        s.join();
    }

    @Test
    void responseErrorBecomesAnExceptionWithTheServersMessage() throws Exception {
        ScriptedServer.Exchange s = answer("""
                94 00 01
                b0 67 65 74 5f 65 70 69 73 6f 64 65 5f 69 6e 66 6f   # "get_episode_info" (fixstr 16)
                91 91 c2
                """, """
                94 01 01 c0
                91 92 00                # Response variant index 0: rpc::ResponseError
                91 b1 65 70 69 73 6f 64 65 20 6e 6f 74 20 72 65 61 64 79   # MSGPACK_DEFINE_ARRAY(_what) = ["episode not ready"] (Response.h:41; CarlaServer.cpp:150-151)
                """);

        assertThatThrownBy(() -> client.episodeInfo())
                .isInstanceOfSatisfying(CarlaRpcException.class, e -> {
                    assertThat(e.method()).isEqualTo("get_episode_info");
                    assertThat(e.serverMessage()).isEqualTo("episode not ready");
                })
                .hasMessageContaining("refused get_episode_info: episode not ready");
        s.join();
    }

    @Test
    void rpclibErrorFieldFailsTheCall() throws Exception {
        String message = "rpclib: server could not find function 'version' with argument count 1.";
        ScriptedServer.Exchange s = answer(
                VERSION_CALL,
                "94 01 01 d9 " + Integer.toHexString(message.length()) + " " + Hex.of(message) + " # str8 error"
                        + "\n c0   # result nil (dispatcher.cc:81-84, response.cc:28-29)");

        assertThatThrownBy(() -> client.version())
                .isInstanceOfSatisfying(
                        CarlaRpcException.class,
                        e -> assertThat(e.serverMessage()).isEqualTo(message));
        s.join();
    }

    @Test
    void loadNewEpisodeSendsMapNameResetFlagAndLayersAndReadsResponseVoid() throws Exception {
        String call = """
                94 00 01 b0 6c 6f 61 64 5f 6e 65 77 5f 65 70 69 73 6f 64 65   # "load_new_episode"
                94 91 c2                # metadata + 3 arguments (Client.cpp:147-150)
                a6 54 6f 77 6e 30 32    # map_name "Town02"
                c3                      # reset_settings true
                cd ff ff                # rpc::MapLayer::All = 0xFFFF, its uint16_t value (MapLayer.h:30, MSGPACK_ADD_ENUM :38)
                """;
        ScriptedServer.Exchange s = answer(
                call,
                "94 01 01 c0  91 91 c2  # Response<void> success: [boost::optional empty = [false]] (Response.h:138-146; MsgPackAdaptors.h:64-66)");
        client.loadNewEpisode("Town02", true, MapLayer.ALL);
        s.join();

        ScriptedServer.Exchange refused = answer(call.replace("94 00 01", "94 00 02"), """
                94 01 02 c0
                91 92 c3                # Response<void> error: [optional set = [true, ResponseError]] (MsgPackAdaptors.h:59-62)
                91 b6 4d 61 70 20 27 54 6f 77 6e 39 39 27 20 6e 6f 74 20 66 6f 75 6e 64   # ["Map 'Town99' not found"] (CarlaServer.cpp:308-313)
                """);
        assertThatThrownBy(() -> client.loadNewEpisode("Town02", true, MapLayer.ALL))
                .isInstanceOfSatisfying(
                        CarlaRpcException.class,
                        e -> assertThat(e.serverMessage()).isEqualTo("Map 'Town99' not found"));
        refused.join();
    }

    @Test
    void repliesAreMatchedToCallsByMsgidWhateverTheirOrder() throws Exception {
        try (ScriptedServer server = new ScriptedServer();
                RpcConnection rpc = RpcConnection.open(server.endpoint(Duration.ofSeconds(5)))) {
            PendingCall<Long> first = rpc.send("tick_cue", 0, Args.NONE, Responses::readUnsigned);
            PendingCall<Long> second = rpc.send("tick_cue", 0, Args.NONE, Responses::readUnsigned);
            // both calls: 94 00 <id> a8 "tick_cue" 91 91 c2
            server.read(2 * bytes("94 00 01 a8 74 69 63 6b 5f 63 75 65 91 91 c2").length);
            server.write(bytes("94 01 02 c0 91 92 01 cd 01 2c   # msgid 2 first: frame 300 (uint16)"));
            server.write(bytes("94 01 01 c0 91 92 01 cc c8      # then msgid 1: frame 200 (uint8)"));

            assertThat(second.await()).isEqualTo(300L);
            assertThat(first.await()).isEqualTo(200L);
        }
    }

    @Test
    void asyncCallCarriesAsyncMetadataAndItsAnswerIsDropped() throws Exception {
        try (ScriptedServer server = new ScriptedServer();
                RpcConnection rpc = RpcConnection.open(server.endpoint(Duration.ofSeconds(5)))) {
            rpc.callAsync("tick_cue", 0, Args.NONE);
            assertThat(Hex.format(server.read(15)))
                    .isEqualTo(Hex.format(bytes(
                            "94 00 01 a8 74 69 63 6b 5f 63 75 65 91 91 c3  # MakeAsync: [true] (Metadata.h:24-26)")));
            // the server answers an asynchronous call with a default Response: index 0, "unknown error"
            // (rpc/Server.h:114-117, Response.h:48)
            server.write(bytes("94 01 01 c0 91 92 00 91 ad" + " " + Hex.of("unknown error")));
            PendingCall<Long> next = rpc.send("tick_cue", 0, Args.NONE, Responses::readUnsigned);
            server.read(15);
            server.write(bytes("94 01 02 c0 91 92 01 05"));

            assertThat(next.await()).isEqualTo(5L);
            assertThat(rpc.failure()).isNull();
        }
    }

    @Test
    void aServerThatDoesNotAnswerTimesOutTheCall() throws Exception {
        try (ScriptedServer slow = new ScriptedServer();
                CarlaClient impatient = CarlaClient.connect(slow.endpoint(Duration.ofMillis(300)))) {
            long started = System.nanoTime();

            assertThatThrownBy(impatient::version)
                    .isInstanceOf(CarlaTimeoutException.class)
                    .hasMessageContaining("did not answer version within 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            slow.read(bytes(VERSION_CALL).length);
        }
    }

    @Test
    void aDroppedConnectionFailsTheCallInFlightAndEveryLaterOne() throws Exception {
        Thread s = Thread.ofVirtual().start(() -> {
            try {
                server.read(bytes(VERSION_CALL).length);
                server.drop();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });

        assertThatThrownBy(client::version)
                .isInstanceOf(CarlaConnectionException.class)
                .hasMessageContaining("lost");
        s.join();
        assertThatThrownBy(client::version).isInstanceOf(CarlaConnectionException.class);
    }

    @Test
    void aReplyThatIsNotMsgpackRpcBreaksTheConnection() throws Exception {
        ScriptedServer.Exchange s = answer(VERSION_CALL, "93 00 01 c0   # a request-shaped array of 3, not a reply");

        assertThatThrownBy(client::version)
                .isInstanceOf(CarlaConnectionException.class)
                .hasMessageContaining("broke the msgpack-rpc protocol");
        s.join();
    }
}
