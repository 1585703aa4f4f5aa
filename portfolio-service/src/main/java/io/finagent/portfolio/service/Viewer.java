package io.finagent.portfolio.service;

/** Who asks: an admin sees every user, anyone else only itself. */
public record Viewer(String subject, boolean admin) {

    public boolean sees(String userSubject) {
        return admin || subject.equals(userSubject);
    }
}
