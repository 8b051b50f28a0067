package vn.langso.backend.cameras;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Beans of the cameras feature. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CameraProperties.class)
class CameraConfiguration {

    /** Transactions of the ingest, so that a batch is stored whole or not at all. */
    @Bean
    TransactionalOperator cameraTransactions(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }
}
