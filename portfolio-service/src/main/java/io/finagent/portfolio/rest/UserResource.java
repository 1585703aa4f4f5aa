package io.finagent.portfolio.rest;

import io.finagent.platform.paging.Page;
import io.finagent.platform.paging.PageRequest;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.finagent.portfolio.mapping.UserMapper;
import io.finagent.portfolio.service.UserService;
import io.finagent.portfolio.service.Viewer;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Users: an admin creates and sees them all; a user reads itself and its settings. */
@Path("/api/v1/users")
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class UserResource {

    private static final String KEY = "^[A-Za-z0-9_.:-]{1,100}$";
    private static final String KEY_RULE = "must be 1 to 100 letters, digits or _ . : -";

    private final UserService service;
    private final UserMapper mapper;
    private final CurrentUser user;

    public UserResource(UserService service, UserMapper mapper, CurrentUser user) {
        this.service = service;
        this.mapper = mapper;
        this.user = user;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> create(@NotNull(message = "a user body is required") @Valid UserRequest request, @Context UriInfo uri) {
        return service.create(mapper.toUser(request, now()))
                .map(created -> Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id)).build())
                        .entity(mapper.toResponse(created)).build());
    }

    @GET
    public Uni<Page<UserResponse>> list(@Valid @BeanParam PageRequest page) {
        return service.list(viewer(), page.page, page.size).map(p -> p.map(mapper::toResponse));
    }

    /** The caller's own profile; the agent gateway reads it at login, which sets {@code lastLogin}. */
    @GET
    @Path("/me")
    public Uni<UserResponse> me() {
        return service.login(user.id(), now()).map(mapper::toResponse);
    }

    @GET
    @Path("/{id}")
    public Uni<UserResponse> get(@PathParam("id") long id) {
        return service.find(viewer(), id).map(mapper::toResponse);
    }

    @GET
    @Path("/{id}/settings/{key}")
    public Uni<SettingResponse> setting(@PathParam("id") long id, @PathParam("key") @Pattern(regexp = KEY, message = KEY_RULE) String key) {
        return service.setting(viewer(), id, key).map(mapper::toResponse);
    }

    /** The body is the setting's value, a JSON object: 201 when it creates the setting, 200 when it replaces it. */
    @PUT
    @Path("/{id}/settings/{key}")
    public Uni<Response> putSetting(@PathParam("id") long id, @PathParam("key") @Pattern(regexp = KEY, message = KEY_RULE) String key,
                                    @NotNull(message = "a JSON object is required") Map<String, Object> value) {
        return service.putSetting(viewer(), id, key, value, now())
                .map(written -> Response.status(written.created() ? 201 : 200).entity(mapper.toResponse(written.setting())).build());
    }

    private Viewer viewer() {
        return new Viewer(user.id(), user.isAdmin());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
