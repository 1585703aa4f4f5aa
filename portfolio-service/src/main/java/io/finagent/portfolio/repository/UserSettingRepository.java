package io.finagent.portfolio.repository;

import io.finagent.portfolio.domain.UserSetting;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class UserSettingRepository implements PanacheRepository<UserSetting> {

    public Uni<UserSetting> find(String userId, String key) {
        return find("userId = ?1 and key = ?2", userId, key).firstResult();
    }
}
