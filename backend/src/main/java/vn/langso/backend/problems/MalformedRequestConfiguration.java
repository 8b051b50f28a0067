package vn.langso.backend.problems;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;
import reactor.netty.NettyPipeline;

/**
 * Responds to unreadable requests with problem+json: {@link MalformedRequestHandler} right after the HTTP decoder of
 * every connection the server accepts, and a handler of the requests that Spring Security's firewall rejects.
 */
@Configuration(proxyBeanMethods = false)
class MalformedRequestConfiguration {

    private static final String HANDLER_NAME = "langso.malformedRequest";
    private static final int MAX_REASON_LENGTH = 200;

    @Bean
    NettyServerCustomizer malformedRequestAnswers(
            @Value("${server.netty.max-initial-line-length:4KB}") DataSize maxInitialLineLength,
            @Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaderSize) {
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER_NAME,
                        new MalformedRequestHandler(maxInitialLineLength, maxHeaderSize));
            }
        });
    }

    /**
     * Turns a request that the firewall rejects (a path with {@code //}, {@code ..}, {@code ;} or an encoded slash, an
     * unknown method) into a problem, because the firewall's own handler sends an empty 400. Spring Security applies
     * the single bean of this type to every request, the public reads that skip the security chain included.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedRequestAnswers() {
        return (exchange, rejected) -> Mono.error(new RejectedRequestException(rejectedDetail(rejected.getMessage())));
    }

    /** Writes why the firewall rejected a request, on one line and short, since it may quote the request. */
    static String rejectedDetail(String reason) {
        String line = reason == null ? "the request is not in canonical form" : reason.replaceAll("\\p{Cntrl}", " ");
        String shortened = line.length() <= MAX_REASON_LENGTH ? line : line.substring(0, MAX_REASON_LENGTH) + "…";
        return shortened + ". Send the path in canonical form (no '//', '/./', '/../', ';', encoded slash %2F, encoded "
                + "percent sign %25 or backslash) with a standard HTTP method such as GET.";
    }
}
