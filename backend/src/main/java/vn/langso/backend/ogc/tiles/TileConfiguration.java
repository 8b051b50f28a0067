package vn.langso.backend.ogc.tiles;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the validated tile settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TileProperties.class)
class TileConfiguration {
}
