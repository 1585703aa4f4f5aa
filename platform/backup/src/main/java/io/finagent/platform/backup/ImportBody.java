package io.finagent.platform.backup;

import io.finagent.platform.rest.LargeBodyEndpoint;
import jakarta.enterprise.context.ApplicationScoped;

/** A restore's body is a whole service's data: {@link ImportResource} alone takes more than 10 MiB. */
@ApplicationScoped
public class ImportBody implements LargeBodyEndpoint {

    @Override
    public String path() {
        return ImportResource.PATH;
    }
}
