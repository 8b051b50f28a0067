package vn.langso.backend.exports;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Releases the export slot of a request when the request ends. The export body releases its slot when the
 * body ends. This filter covers a request that ends before its body is subscribed, for example when the
 * client disconnects just after the slot was taken.
 */
@Component
class ExportSlotRelease implements WebFilter {

    /** Exchange attribute that contains the {@link ExportLimiter.Slot} of a running export. */
    static final String SLOT_ATTRIBUTE = ExportSlotRelease.class.getName() + ".slot";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).doFinally(signal -> {
            if (exchange.getAttribute(SLOT_ATTRIBUTE) instanceof ExportLimiter.Slot slot) {
                slot.release();
            }
        });
    }
}
