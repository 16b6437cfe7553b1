package dev.drivenotes.carla.client.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.client.Hex;
import dev.drivenotes.carla.client.protocol.StreamToken;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The subscription handshake and message framing of streaming/detail/tcp/Client.cpp. */
class StreamConnectionTest {

    @Test
    void sendsTheStreamIdThenReadsSizePrefixedMessagesAndConnectsAgainWhenDropped() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> received = new CopyOnWriteArrayList<>();
            StreamToken token = StreamToken.tcp(0x01020304, listener.getLocalPort());
            try (StreamConnection stream = new StreamConnection(
                            "127.0.0.1",
                            token,
                            Duration.ofSeconds(2),
                            (m, n) -> received.add(Hex.format(Arrays.copyOf(m, n))))
                    .start()) {
                for (int i = 0; i < 2; i++) {
                    int session = i;
                    try (Socket s = listener.accept()) {
                        byte[] id = new byte[4];
                        new DataInputStream(s.getInputStream()).readFully(id);
                        // the uint32 stream id as memory, little endian (Client.cpp:113-118)
                        assertThat(Hex.format(id)).isEqualTo("04 03 02 01");
                        OutputStream out = s.getOutputStream();
                        // message_size_type uint32 then the bytes (tcp/Message.h:62, Client.cpp:194-221)
                        out.write(Hex.bytes("03 00 00 00 aa bb cc  02 00 00 00 dd ee"));
                        out.flush();
                        Awaitility.await()
                                .atMost(5, TimeUnit.SECONDS)
                                .until(() -> received.size() >= 2 * (session + 1));
                    }
                }
                assertThat(received).containsExactly("aa bb cc", "dd ee", "aa bb cc", "dd ee");
                assertThat(stream.connections()).isGreaterThanOrEqualTo(2);
            }
        }
    }
}
