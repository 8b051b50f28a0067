package vn.langso.backend.problems;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Responds to an unreadable request with a problem+json body and closes the connection. Unreadable means a request
 * that Netty's HTTP decoder rejected (a request line or headers above the limits) or whose target {@link URI}
 * rejects (a raw {@code >} or <code>{</code> in the query string). Without this handler, Reactor Netty or Spring
 * would send an empty 400, 414 or 431, which gives a planner who typed a CQL2 filter into curl no reason.
 * One instance serves one connection.
 */
final class MalformedRequestHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequestHandler.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_CAUSE_LENGTH = 200;

    private final DataSize maxInitialLineLength;
    private final DataSize maxHeaderSize;
    private boolean answered;

    MalformedRequestHandler(DataSize maxInitialLineLength, DataSize maxHeaderSize) {
        this.maxInitialLineLength = maxInitialLineLength;
        this.maxHeaderSize = maxHeaderSize;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (answered) {
            // The rest of a rejected request may still arrive before the connection closes; none of it is a request.
            ReferenceCountUtil.release(message);
            return;
        }
        if (message instanceof HttpRequest request) {
            Throwable failure = failure(request);
            if (failure != null) {
                answered = true;
                ReferenceCountUtil.release(message);
                log.debug("Rejected an unreadable HTTP request from {}: {}", context.channel().remoteAddress(),
                        shorten(String.valueOf(failure)));
                context.writeAndFlush(response(problem(failure))).addListener(ChannelFutureListener.CLOSE);
                return;
            }
        }
        context.fireChannelRead(message);
    }

    /**
     * Returns why the request cannot be handled, or null. Besides the decoder's own failures, a request target
     * that {@link URI} rejects counts: Spring parses it with that class and would respond with an empty 400.
     */
    private static Throwable failure(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            return request.decoderResult().cause();
        }
        try {
            new URI(request.uri());
            return null;
        } catch (URISyntaxException e) {
            return e;
        }
    }

    /** Chooses the problem for a decoding failure: the limit that was passed, or the text Netty could not parse. */
    Problem problem(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return Problem.of(ProblemType.URI_TOO_LONG, "The request line is longer than the server's limit of "
                    + maxInitialLineLength.toKilobytes() + " KB. Shorten the query string: use a simpler filter "
                    + "geometry or a bbox.", null, List.of());
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return Problem.of(ProblemType.HEADERS_TOO_LARGE, "The request headers are larger than the server's "
                    + "limit of " + maxHeaderSize.toKilobytes() + " KB. Send fewer or shorter headers.", null, List.of());
        }
        String reason = cause instanceof TooLongFrameException || cause == null || cause.getMessage() == null
                ? "it is not valid HTTP/1.1" : shorten(cause.getMessage());
        return Problem.of(ProblemType.MALFORMED_REQUEST, "The request could not be read: " + reason
                + ". Percent-encode the query parameter values (spaces, < > \" { } | \\ ^ `), for example with "
                + "curl -G --data-urlencode 'filter=...'.", null, List.of());
    }

    private static FullHttpResponse response(Problem problem) {
        byte[] body = JSON.writeValueAsBytes(problem);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(problem.status()), Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE.toString())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set("X-Content-Type-Options", "nosniff");
        return response;
    }

    /** Keeps a decoder message to one short line: it may quote the bad request, which the client chose. */
    private static String shorten(String text) {
        String line = text.replaceAll("[\\p{Cntrl}]", " ");
        return line.length() <= MAX_CAUSE_LENGTH ? line : line.substring(0, MAX_CAUSE_LENGTH) + "…";
    }
}
