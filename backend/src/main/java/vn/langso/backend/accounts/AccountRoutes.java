package vn.langso.backend.accounts;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import vn.langso.backend.web.ReadOnlyRoutes;

/** Routes of sign-in ({@code /api/v1/auth}) and account administration ({@code /api/v1/admin/users}). */
@Configuration(proxyBeanMethods = false)
class AccountRoutes {

    @Bean
    RouterFunction<ServerResponse> accountRouter(AuthHandler auth, AdminUserHandler admin) {
        return RouterFunctions.route()
                .POST("/api/v1/auth/token", auth::passwordToken)
                .POST("/api/v1/auth/refresh", auth::refresh)
                .POST("/api/v1/auth/phone/code", auth::phoneCode)
                .POST("/api/v1/auth/phone/token", auth::phoneToken)
                .route(ReadOnlyRoutes.read("/api/v1/auth/me"), auth::me)
                .route(ReadOnlyRoutes.read("/api/v1/admin/users"), admin::list)
                .POST("/api/v1/admin/users", admin::create)
                .route(ReadOnlyRoutes.read("/api/v1/admin/users/{id}"), admin::get)
                .PUT("/api/v1/admin/users/{id}/roles", admin::updateRoles)
                .PUT("/api/v1/admin/users/{id}/enabled", admin::updateEnabled)
                .build();
    }

    /** Creates the logging sender, unless a gateway (SMS, Zalo) provides another {@link OneTimeCodeSender}. */
    @Bean
    @ConditionalOnMissingBean(OneTimeCodeSender.class)
    LoggingOneTimeCodeSender loggingOneTimeCodeSender() {
        return new LoggingOneTimeCodeSender();
    }
}
