package io.finagent.platform.security;

/** The two roles of the cluster, carried in the token's {@code groups} claim. */
public final class Roles {
    /** An agent acting for its own user: sees and writes only that user's rows. */
    public static final String AGENT = "agent";
    /** Operators: backup, restore, archive, migrations, all users. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
