package vn.haiphong.gddt.emulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on a free loopback port in front of one emulator, to switch that service off and on as
 * an outage would while its data stays as it was.
 *
 * <p>It pipes bytes both ways and reads none of them, so a request arrives with the {@code Host}
 * header its client sent, and every SigV4 signature over that header holds, presigned URLs included.
 * (That is why it is not an HTTP proxy: {@link FaultyProxy} cannot forward {@code Host}; it answers
 * single scripted SES errors instead, for tests that need an exact AWS error.)
 *
 * <p>While {@link #down()}, every connection is reset (a TCP reset) as soon as a byte travels on it either
 * way, and every new one as soon as it is accepted: each request fails with a connection error, as against
 * a service that stopped answering, including one already under way. A connection that stays idle through
 * the outage is left alone: HTTP clients keep idle connections in a pool, and one cut while idle would
 * fail the first calls after {@link #up()} as well, when the outage is over. Several proxies may stand in
 * front of one emulator, each switched on its own.
 */
public final class OutageProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutageProxy.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final URI target;
    private final ServerSocket listener;
    private final ExecutorService threads;
    private final Set<Pipe> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger holding = new AtomicInteger();
    private final AtomicReference<List<String>> loseAnswerTo = new AtomicReference<>();
    private final AtomicInteger answersLost = new AtomicInteger();
    private volatile boolean down;
    private volatile Duration slowBy = Duration.ZERO;

    private OutageProxy(URI target, ServerSocket listener, ExecutorService threads) {
        this.target = target;
        this.listener = listener;
        this.threads = threads;
    }

    /** Starts a proxy to {@code target} (its host and port; the rest is ignored) on a free 127.0.0.1 port. */
    public static OutageProxy start(URI target) {
        Objects.requireNonNull(target, "target");
        if (target.getHost() == null || target.getPort() < 0) {
            throw new IllegalArgumentException("target must name a host and a port: " + target);
        }
        ServerSocket listener;
        try {
            listener = new ServerSocket(0, 256, InetAddress.getByName(Ports.HOST));
        } catch (IOException e) {
            throw new IllegalStateException("the proxy cannot listen on " + Ports.HOST, e);
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "outage-proxy-" + listener.getLocalPort() + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        OutageProxy proxy = new OutageProxy(target, listener, threads);
        threads.execute(proxy::accept);
        return proxy;
    }

    /** Where clients connect instead of the target: {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://" + Ports.HOST + ":" + listener.getLocalPort());
    }

    public URI target() {
        return target;
    }

    /** Fails every request from now on, on open connections and new ones, until {@link #up()}. */
    public void down() {
        down = true;
    }

    /**
     * Holds every piece of every request for {@code by} before passing it on: a client whose try ends
     * sooner gives up, yet the service still gets the request and acts on it, as a slow AWS does. For the
     * ambiguous case: a send that timed out may have been sent.
     */
    public void slow(Duration by) {
        slowBy = Objects.requireNonNull(by, "by");
        down = false;
    }

    /**
     * The answer to the next request whose head names one of {@code markers} (an operation,
     * {@code "DynamoDB_20120810.UpdateItem"}; a method, {@code "PUT /"}) never reaches its client: the service
     * gets the request and acts on it, then the connection is reset as its answer starts back, as when a
     * network drops an answer. A client that tries again finds its own write done: a conditional write then
     * fails against itself. Other requests pass untouched.
     */
    public void loseNextAnswerTo(String... markers) {
        if (markers.length == 0) {
            throw new IllegalArgumentException("name at least one marker");
        }
        loseAnswerTo.set(List.of(markers));
    }

    /** True until the request {@link #loseNextAnswerTo} waits for has come. */
    public boolean losingAnAnswer() {
        return loseAnswerTo.get() != null;
    }

    /** Answers dropped by {@link #loseNextAnswerTo}. */
    public int answersLost() {
        return answersLost.get();
    }

    /** Back to normal: neither down nor slow, and no answer waiting to be lost. */
    public void up() {
        down = false;
        slowBy = Duration.ZERO;
        loseAnswerTo.set(null);
    }

    public boolean isDown() {
        return down;
    }

    /**
     * True while a slow proxy holds part of a request it has not passed on yet: the client may have given
     * up on it, but the service will still get it.
     */
    public boolean holding() {
        return holding.get() > 0;
    }

    public boolean isSlow() {
        return !slowBy.isZero();
    }

    /** Connections reset because the proxy was down. */
    public int refused() {
        return refused.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            threads.execute(() -> connect(client));
        }
    }

    private void connect(Socket client) {
        if (down) {
            refuse(client);
            return;
        }
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(target.getHost(), target.getPort()), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException unreachable) {
            LOG.warn("{} cannot reach {}: {}", this, target, unreachable.toString());
            reset(client);
            closeQuietly(upstream);
            return;
        }
        try {
            // Each piece goes on as it comes: Nagle's algorithm would hold small writes for the peer's delayed ACK.
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
        } catch (SocketException closedMeanwhile) {
            reset(client);
            closeQuietly(upstream);
            return;
        }
        Pipe pipe = new Pipe(client, upstream);
        open.add(pipe);
        threads.execute(() -> pipe.copy(client, upstream));
        threads.execute(() -> pipe.copy(upstream, client));
    }

    private void refuse(Socket client) {
        refused.incrementAndGet();
        reset(client);
    }

    /** One client connection and its connection to the target. */
    private final class Pipe {
        private final Socket client;
        private final Socket upstream;
        private final AtomicInteger directionsOpen = new AtomicInteger(2);
        /** The request now on this connection is the one whose answer is to be lost. */
        private volatile boolean answerToLose;

        Pipe(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        /**
         * Copies until {@code from} ends, then half-closes {@code to}, as a client that has sent its whole
         * request may do; the sockets close when both directions have ended.
         */
        void copy(Socket from, Socket to) {
            // Not try-with-resources: closing a socket's stream closes the socket, and the other direction may go on.
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                byte[] buffer = new byte[16 * 1024];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (down) {
                        refused.incrementAndGet();
                        reset();
                        return;
                    }
                    if (from == client) {
                        List<String> markers = loseAnswerTo.get();
                        // Marked before the request goes on, so that its answer cannot come back first.
                        if (markers != null && markers.stream().anyMatch(text(buffer, n)::contains)
                                && loseAnswerTo.compareAndSet(markers, null)) {
                            answerToLose = true;
                        }
                    } else if (answerToLose && !text(buffer, n).startsWith("HTTP/1.1 100")) {
                        // Not at a "100 Continue": the service would not have the body yet, nor have acted.
                        answersLost.incrementAndGet();
                        reset();
                        return;
                    }
                    Duration hold = slowBy;
                    if (from == client && !hold.isZero()) {
                        holding.incrementAndGet();
                        try {
                            Thread.sleep(hold.toMillis());
                            out.write(buffer, 0, n);
                            out.flush();
                        } finally {
                            holding.decrementAndGet();
                        }
                        continue;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
                to.shutdownOutput();
            } catch (IOException ended) {
                // Reset by down(), or by either end: nothing more can travel either way.
                reset();
                return;
            } catch (InterruptedException closing) {
                Thread.currentThread().interrupt();
                reset();
                return;
            }
            if (directionsOpen.decrementAndGet() == 0) {
                closeQuietly(client);
                closeQuietly(upstream);
                open.remove(this);
            }
        }

        void reset() {
            OutageProxy.reset(client);
            OutageProxy.reset(upstream);
            open.remove(this);
        }
    }

    /** A piece of HTTP as the bytes it is: a request's head and an answer's status line are ASCII. */
    private static String text(byte[] buffer, int length) {
        return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
    }

    /** Closes with a TCP reset rather than an orderly close, as a connection that breaks does. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException alreadyClosed) {
            // closed already: nothing to reset
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed: {}", socket, e.toString());
        }
    }

    /** Stops listening and cuts every connection. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed: {}", this, e.toString());
        }
        List.copyOf(open).forEach(Pipe::reset);
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return "OutageProxy[" + endpoint() + " -> " + target + (down ? ", down" : isSlow() ? ", slow by " + slowBy : "") + "]";
    }
}
