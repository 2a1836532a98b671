package dev.plate.support;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * A small HTTP/1.1 server on loopback, plain or TLS, one virtual thread per connection, keep-alive.
 *
 * <p>Not com.sun.net.httpserver: that server cannot tell that a client hung up on a response still streaming (it
 * only learns on a later write that fails), while Argo CD's server notices at once through the request's
 * context, and a follow log stream of this double must do the same.
 */
final class LoopbackHttpServer implements AutoCloseable {

    interface Handler {
        void handle(Exchange exchange) throws IOException;
    }

    private final ServerSocket socket;
    private final Handler handler;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    LoopbackHttpServer(SSLContext tls, Handler handler) {
        this.handler = handler;
        try {
            socket = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("fake-argocd-accept").start(this::acceptConnections);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void acceptConnections() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                Thread.ofVirtual().name("fake-argocd-connection").start(() -> serve(connection));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            var in = new BufferedInputStream(connection.getInputStream());
            var out = new BufferedOutputStream(connection.getOutputStream());
            Exchange exchange;
            while ((exchange = Exchange.read(in, out)) != null) {
                handler.handle(exchange);
                exchange.finish();
                if (exchange.hungUp || exchange.closeAfter || "close".equalsIgnoreCase(exchange.header("connection"))) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away (or the server closed): nothing to answer
        } finally {
            connections.remove(connection);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket connection : connections) {
            try {
                connection.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** One request and its answer: either whole (Content-Length) or a chunked stream. */
    static final class Exchange {

        final String method;
        final String path;
        final String query;
        final byte[] body;
        private final Map<String, String> headers;
        private final InputStream in;
        private final OutputStream out;
        private boolean answered;
        private int streamStatus;
        private String streamContentType;
        private boolean streamStarted;
        private volatile boolean hungUp;
        private volatile boolean closeAfter;

        private Exchange(String target, String method, Map<String, String> headers, byte[] body, InputStream in,
                OutputStream out) {
            int question = target.indexOf('?');
            this.method = method;
            this.path = question < 0 ? target : target.substring(0, question);
            this.query = question < 0 ? null : target.substring(question + 1);
            this.headers = headers;
            this.body = body;
            this.in = in;
            this.out = out;
        }

        static Exchange read(InputStream in, OutputStream out) throws IOException {
            String requestLine = line(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return null;
            }
            String[] parts = requestLine.split(" ");
            var headers = new LinkedHashMap<String, String>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).trim());
            }
            return new Exchange(parts[1], parts[0], headers, body(in, headers), in, out);
        }

        /** A header by its name in any case; null when absent. */
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        void respond(int status, String contentType, byte[] content) throws IOException {
            answered = true;
            var head = new StringBuilder(statusLine(status));
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
        }

        /** Starts a chunked answer; like Go's net/http, the head goes out with the first chunk, not before. */
        void startStream(int status, String contentType) {
            answered = true;
            streamStatus = status;
            streamContentType = contentType;
        }

        /** Writes one chunk and flushes it; false when the client is gone. */
        synchronized boolean writeChunk(byte[] content) {
            if (hungUp) {
                return false;
            }
            try {
                writeStreamHead();
                out.write((Integer.toHexString(content.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(content);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return true;
            } catch (IOException e) {
                hungUp = true;
                return false;
            }
        }

        /** Blocks until the client closes the connection: a client never sends more while a stream is open. */
        void awaitHangUp() {
            try {
                while (in.read() >= 0) {
                    // pipelined bytes are not expected; keep waiting for the end
                }
            } catch (IOException e) {
                // reset: gone as well
            }
            hungUp = true;
        }

        /** This answer is the connection's last: something else is reading from it meanwhile. */
        void closeConnectionAfter() {
            closeAfter = true;
        }

        private synchronized void finish() throws IOException {
            if (!answered) {
                respond(500, "text/plain; charset=utf-8", "no answer\n".getBytes(StandardCharsets.UTF_8));
            } else if (streamContentType != null && !hungUp) {
                writeStreamHead();
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }

        private void writeStreamHead() throws IOException {
            if (streamStarted) {
                return;
            }
            streamStarted = true;
            String head = statusLine(streamStatus) + "Content-Type: " + streamContentType
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
        }

        private static String statusLine(int status) {
            return "HTTP/1.1 " + status + " " + ArgoCdJson.reason(status) + "\r\n";
        }

        private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                var body = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
                line(in);
                return body.toByteArray();
            }
            String length = headers.get("content-length");
            return length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
        }

        private static String line(InputStream in) throws IOException {
            var line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
