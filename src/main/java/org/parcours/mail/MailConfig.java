package org.parcours.mail;

import java.util.Properties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The SMTP client, built from Spring's {@code spring.mail.*} properties. Parcours builds it itself (Spring Boot's
 * own then steps back) because the properties come from environment variables that default to empty: an empty
 * user name must mean "no authentication", not "authenticate as ''", and an empty host means "no SMTP server",
 * in which case messages are held in the Outbox and this client is never used.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfig {

    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    @Bean
    JavaMailSenderImpl mailSender(MailProperties properties) {
        nameStreamProvider();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        String protocol = StringUtils.hasText(properties.getProtocol()) ? properties.getProtocol() : "smtp";
        if (StringUtils.hasText(properties.getHost())) {
            sender.setHost(properties.getHost().strip());
        }
        if (properties.getPort() != null) {
            sender.setPort(properties.getPort());
        }
        sender.setProtocol(protocol);
        sender.setDefaultEncoding("UTF-8");
        Properties javaMail = new Properties();
        // A stalled server must not hold a batch past its lease: bounded connect, read and write times.
        javaMail.setProperty("mail." + protocol + ".connectiontimeout", "10000");
        javaMail.setProperty("mail." + protocol + ".timeout", "20000");
        javaMail.setProperty("mail." + protocol + ".writetimeout", "20000");
        if (StringUtils.hasText(properties.getUsername())) {
            sender.setUsername(properties.getUsername());
            sender.setPassword(properties.getPassword());
            javaMail.setProperty("mail." + protocol + ".auth", "true");
        }
        if (properties.getSsl().isEnabled()) {
            javaMail.setProperty("mail." + protocol + ".ssl.enable", "true");
            javaMail.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        // Anything set as spring.mail.properties.* wins (e.g. mail.smtp.starttls.required=true).
        javaMail.putAll(properties.getProperties());
        sender.setJavaMailProperties(javaMail);
        return sender;
    }

    /**
     * Jakarta Mail 2.1 looks its stream provider up with {@link java.util.ServiceLoader} for every body part it
     * creates or writes, scanning the class path each time: a third of the CPU spent sending in bench/mail. The API
     * reads a system property of that name first, so naming the provider (the one ServiceLoader would find) makes
     * it a plain class look-up. Left alone when already set.
     */
    static void nameStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null
                && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, MailConfig.class.getClassLoader())) {
            System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
        }
    }
}
