package dev.drivenotes.carla.client;

import dev.drivenotes.carla.client.protocol.Actor;
import dev.drivenotes.carla.client.protocol.ActorDefinition;
import dev.drivenotes.carla.client.protocol.ActorDescription;
import dev.drivenotes.carla.client.protocol.AttachmentType;
import dev.drivenotes.carla.client.protocol.BatchResult;
import dev.drivenotes.carla.client.protocol.CommandBatch;
import dev.drivenotes.carla.client.protocol.EpisodeInfo;
import dev.drivenotes.carla.client.protocol.EpisodeSettings;
import dev.drivenotes.carla.client.protocol.MapInfo;
import dev.drivenotes.carla.client.protocol.StreamToken;
import dev.drivenotes.carla.client.protocol.Transform;
import dev.drivenotes.carla.client.rpc.PendingCall;
import dev.drivenotes.carla.client.rpc.ReplyReader;
import dev.drivenotes.carla.client.rpc.Responses;
import dev.drivenotes.carla.client.rpc.RpcConnection;
import dev.drivenotes.carla.client.stream.CollisionStream;
import dev.drivenotes.carla.client.stream.EpisodeStateStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls LibCarla's client makes, by the same names and arguments (client/detail/Client.cpp at
 * 0.9.15; the line of each is given), over one {@link RpcConnection}, plus subscriptions to the
 * server's streams. Every call waits at most the endpoint's call timeout. Not thread-safe as a
 * whole: one simulation drives one client.
 */
public final class CarlaClient implements AutoCloseable {

    private static final ReplyReader<String> STRING = Responses.of(u -> u.unpackString());
    private static final ReplyReader<Long> UNSIGNED = Responses::readUnsigned;
    private static final ReplyReader<Boolean> BOOL = Responses.of(u -> u.unpackBoolean());

    private final CarlaEndpoint endpoint;
    private final RpcConnection rpc;

    private CarlaClient(CarlaEndpoint endpoint, RpcConnection rpc) {
        this.endpoint = endpoint;
        this.rpc = rpc;
    }

    public static CarlaClient connect(CarlaEndpoint endpoint) {
        return new CarlaClient(endpoint, RpcConnection.open(endpoint));
    }

    /** Connects and refuses a server of another release (its version checked first, as LibCarla warns). */
    public static CarlaClient connectChecked(CarlaEndpoint endpoint) {
        CarlaClient client = connect(endpoint);
        try {
            CarlaVersion.require(endpoint.toString(), client.version());
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    public CarlaEndpoint endpoint() {
        return endpoint;
    }

    /** {@code version} → {@code std::string} (Client.cpp:143-145). */
    public String version() {
        return rpc.call("version", 0, p -> {}, STRING);
    }

    /** {@code get_episode_info} → {@code rpc::EpisodeInfo} (Client.cpp:185-187). */
    public EpisodeInfo episodeInfo() {
        return rpc.call("get_episode_info", 0, p -> {}, Responses.of(EpisodeInfo::unpack));
    }

    /** {@code get_map_info} → {@code rpc::MapInfo} (Client.cpp:189-191). */
    public MapInfo mapInfo() {
        return rpc.call("get_map_info", 0, p -> {}, Responses.of(MapInfo::unpack));
    }

    /** {@code get_map_data} → the OpenDRIVE text of the loaded map (Client.cpp:193-195). */
    public String mapData() {
        return rpc.call("get_map_data", 0, p -> {}, STRING);
    }

    /** {@code get_episode_settings} → {@code rpc::EpisodeSettings} (Client.cpp:254-256). */
    public EpisodeSettings episodeSettings() {
        return rpc.call("get_episode_settings", 0, p -> {}, Responses.of(EpisodeSettings::unpack));
    }

    /** {@code set_episode_settings(settings)} → the frame they apply from, {@code uint64_t} (Client.cpp:258-260). */
    public long setEpisodeSettings(EpisodeSettings settings) {
        return rpc.call("set_episode_settings", 1, settings::pack, UNSIGNED);
    }

    /** {@code get_actor_definitions} → the blueprints (Client.cpp:246-248). */
    public List<ActorDefinition> actorDefinitions() {
        return rpc.call("get_actor_definitions", 0, p -> {}, Responses.of(u -> {
            int n = u.unpackArrayHeader();
            List<ActorDefinition> definitions = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                definitions.add(ActorDefinition.unpack(u));
            }
            return definitions;
        }));
    }

    /** {@code spawn_actor(description, transform)} → {@code rpc::Actor} (Client.cpp:323-327). */
    public Actor spawnActor(ActorDescription description, Transform transform) {
        return rpc.call(
                "spawn_actor",
                2,
                p -> {
                    description.pack(p);
                    transform.pack(p);
                },
                Responses.of(Actor::unpack));
    }

    /**
     * {@code spawn_actor_with_parent(description, transform, parent, attachment_type)} → {@code
     * rpc::Actor} (Client.cpp:329-352).
     */
    public Actor spawnActorWithParent(
            ActorDescription description, Transform transform, int parentId, AttachmentType attachment) {
        return rpc.call(
                "spawn_actor_with_parent",
                4,
                p -> {
                    description.pack(p);
                    transform.pack(p);
                    p.packLong(Integer.toUnsignedLong(parentId));
                    p.packInt(attachment.code());
                },
                Responses.of(Actor::unpack));
    }

    /** {@code destroy_actor(id)} → {@code bool} (Client.cpp:354-361). */
    public boolean destroyActor(int actorId) {
        return rpc.call("destroy_actor", 1, p -> p.packLong(Integer.toUnsignedLong(actorId)), BOOL);
    }

    /**
     * {@code apply_batch(commands, do_tick_cue)} awaiting its {@code std::vector<CommandResponse>}, as
     * {@code ApplyBatchSync} does (Client.cpp:645-650); the responses are read into {@code into}.
     */
    public BatchResult applyBatch(CommandBatch commands, boolean tickCue, BatchResult into) {
        return sendBatch(commands, tickCue, into).await();
    }

    /** Sends {@code apply_batch} without waiting: {@link PendingCall#await} gives the responses. */
    public PendingCall<BatchResult> sendBatch(CommandBatch commands, boolean tickCue, BatchResult into) {
        return rpc.send(
                "apply_batch",
                2,
                p -> {
                    commands.pack(p);
                    p.packBoolean(tickCue);
                },
                into::read);
    }

    /** {@code tick_cue} → the frame the tick will produce, {@code uint64_t} (Client.cpp:652-654). */
    public long tickCue() {
        return rpc.call("tick_cue", 0, p -> {}, UNSIGNED);
    }

    /**
     * {@code load_new_episode(map_name, reset_settings, map_layers)} → {@code Response<void>}
     * (Client.cpp:147-150). The server answers once the load is scheduled; the new episode (a new id
     * in {@link #episodeInfo}) starts on a later frame.
     */
    public void loadNewEpisode(String mapName, boolean resetSettings, int mapLayers) {
        rpc.call(
                "load_new_episode",
                3,
                p -> {
                    p.packString(mapName);
                    p.packBoolean(resetSettings);
                    p.packInt(mapLayers);
                },
                Responses.VOID);
    }

    /**
     * {@code get_sensor_token(stream_id)} → the {@code streaming::Token} to subscribe with
     * (Client.cpp:589-595: LibCarla asks for it before every subscription, the episode's included).
     */
    public StreamToken sensorToken(int streamId) {
        return rpc.call(
                "get_sensor_token",
                1,
                p -> p.packLong(Integer.toUnsignedLong(streamId)),
                Responses.of(StreamToken::unpack));
    }

    /** Subscribes to the episode state stream whose token {@link #episodeInfo} gave. */
    public EpisodeStateStream subscribeEpisode(StreamToken episodeToken) {
        StreamToken token = sensorToken(episodeToken.streamId());
        return EpisodeStateStream.open(endpoint.host(), endpoint.toString(), token, endpoint.connectTimeout());
    }

    /** Subscribes to a collision sensor's stream (the token from its spawn reply). */
    public CollisionStream subscribeCollisions(StreamToken sensorToken) {
        StreamToken token = sensorToken(sensorToken.streamId());
        return new CollisionStream(endpoint.host(), token, endpoint.connectTimeout());
    }

    /** Why the connection no longer works, or null while it does. */
    public CarlaException failure() {
        return rpc.failure();
    }

    @Override
    public void close() {
        rpc.close();
    }
}
