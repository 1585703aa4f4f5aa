package io.finagent.floor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The one resource of the floor: its first 200 is the floor's "ready". */
@Path("/hello")
public class Hello {

    @GET
    public String hello() {
        return "hello";
    }
}
