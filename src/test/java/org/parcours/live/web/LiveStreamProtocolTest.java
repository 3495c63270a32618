package org.parcours.live.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.coyote.InputBuffer;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.junit.jupiter.api.Test;

/** The connector's smaller buffers: responses of 2 KB, and a request body still read whole as text. */
class LiveStreamProtocolTest {

    @Test
    void responsesGetTheSmallerBuffer() {
        Connector connector = new Connector(LiveStreamProtocol.class.getName());
        Response response = connector.createResponse(new org.apache.coyote.Response());
        assertThat(response.getBufferSize()).isEqualTo(LiveStreamProtocol.RESPONSE_BUFFER);
    }

    @Test
    void socketBuffersAreDirectAndAPageFitsInOneWrite() {
        Connector connector = new Connector(LiveStreamProtocol.class.getName());
        new LiveStreamConfig().liveStreamSocketBuffers().customize(connector);

        var protocol = (LiveStreamProtocol) connector.getProtocolHandler();
        assertThat(protocol.getProperty("socket.directBuffer")).isEqualTo("true");
        assertThat(protocol.getProperty("socket.appReadBufSize")).isEqualTo("2048");
        // the demo's session pages are about 11 KB: one socket write each
        assertThat(Integer.parseInt(protocol.getProperty("socket.appWriteBufSize")))
                .isGreaterThanOrEqualTo(16 * 1024);
    }

    @Test
    void aBodyLongerThanTheSmallerBufferIsStillReadWholeAsText() throws IOException {
        String body = "Coopérer, c’est d’abord s’accorder sur les mots. ".repeat(400);
        Connector connector = new Connector(LiveStreamProtocol.class.getName());
        org.apache.coyote.Request coyote = new org.apache.coyote.Request();
        coyote.setCharset(StandardCharsets.UTF_8);
        coyote.setInputBuffer(new Bytes(body.getBytes(StandardCharsets.UTF_8)));
        org.apache.coyote.Response coyoteResponse = new org.apache.coyote.Response();
        coyote.setResponse(coyoteResponse);
        Request request = connector.createRequest(coyote);
        request.setResponse(connector.createResponse(coyoteResponse));

        assertThat(LiveStreamProtocol.shrink(request)).isTrue();

        StringWriter read = new StringWriter();
        request.getReader().transferTo(read);
        // compared without printing 20,000 characters on failure
        assertThat(read.toString().equals(body))
                .as("read %s of %s characters", read.toString().length(), body.length())
                .isTrue();
    }

    /** A request body, served at once. */
    private static final class Bytes implements InputBuffer {
        private final ByteBuffer remaining;

        Bytes(byte[] bytes) {
            this.remaining = ByteBuffer.wrap(bytes);
        }

        @Override
        public int doRead(ApplicationBufferHandler handler) {
            if (!remaining.hasRemaining()) {
                return -1;
            }
            int n = remaining.remaining();
            handler.setByteBuffer(remaining.slice());
            remaining.position(remaining.limit());
            return n;
        }

        @Override
        public int available() {
            return remaining.remaining();
        }
    }
}
