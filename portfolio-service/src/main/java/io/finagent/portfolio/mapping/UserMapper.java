package io.finagent.portfolio.mapping;

import io.finagent.portfolio.domain.User;
import io.finagent.portfolio.domain.UserSetting;
import io.finagent.portfolio.rest.SettingResponse;
import io.finagent.portfolio.rest.UserRequest;
import io.finagent.portfolio.rest.UserResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;

@ApplicationScoped
public class UserMapper {

    public User toUser(UserRequest request, Instant now) {
        User user = new User();
        user.subject = request.subject();
        user.username = request.username().strip();
        user.email = request.email();
        user.preferences = request.preferences() == null ? Map.of() : request.preferences();
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    public UserResponse toResponse(User u) {
        return new UserResponse(u.id, u.subject, u.username, u.email, u.preferences, u.lastLogin, u.createdAt, u.updatedAt);
    }

    public SettingResponse toResponse(UserSetting s) {
        return new SettingResponse(s.key, s.value, s.createdAt, s.updatedAt);
    }
}
