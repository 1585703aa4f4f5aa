package io.finagent.portfolio.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

/** Body of {@code POST /api/v1/users} (admin): {@code subject} is the user's JWT subject. */
public record UserRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^\\S+$", message = "must not contain spaces") String subject,
        @NotBlank @Size(max = 100) String username,
        @Email @Size(max = 320) String email,
        Map<String, Object> preferences) {
}
