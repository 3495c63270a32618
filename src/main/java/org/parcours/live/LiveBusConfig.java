package org.parcours.live;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the bus: {@code parcours.live.bus=memory} (default, one node) or {@code redis} (several nodes). */
@Configuration(proxyBeanMethods = false)
class LiveBusConfig {

    @Bean(destroyMethod = "close")
    LiveBus liveBus(LiveSettings settings) {
        return switch (settings.bus()) {
            case "memory" -> new MemoryLiveBus();
            case "redis" -> RedisLiveBus.connect(settings.redisUrl(), settings.redisChannel());
            default ->
                throw new IllegalStateException(
                        "parcours.live.bus must be 'memory' or 'redis', not '" + settings.bus() + "'");
        };
    }
}
