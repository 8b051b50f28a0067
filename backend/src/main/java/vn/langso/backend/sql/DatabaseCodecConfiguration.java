package vn.langso.backend.sql;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.extension.CodecRegistrar;
import java.util.List;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/** Registers the backend's own r2dbc-postgresql codecs ahead of the driver's, on every new connection. */
@Configuration(proxyBeanMethods = false)
class DatabaseCodecConfiguration {

    @Bean
    ConnectionFactoryOptionsBuilderCustomizer backendCodecs() {
        CodecRegistrar registrar = (connection, allocator, registry) -> {
            registry.addFirst(new ByteaHexCodec());
            registry.addFirst(new Utf8TextCodec());
            return Mono.empty();
        };
        return options -> options.option(PostgresqlConnectionFactoryProvider.EXTENSIONS, List.of(registrar));
    }
}
