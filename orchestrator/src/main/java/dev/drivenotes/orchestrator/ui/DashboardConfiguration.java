package dev.drivenotes.orchestrator.ui;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dashboard's form protection: {@link SameOriginFilter} on {@code /ui/*}. */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    FilterRegistrationBean<SameOriginFilter> dashboardSameOrigin(@Value("${server.address:}") String address)
            throws UnknownHostException {
        boolean loopbackOnly =
                !address.isBlank() && InetAddress.getByName(address).isLoopbackAddress();
        FilterRegistrationBean<SameOriginFilter> registration =
                new FilterRegistrationBean<>(new SameOriginFilter(loopbackOnly));
        registration.addUrlPatterns("/ui/*");
        return registration;
    }
}
