package vn.langso.backend.problems;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;

/** Puts {@link MalformedRequestHandler} right after the HTTP decoder of every connection the server accepts. */
@Configuration(proxyBeanMethods = false)
class MalformedRequestConfiguration {

    private static final String HANDLER_NAME = "langso.malformedRequest";

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
}
