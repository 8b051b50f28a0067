package vn.langso.backend.config;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/** Cross-origin reads and the request timeout of the public API. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LangsoProperties.class)
class WebConfiguration {

    /** Lets browser code on other origins (the ui on its own port) read {@code /api/**} and {@code /ogc/**}, but not write. */
    @Bean
    CorsWebFilter apiCorsFilter(LangsoProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "OPTIONS"));
        cors.setAllowedHeaders(List.of("*"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        // The ui, served from another origin, fetches vector tiles from /ogc in the browser.
        source.registerCorsConfiguration("/ogc/**", cors);
        return new CorsWebFilter(source);
    }

    @Bean
    RequestTimeoutFilter requestTimeoutFilter(LangsoProperties properties) {
        return new RequestTimeoutFilter(properties.api().requestTimeout());
    }
}
