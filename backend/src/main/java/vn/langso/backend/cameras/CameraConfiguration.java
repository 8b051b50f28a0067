package vn.langso.backend.cameras;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Settings of the cameras feature. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CameraProperties.class)
class CameraConfiguration {
}
