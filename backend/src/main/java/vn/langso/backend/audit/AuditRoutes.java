package vn.langso.backend.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import vn.langso.backend.web.ReadOnlyRoutes;

/** Routes of the audit search API. */
@Configuration(proxyBeanMethods = false)
class AuditRoutes {

    @Bean
    RouterFunction<ServerResponse> auditRouter(AuditHandler handler) {
        return RouterFunctions.route()
                .route(ReadOnlyRoutes.read("/api/v1/admin/audit"), handler::search)
                .add(ReadOnlyRoutes.rejectWrites("/api/v1/admin/audit"))
                .build();
    }
}
