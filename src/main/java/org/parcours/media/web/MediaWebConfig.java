package org.parcours.media.web;

import org.parcours.media.MediaSettings;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The upload guard is a bean for the security chain only, not a servlet filter of its own. */
@Configuration(proxyBeanMethods = false)
class MediaWebConfig {

    @Bean
    MediaUploadGuard mediaUploadGuard(MediaSettings settings) {
        return new MediaUploadGuard(settings);
    }

    @Bean
    FilterRegistrationBean<MediaUploadGuard> mediaUploadGuardRegistration(MediaUploadGuard guard) {
        FilterRegistrationBean<MediaUploadGuard> registration = new FilterRegistrationBean<>(guard);
        registration.setEnabled(false);
        return registration;
    }
}
