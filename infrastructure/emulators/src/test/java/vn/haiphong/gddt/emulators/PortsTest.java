package vn.haiphong.gddt.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.RepeatedTest;

class PortsTest {
    /** Chosen one after another, a port just closed could come back; chosen together, never. */
    @RepeatedTest(20)
    void the_ports_of_one_stack_are_all_different_and_free_to_listen_on() throws IOException {
        int[] ports = Ports.distinctFree(4);

        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(4);
        for (int port : ports) {
            try (ServerSocket listening = new ServerSocket(port, 1, InetAddress.getByName(Ports.HOST))) {
                assertThat(listening.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
