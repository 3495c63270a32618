package org.parcours.live.web;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.CharBuffer;
import org.apache.catalina.connector.CoyoteAdapter;
import org.apache.catalina.connector.InputBuffer;
import org.apache.catalina.connector.Request;
import org.apache.coyote.Adapter;
import org.apache.coyote.Response;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SocketEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's HTTP/1.1 connector with smaller per-connection buffers. Every open connection keeps its request and
 * response objects, and Tomcat gives each of them buffers sized for any request whatever it is: an 8 KB byte and an
 * 8 K-character (16 KB) buffer for the response, and an 8 K-character buffer for reading a request body as text.
 * With thousands of live streams open those 40 KB per connection were the largest part of a node's heap (see
 * docs/live-room.md, "Memory per stream"):
 *
 * <ul>
 *   <li>responses get 2 KB (+ 4 KB of characters) through {@link #getDesiredBufferSize()}, the connector's own
 *       setting for it: pages are rendered into memory and written at once, and what is written goes through the
 *       4 KB socket buffer anyway (see {@link LiveStreamConfig});
 *   <li>the request's character buffer, which Tomcat offers no setting for, is replaced by a 256-character one when
 *       the request object is created. It only serves {@code request.getReader()} (Parcours reads bodies as bytes),
 *       which works the same with a smaller buffer, in more rounds. If a Tomcat version no longer has that field,
 *       nothing is changed and a warning says so.
 * </ul>
 *
 * <p>Public with a public constructor because Tomcat creates the protocol from its class name.
 */
public class LiveStreamProtocol extends Http11NioProtocol {

    static final int RESPONSE_BUFFER = 2048;
    static final int REQUEST_CHARS = 256;

    private static final Logger log = LoggerFactory.getLogger(LiveStreamProtocol.class);
    private static final @Nullable VarHandle REQUEST_INPUT = field(Request.class, "inputBuffer", InputBuffer.class);
    private static final @Nullable VarHandle INPUT_CHARS = field(InputBuffer.class, "cb", CharBuffer.class);

    @Override
    public int getDesiredBufferSize() {
        return RESPONSE_BUFFER;
    }

    @Override
    public void setAdapter(Adapter adapter) {
        super.setAdapter(REQUEST_INPUT == null || INPUT_CHARS == null ? adapter : new SmallerRequests(adapter));
    }

    /** Replaces the character buffer of a request object Tomcat has just created; true if it did. */
    static boolean shrink(Request request) {
        if (REQUEST_INPUT == null || INPUT_CHARS == null) {
            return false;
        }
        InputBuffer input = (InputBuffer) REQUEST_INPUT.get(request);
        CharBuffer small = CharBuffer.allocate(REQUEST_CHARS);
        // an empty buffer ready to be filled, as InputBuffer keeps it between reads
        small.position(0).limit(0);
        INPUT_CHARS.set(input, small);
        return true;
    }

    private static @Nullable VarHandle field(Class<?> owner, String name, Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findVarHandle(owner, name, type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn(
                    "Tomcat's {}.{} not found: request buffers keep their default size ({})",
                    owner.getSimpleName(),
                    name,
                    e.toString());
            return null;
        }
    }

    /** Tomcat's adapter, which creates the request object on a connection's first request: then it is shrunk. */
    private record SmallerRequests(Adapter adapter) implements Adapter {

        @Override
        public void service(org.apache.coyote.Request req, Response res) throws Exception {
            boolean fresh = req.getNote(CoyoteAdapter.ADAPTER_NOTES) == null;
            try {
                adapter.service(req, res);
            } finally {
                // the buffer is only used while a body is read as text, and a new one is cleared: replacing it
                // after the first request (or while a stream goes on asynchronously) races with nothing
                if (fresh && req.getNote(CoyoteAdapter.ADAPTER_NOTES) instanceof Request request) {
                    shrink(request);
                }
            }
        }

        @Override
        public boolean prepare(org.apache.coyote.Request req, Response res) throws Exception {
            return adapter.prepare(req, res);
        }

        @Override
        public boolean asyncDispatch(org.apache.coyote.Request req, Response res, SocketEvent status) throws Exception {
            return adapter.asyncDispatch(req, res, status);
        }

        @Override
        public void log(org.apache.coyote.Request req, Response res, long time) {
            adapter.log(req, res, time);
        }

        @Override
        public void checkRecycled(org.apache.coyote.Request req, Response res) {
            adapter.checkRecycled(req, res);
        }

        @Override
        public String getDomain() {
            return adapter.getDomain();
        }
    }
}
