package vn.haiphong.gddt.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Loopback ports: the emulators listen on 127.0.0.1 only, never on the machine's network. */
final class Ports {

    static final String HOST = "127.0.0.1";

    private Ports() {
    }

    static int free() {
        return distinctFree(1)[0];
    }

    /**
     * {@code count} different free ports, held open together while they are chosen: each emulator gets
     * its own, where ports chosen one after another could repeat (a port closed moments ago is free
     * again), and a node emulator booting on one would then find S3Proxy there first.
     */
    static int[] distinctFree(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST));
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("No " + count + " free ports on " + HOST, e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket that never accepted: nothing to lose
                }
            }
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
