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

    /** A listener on a free port p such that p - 1 .. p + 2 can be a suite's four ports. */
    static ServerSocket listenBelowTheTopPorts() throws IOException {
        while (true) {
            ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            int port = socket.getLocalPort();
            if (port > 1024 && port + 2 <= 65535) {
                return socket;
            }
            socket.close();
        }
    }
}
