package vn.langso.backend.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.security.CurrentUsers;

/**
 * Test-only stand-in for the credential check: reads the user that {@link TestUsers#as} put in a header. It lives in
 * test sources, so the application never has it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class TestUserFilter implements WebFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String encoded = exchange.getRequest().getHeaders().getFirst(TestUsers.HEADER);
        if (encoded == null) {
            return chain.filter(exchange);
        }
        CurrentUser user = JSON.readValue(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8),
                CurrentUser.class);
        return chain.filter(exchange).contextWrite(context -> CurrentUsers.withUser(context, user));
    }
}
