package io.finagent.portfolio.service;

import io.finagent.platform.entities.UniqueViolation;
import io.finagent.platform.paging.Page;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.security.Owned;
import io.finagent.portfolio.domain.User;
import io.finagent.portfolio.domain.UserSetting;
import io.finagent.portfolio.repository.UserRepository;
import io.finagent.portfolio.repository.UserSettingRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;

/** User profiles and their settings; another user's profile is a 404 unless an admin asks. */
@ApplicationScoped
public class UserService {

    /** A setting as stored, and whether this call created it. */
    public record SettingWritten(UserSetting setting, boolean created) {
    }

    private final UserRepository users;
    private final UserSettingRepository settings;

    public UserService(UserRepository users, UserSettingRepository settings) {
        this.users = users;
        this.settings = settings;
    }

    @WithTransaction
    public Uni<User> create(User user) {
        return users.persist(user).onFailure(UniqueViolation::is)
                .transform(failure -> ProblemException.conflict("a user with subject " + user.subject + " or username " + user.username + " exists"));
    }

    @WithSession
    public Uni<User> find(Viewer viewer, long id) {
        return Owned.orNotFound(users.findById(id).map(user -> user != null && viewer.sees(user.subject) ? user : null), "user", id);
    }

    /** The caller's own profile; reading it is what the agent gateway does at login, so it records the login. */
    @WithTransaction
    public Uni<User> login(String subject, Instant now) {
        return Owned.orNotFound(users.bySubject(subject), "user", subject).invoke(user -> user.lastLogin = now);
    }

    @WithSession
    public Uni<Page<User>> list(Viewer viewer, int page, int size) {
        String only = viewer.admin() ? null : viewer.subject();
        return users.page(only, page, size).chain(items -> users.countVisible(only).map(total -> new Page<>(items, page, size, total)));
    }

    @WithSession
    public Uni<UserSetting> setting(Viewer viewer, long userId, String key) {
        return Owned.orNotFound(find(viewer, userId).chain(user -> settings.find(user.subject, key)), "setting", key);
    }

    @WithTransaction
    public Uni<SettingWritten> putSetting(Viewer viewer, long userId, String key, Map<String, Object> value, Instant now) {
        return find(viewer, userId).chain(user -> settings.find(user.subject, key).chain(existing -> {
            if (existing != null) {
                existing.value = value;
                existing.updatedAt = now;
                return Uni.createFrom().item(new SettingWritten(existing, false));
            }
            UserSetting setting = new UserSetting();
            setting.userId = user.subject;
            setting.key = key;
            setting.value = value;
            setting.createdAt = now;
            setting.updatedAt = now;
            return settings.persist(setting).map(stored -> new SettingWritten(stored, true));
        }));
    }
}
