package dev.drivenotes.platform.web.testing;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;

/** Checks that a service listens on loopback and nowhere else. */
public final class Loopback {

    private Loopback() {}

    /**
     * Fails when the port does not accept connections on 127.0.0.1, or accepts them on one of this
     * machine's other addresses (when it has any).
     */
    public static void requireLoopbackOnly(int port) {
        if (!accepts(InetAddress.getLoopbackAddress(), port)) {
            throw new AssertionError("nothing listens on 127.0.0.1:" + port);
        }
        for (InetAddress address : otherAddresses()) {
            if (accepts(address, port)) {
                throw new AssertionError("the service also listens on " + address.getHostAddress() + ":" + port);
            }
        }
    }

    /** This machine's IPv4 addresses that are not loopback. */
    static List<InetAddress> otherAddresses() {
        try {
            return NetworkInterface.networkInterfaces()
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                    .toList();
        } catch (SocketException e) {
            throw new IllegalStateException("cannot list this machine's addresses", e);
        }
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
