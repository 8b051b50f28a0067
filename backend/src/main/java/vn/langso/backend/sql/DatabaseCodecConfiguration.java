package vn.langso.backend.sql;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.extension.CodecRegistrar;
import java.util.List;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Registers the backend's own r2dbc-postgresql codecs ahead of the driver's, on every new connection, and requests
 * results in binary format.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseCodecConfiguration {

    @Bean
    ConnectionFactoryOptionsBuilderCustomizer backendCodecs() {
        CodecRegistrar registrar = (connection, allocator, registry) -> {
            registry.addFirst(new ByteaHexCodec());
            registry.addFirst(new Utf8TextCodec());
            return Mono.empty();
        };
        // In text format PostgreSQL writes a vector tile (bytea) as hexadecimal, twice its size, and the backend
        // decodes it again. Tiles of 35 to 135 KB took about 23 % longer that way (bench/README.md).
        return options -> options.option(PostgresqlConnectionFactoryProvider.EXTENSIONS, List.of(registrar))
                .option(PostgresqlConnectionFactoryProvider.FORCE_BINARY, true);
    }
}
