package dev.drivenotes.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Ports on 127.0.0.1 for tests: is something listening, and a listener to make a port busy. */
final class Loopback {

    private Loopback() {}

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /**
     * A listener on a port p such that p - 1 .. p + 2 can be a suite's four ports, and p - 1, p + 1 and p
     * + 2 are free when it returns. Drawn below the kernel's ephemeral range (32768 and up on Linux),
     * where the machine's own outgoing connections do not take ports between the check and the test.
     */
    static ServerSocket listenWithFreeNeighbours() throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = random.nextInt(20_000, 32_000);
            ServerSocket socket;
            try {
                socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            } catch (IOException taken) {
                continue;
            }
            if (free(port - 1) && free(port + 1) && free(port + 2)) {
                return socket;
            }
            socket.close();
        }
        throw new IOException("no port in 20000..32000 with three free neighbours");
    }

    private static boolean free(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return probe.isBound();
        } catch (IOException taken) {
            return false;
        }
    }
}
