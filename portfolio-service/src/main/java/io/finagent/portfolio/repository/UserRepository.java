package io.finagent.portfolio.repository;

import io.finagent.portfolio.domain.User;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class UserRepository implements PanacheRepository<User> {

    public Uni<User> bySubject(String subject) {
        return find("subject", subject).firstResult();
    }

    /** Every user when {@code subject} is null (an admin asks), else only that one. */
    public Uni<List<User>> page(String subject, int page, int size) {
        return (subject == null ? findAll(Sort.ascending("id")) : find("subject", Sort.ascending("id"), subject)).page(page, size).list();
    }

    public Uni<Long> countVisible(String subject) {
        return subject == null ? count() : count("subject", subject);
    }
}
